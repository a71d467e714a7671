/// `claims.iss`: the issuer ID from App Store Connect (absent in an individual App Store Connect API key's token).
struct IssuerRule: LintRule {
    static let description = RuleDescription(
        id: .issuer,
        defaultSeverity: .error,
        summary: "iss is the issuer ID, a UUID (8-4-4-4-12 hex digits), or for Apple's other services the 10-character Team ID; the expected one when given; absent for an App Store Connect individual key.",
        explanation: """
            Apple identifies the team by "Your issuer ID from the Keys page in App Store Connect (Ex: \
            57246542-96fe-1a63-e053-0824d011072a)", in server API tokens and StoreKit in-app JWS alike. A missing, \
            non-string or non-UUID iss, or one that differs from the expected issuer ID, is an error. jwtlint checks the \
            8-4-4-4-12 hex shape only, not UUID version bits (Apple's own example has none). App Store Connect API \
            tokens (profile app-store-connect-api): a team key's token has iss; an individual key's has sub "user" \
            and no iss ("Individual keys don't use the Issuer ID key iss"), so an iss there is an error. APNs, \
            DeviceCheck, Sign in with Apple and MusicKit tokens carry the 10-character Team ID instead ("use the \
            10-character Team ID"); a UUID there, or a Team ID in an App Store token, is an error that names the \
            other kind. Apple's identity tokens carry Apple's own issuer, exactly "https://appleid.apple.com": \
            anything else is a token Apple did not issue.
            """,
        source: "\(Sources.appStoreServerAPITokens) (iss); \(Sources.inAppJWS) (iss); \(Sources.appStoreConnectTokens) (iss, sub); \(Sources.apnsToken) (iss); apple-jwt-rules §6 cause 6",
        fix: "Set iss to the Issuer ID shown at the top of Users and Access → Integrations in App Store Connect (In-App Purchase or App Store Connect API, the page of the key that signs).",
        triggeringExamples: [
            .token(.appStoreServerAPI, removing: ["iss"], "no iss"),
            .token(.appStoreServerAPI, setting: ["iss": #""57246542-96fe-1a63e053-0824d011072a""#], "a hyphen missing"),
            .token(.appStoreServerAPI, setting: ["iss": #""TEAMID1234""#], "a team ID, not an issuer ID"),
            .token("differs from the expected issuer ID", issuer: "11111111-2222-3333-4444-555555555555"),
            .token(.promotionalOffer, removing: ["iss"], "a promotional offer signature without iss"),
            .token(.appStoreConnectAPI, setting: ["sub": #""user""#], "an individual key's token with iss"),
            .token(.appStoreConnectAPI, removing: ["iss"], "a team key's token without iss (and no sub)"),
            .token(.apns, setting: ["iss": #""57246542-96fe-1a63-e053-0824d011072a""#], "an APNs token with the issuer ID, not the Team ID"),
            .token(.apns, setting: ["iss": #""def123ghij""#], "a Team ID in lower case"),
            .token(.musicKit, "another Team ID than expected", issuer: "ABC123DEFG"),
            .token(.signInWithAppleIdentity, setting: ["iss": #""appleid.apple.com""#], "an identity token's issuer without https://"),
        ],
        nonTriggeringExamples: [
            .token("a UUID"),
            .token("matches the expected issuer ID", issuer: "57246542-96fe-1a63-e053-0824d011072a"),
            .token(.introductoryOfferEligibility, "an introductory offer eligibility signature"),
            .token(.appStoreConnectAPI, "a team key's token"),
            .token(.appStoreConnectAPI, setting: ["sub": #""user""#], removing: ["iss"], "an individual key's token"),
            .token(.apns, "an APNs token with the Team ID", issuer: "DEF123GHIJ"),
            .token(.signInWithApple, "a Sign in with Apple client secret with the Team ID"),
            .token(.signInWithAppleIdentity, "an identity token issued by https://appleid.apple.com"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        if case .teamOrIndividual = context.expectations.issuer, claims["sub"]?.stringValue == "user" {
            if claims.contains("iss") {
                findings.append(Self.description.finding(
                    .forbidden, "The claims have sub \"user\" (an individual key) and iss; individual keys don't use the issuer ID.",
                    hint: "Leave iss out of an individual key's token, or sign with a team key and leave sub out."))
            }
            return
        }
        func missing() -> Finding {
            if case .teamOrIndividual = context.expectations.issuer {
                return Self.description.finding(
                    .missing, "The claims have neither iss (a team key's issuer ID) nor sub \"user\" (an individual key).",
                    hint: "For a team key, set iss to the issuer ID; for an individual key, set \"sub\": \"user\" and no iss.")
            }
            return Self.description.finding(.missing, "The claims have no iss (issuer ID).")
        }
        guard let issuer = Self.string("iss", in: claims, subject: "iss", ifMissing: missing(), into: &findings) else { return }
        if case .fixed(let expected) = context.expectations.issuer {
            if issuer != expected {
                findings.append(Self.description.finding(
                    .wrongValue, "iss is \(JSONText.quoted(issuer)), not \(JSONText.quoted(expected)): \(context.profile.titleWithArticle) is issued by Apple alone."))
            }
            return
        }
        if case .teamID = context.expectations.issuer {
            checkTeamID(issuer, expected: context.options.issuer, into: &findings)
            return
        }
        guard Self.isUUID(issuer) else {
            if Self.isTeamID(issuer) {
                findings.append(Self.description.finding(
                    .malformed, "iss \(JSONText.quoted(issuer)) is a Team ID, not an issuer ID (a UUID).",
                    hint: "Set iss to the Issuer ID of the key's page in App Store Connect; a token whose iss is the Team ID is an APNs, DeviceCheck, MusicKit, WeatherKit, MapKit or Sign in with Apple token: judge it with --profile apns (or devicecheck, musickit, weatherkit, mapkit, sign-in-with-apple)."))
                return
            }
            findings.append(Self.description.finding(.malformed, "iss \(JSONText.quoted(issuer)) is not a UUID (8-4-4-4-12 hexadecimal digits)."))
            return
        }
        if let expected = context.options.issuer, issuer != expected {
            findings.append(Self.description.finding(.mismatch, "iss is \(JSONText.quoted(issuer)), but the expected issuer ID is \(JSONText.quoted(expected))."))
        }
    }

    /// The Team ID checks: ten upper-case letters and digits, the expected one when given.
    private func checkTeamID(_ issuer: String, expected: String?, into findings: inout [Finding]) {
        if Self.isUUID(issuer) {
            findings.append(Self.description.finding(
                .malformed, "iss \(JSONText.quoted(issuer)) is a UUID (an App Store Connect issuer ID), not the 10-character Team ID.",
                hint: "Set iss to your Team ID (Membership details in the developer account, such as DEF123GHIJ)."))
        } else if !Self.isTeamID(issuer) {
            if Self.isTeamID(issuer.uppercased()) {
                findings.append(Self.description.finding(.wrongCase, "iss \(JSONText.quoted(issuer)) is a Team ID in lower case; Team IDs are upper case."))
            } else {
                findings.append(Self.description.finding(.malformed, "iss \(JSONText.quoted(issuer)) is not a Team ID: ten upper-case letters and digits."))
            }
        } else if let expected, issuer != expected {
            findings.append(Self.description.finding(.mismatch, "iss is \(JSONText.quoted(issuer)), but the expected Team ID is \(JSONText.quoted(expected))."))
        }
    }

    /// Whether `text` is a Team ID: ten upper-case ASCII letters and digits.
    static func isTeamID(_ text: String) -> Bool {
        text.utf8.count == 10 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) }
    }

    /// Whether `text` is 8-4-4-4-12 hexadecimal digits, either case.
    static func isUUID(_ text: String) -> Bool {
        UUIDText.isUUID(text)
    }
}
