/// `claims.aud`: the audience of the token's kind: `appstoreconnect-v1` for server API and App Store Connect API
/// tokens, `promotional-offer`, `introductory-offer-eligibility` or `advanced-commerce-api` for StoreKit in-app JWS.
struct AudienceRule: LintRule {
    static let description = RuleDescription(
        id: .audience,
        defaultSeverity: .error,
        summary: "aud is exactly the audience of the token's kind: \"appstoreconnect-v1\" for API tokens, \"promotional-offer\", \"introductory-offer-eligibility\" or \"advanced-commerce-api\" for StoreKit in-app JWS, \"https://appleid.apple.com\" for a Sign in with Apple client secret; absent from APNs, DeviceCheck and MusicKit tokens.",
        explanation: """
            App Store Server API and App Store Connect API tokens: Apple requires "aud – Audience: \
            appstoreconnect-v1", the same for sandbox and production. StoreKit in-app JWS: "promotional-offer", \
            "introductory-offer-eligibility" or "advanced-commerce-api", one per kind. An array, another letter \
            case, "appstoreconnect-v1-sandbox" (advice that circulates and is wrong), or the audience of another \
            kind of token is an error; under a pinned profile, the message names the kind the token looks like. A \
            Sign in with Apple client secret has "https://appleid.apple.com" as the audience. APNs, DeviceCheck and \
            MusicKit tokens have no aud: another kind's audience there is an error that names it, any other a \
            warning. Apple's identity tokens have the app's client ID as aud (--client-id): another client ID is an \
            error, the token being for another app; without --client-id, aud is not compared, and a warning says \
            so, since accepting a token issued to another app is the mistake this check exists for.
            """,
        source: "\(Sources.appStoreServerAPITokens) (aud); \(Sources.inAppJWS) (aud); \(Sources.appStoreConnectTokens) (aud); \(Sources.clientSecret) (aud); \(Sources.apnsToken); apple-jwt-rules §1 and §6 cause 11",
        fix: "Set aud to the one string of the token's kind: \"appstoreconnect-v1\" for API calls (sandbox and production alike), or the StoreKit feature's audience for an in-app JWS.",
        triggeringExamples: [
            .token(.appStoreServerAPI, removing: ["aud"], "no aud"),
            .token(.appStoreServerAPI, setting: ["aud": #"["appstoreconnect-v1"]"#], "an array"),
            .token(.appStoreServerAPI, setting: ["aud": #""appstoreconnect-v1-sandbox""#], "a sandbox audience"),
            .token(.appStoreServerAPI, setting: ["aud": #""promotional-offer""#], "a promotional offer's audience under app-store-server-api"),
            .token(.promotionalOffer, setting: ["aud": #""appstoreconnect-v1""#], "a server API audience under promotional-offer"),
            .token(.introductoryOfferEligibility, setting: ["aud": #""promotional-offer""#], "another in-app audience"),
            .token(.advancedCommerceInApp, setting: ["aud": #""Advanced-Commerce-API""#], "auto picks by aud in any letter case; the case is still wrong", auto: true),
            .token(.signInWithApple, setting: ["aud": #""https://appleid.apple.com/""#], "a trailing slash"),
            .token(.apns, setting: ["aud": #""https://appleid.apple.com""#], "a Sign in with Apple client secret under apns"),
            .token(.musicKit, setting: ["aud": #""appstoreconnect-v1""#], "an App Store Server API audience in a MusicKit token"),
            .token(.apns, setting: ["aud": #""api.push.apple.com""#], "an aud APNs does not read", severity: .warning),
            .token(.signInWithAppleIdentity, "an identity token for another app", clientID: "com.example.other"),
            .token(.signInWithAppleIdentity, "no --client-id to compare an identity token's aud with", severity: .warning),
        ],
        nonTriggeringExamples: [
            .token("appstoreconnect-v1"),
            .token(.promotionalOffer, "promotional-offer", auto: true),
            .token(.introductoryOfferEligibility, "introductory-offer-eligibility", auto: true),
            .token(.signInWithApple, "https://appleid.apple.com", auto: true),
            .token(.apns, "an APNs token, no aud"),
            .token(.advancedCommerceInApp, "advanced-commerce-api", auto: true),
            .token(.appStoreConnectAPI, "appstoreconnect-v1 for the App Store Connect API"),
            .token(.signInWithAppleIdentity, "an identity token for the app", clientID: "com.example.app"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        let profile = context.profile
        if context.expectations.audienceIsClientID {
            checkClientID(claims, profile: profile, expected: context.options.clientID, into: &findings)
            return
        }
        let expected = profile.audience
        let expectedText = JSONText.quoted(expected)
        if expected.isEmpty {
            // A kind without aud (APNs, DeviceCheck, MusicKit): one there names another kind, or is not read at all.
            guard let value = claims["aud"] else { return }
            if let aud = value.stringValue, let other = Self.kind(withAudience: aud) {
                let otherProfile = Profile.named(other)
                findings.append(Self.description.finding(
                    .otherKind(other),
                    "aud is \(JSONText.quoted(aud)), the audience of \(otherProfile.titleWithArticle) (profile \(other)); \(profile.titleWithArticle) has no aud.",
                    hint: "Judge \(otherProfile.titleWithArticle) under the profile \(other); leave aud out of \(profile.titleWithArticle)."))
            } else {
                findings.append(Self.description.finding(
                    .unusualShape, "The claims have aud, which \(profile.titleWithArticle) does not carry; the service ignores it at best.",
                    severity: .warning, hint: "Leave aud out of \(profile.titleWithArticle)."))
            }
            return
        }
        guard let value = claims["aud"] else {
            findings.append(Self.description.finding(.missing, "The claims have no aud; \(profile.titleWithArticle) has aud \(expectedText)."))
            return
        }
        switch value {
        case .string(expected):
            return
        case .string(let aud):
            let shown = JSONText.quoted(aud)
            if aud.lowercased() == expected {
                findings.append(Self.description.finding(.wrongCase, "aud is \(shown); it is case-sensitive: \(expectedText)."))
            } else if expected == Profile.appStoreServerAPI.audience, aud.hasPrefix(expected) {
                findings.append(Self.description.finding(.wrongValue, "aud is \(shown); there is one audience for sandbox and production: \(expectedText)."))
            } else if let other = Self.kind(withAudience: aud), other != profile.name {
                let otherProfile = Profile.named(other)
                findings.append(Self.description.finding(
                    .otherKind(other),
                    "aud is \(shown), the audience of \(otherProfile.titleWithArticle) (profile \(other)), not of \(profile.titleWithArticle).",
                    hint: Self.otherKindHint(judgedAs: profile, looksLike: otherProfile)))
            } else {
                findings.append(Self.description.finding(.wrongValue, "aud is \(shown), not \(expectedText)."))
            }
        case .array:
            findings.append(Self.description.finding(.wrongType, "aud is an array; Apple expects the single string \(expectedText)."))
        default:
            findings.append(Self.description.finding(.wrongType, "aud is \(value.typeNameWithArticle), not the string \(expectedText)."))
        }
    }

    /// An identity token's aud: the client ID it was issued to, compared with the expected one.
    private func checkClientID(_ claims: JSONObject, profile: Profile, expected: String?, into findings: inout [Finding]) {
        guard let aud = Self.string(
            "aud", in: claims, subject: "aud", expected: "the client ID (a string)",
            ifMissing: Self.description.finding(.missing, "The claims have no aud; \(profile.titleWithArticle) names the client ID it was issued to."),
            into: &findings)
        else { return }
        guard let expected else {
            findings.append(Self.description.finding(
                .notChecked, "aud \(JSONText.quoted(aud)) was not compared: no client ID was given, and a token issued to another app must be refused.",
                severity: .warning, hint: "Give --client-id, the App ID or Services ID the token must be for."))
            return
        }
        if aud != expected {
            findings.append(Self.description.finding(
                .mismatch, "aud is \(JSONText.quoted(aud)), but the client ID is \(JSONText.quoted(expected)): the token was issued to another app.",
                hint: "Refuse the token; pass the identity token your own app received."))
        }
    }

    /// The kind whose audience this is exactly; `appstoreconnect-v1` counts as the App Store Server API's.
    private static func kind(withAudience audience: String) -> ProfileName? {
        Profile.all.first { ($0.recognition == .defaultKind || $0.recognition == .audience) && $0.audience == audience }?.name
    }

    private static func otherKindHint(judgedAs profile: Profile, looksLike other: Profile) -> String {
        if profile.audience == Profile.appStoreServerAPI.audience {
            return "Sign API calls with a separate token whose aud is \"appstoreconnect-v1\"; judge this \(other.title) under the profile \(other.name) (or auto)."
        }
        return "Set aud to \(JSONText.quoted(profile.audience)) for \(profile.titleWithArticle); judge \(other.titleWithArticle) under the profile \(other.name) (or auto)."
    }
}
