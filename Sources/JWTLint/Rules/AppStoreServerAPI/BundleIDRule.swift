/// `claims.bid`: the app's bundle ID.
struct BundleIDRule: LintRule {
    static let description = RuleDescription(
        id: "claims.bid",
        defaultSeverity: .error,
        summary: "bid is the app's bundle ID: a non-empty string, equal to --bundle-id when given (case-sensitive).",
        explanation: """
            Apple requires "bid – Bundle ID: Your app's bundle ID"; an Apple engineer: "the bundle identifier (bid) \
            is strictly required" (forum thread 833144). Missing, not a string, empty, padded with whitespace, or \
            different from --bundle-id (bundle IDs are case-sensitive, forum thread 711801) is an error. A wrong \
            bid tends to give 404 AppNotFoundError (4040003) rather than 401.
            """,
        source: "\(Sources.appStoreServerAPITokens) (bid); apple-jwt-rules §6 causes 6 and 10",
        fix: "Set bid to the app's bundle ID exactly as in App Store Connect, e.g. \"com.example.app\".",
        triggeringExamples: [
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225870,"aud":"appstoreconnect-v1"}"#, "no bid"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225870,"aud":"appstoreconnect-v1","bid":""}"#, "empty"),
            .token("differs in letter case from --bundle-id", bundleID: "com.example.App"),
        ],
        nonTriggeringExamples: [
            .token("a bundle ID"),
            .token("matches --bundle-id", bundleID: "com.example.app"),
        ])

    func check(_ token: DecodedToken, options: LintOptions, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        guard let value = claims["bid"] else {
            findings.append(Self.description.finding("The claims have no bid (bundle ID), which Apple requires."))
            return
        }
        guard let bid = value.stringValue else {
            findings.append(Self.description.finding("bid is \(value.typeNameWithArticle), not a string."))
            return
        }
        let shown = JSONText.quoted(bid)
        if bid.isEmpty {
            findings.append(Self.description.finding("bid is empty."))
        } else if bid.unicodeScalars.first!.properties.isWhitespace || bid.unicodeScalars.last!.properties.isWhitespace {
            findings.append(Self.description.finding("bid \(shown) has whitespace around it.", hint: "Trim the bundle ID where your server reads it."))
        } else if let expected = options.bundleID, bid != expected {
            let caseOnly = bid.lowercased() == expected.lowercased()
            findings.append(Self.description.finding(
                "bid is \(shown), but --bundle-id is \(JSONText.quoted(expected))\(caseOnly ? "; bundle IDs are case-sensitive" : "")."))
        }
    }
}
