/// `claims.bid`: the app's bundle ID (and none in an App Store Connect API token).
struct BundleIDRule: LintRule {
    static let description = RuleDescription(
        id: .bundleID,
        defaultSeverity: .error,
        summary: "bid is the app's bundle ID: a non-empty string, equal to the expected bundle ID when one is given (case-sensitive); App Store Connect API tokens have none.",
        explanation: """
            App Store Server API tokens and StoreKit in-app JWS: Apple requires "bid – Bundle ID: Your app's bundle \
            ID"; an Apple engineer: "the bundle identifier (bid) is strictly required" (forum thread 833144). \
            Missing, not a string, empty, padded with whitespace, or different from the expected bundle ID (bundle IDs are \
            case-sensitive, forum thread 711801) is an error. A wrong bid in a server API token tends to give 404 \
            AppNotFoundError (4040003) rather than 401. A token without bid that has sub "user" or a scope is an \
            App Store Connect API token, and the message says so. App Store Connect API tokens (profile \
            app-store-connect-api) have no bid: one there means an App Store Server API token, made with an In-App \
            Purchase key, which the App Store Connect API refuses.
            """,
        source: "\(Sources.appStoreServerAPITokens) (bid); \(Sources.inAppJWS) (bid); \(Sources.appStoreConnectTokens) (the claims); apple-jwt-rules §6 causes 5, 6 and 10",
        fix: "Set bid to the app's bundle ID exactly as in App Store Connect, e.g. \"com.example.app\" (and leave it out of App Store Connect API tokens).",
        triggeringExamples: [
            .token(.appStoreServerAPI, removing: ["bid"], "no bid"),
            .token(.appStoreServerAPI, setting: ["bid": #""""#], "empty"),
            .token("differs in letter case from the expected bundle ID", bundleID: "com.example.App"),
            .token(.appStoreConnectAPI, setting: ["sub": #""user""#], removing: ["iss"], "an App Store Connect API token under auto", auto: true),
            .token(.appStoreConnectAPI, setting: ["bid": #""com.example.app""#], "an App Store Server API token under app-store-connect-api"),
            .token(.advancedCommerceInApp, removing: ["bid"], "an Advanced Commerce request without bid"),
        ],
        nonTriggeringExamples: [
            .token("a bundle ID"),
            .token("matches the expected bundle ID", bundleID: "com.example.app"),
            .token(.promotionalOffer, "a promotional offer signature", bundleID: "com.example.app"),
            .token(.appStoreConnectAPI, "an App Store Connect API token, no bid"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        if context.expectations.bundleID == .forbidden {
            if claims.contains("bid") {
                findings.append(Self.description.finding(
                    .otherKind(.appStoreServerAPI),
                    "The claims have bid, a claim of App Store Server API tokens; \(context.profile.titleWithArticle) has none, so this looks like a token for the App Store Server API (In-App Purchase key).",
                    hint: "Sign App Store Connect API calls with an App Store Connect API key and no bid; judge a server API token under the profile app-store-server-api."))
            }
            return
        }
        if !claims.contains("bid"), TokenKind.looksLikeAppStoreConnect(claims) {
            findings.append(Self.description.finding(
                .otherKind(.appStoreConnectAPI),
                "The claims have no bid but \(claims.contains("scope") ? "a scope" : "sub \"user\""): this looks like an App Store Connect API token, not \(context.profile.titleWithArticle).",
                hint: "Sign App Store Server API calls with the In-App Purchase key and a bid; judge an App Store Connect API token under the profile app-store-connect-api."))
            return
        }
        guard let bid = Self.string(
            "bid", in: claims, subject: "bid",
            ifMissing: Self.description.finding(.missing, "The claims have no bid (bundle ID), which Apple requires."), into: &findings)
        else { return }
        let shown = JSONText.quoted(bid)
        if bid.isEmpty {
            findings.append(Self.description.finding(.empty, "bid is empty."))
        } else if Whitespace.isAround(bid) {
            findings.append(Self.description.finding(
                .whitespace, "bid \(shown) has whitespace around it.", hint: "Trim the bundle ID where your server reads it."))
        } else if let expected = context.options.bundleID, bid != expected {
            let caseOnly = bid.lowercased() == expected.lowercased()
            findings.append(Self.description.finding(
                .mismatch, "bid is \(shown), but the expected bundle ID is \(JSONText.quoted(expected))\(caseOnly ? "; bundle IDs are case-sensitive" : "")."))
        }
    }
}
