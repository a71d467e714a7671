/// The error words Apple's services answer a bad token with, what each means, and the rules that find its causes:
/// how `diagnose` reads `--response` for APNs (`{"reason": "ExpiredProviderToken"}`) and Sign in with Apple
/// (`{"error": "invalid_client"}`).
enum ServiceErrorWords {
    struct Meaning {
        let title: String
        let fix: String
        let source: String
        let rules: [RuleID]
    }

    static func meaning(of word: String) -> Meaning? {
        table[word]
    }

    private static let table: [String: Meaning] = [
        "ExpiredProviderToken": Meaning(
            title: "the token's iat is over an hour old",
            fix: "Make a new provider token every 20 to 60 minutes and reuse it in between; check the server's clock.",
            source: Sources.apnsErrors, rules: [.issuedAt]),
        "InvalidProviderToken": Meaning(
            title: "the token is not valid, or its signature cannot be verified with the key its kid and iss name",
            fix: "Sign with the APNs key whose ID is kid, of the team whose Team ID is iss, with raw r || s ES256 signatures.",
            source: Sources.apnsErrors, rules: [.issuer, .headerKeyID, .headerAlgorithm, .signatureEncoding, .signatureMismatch]),
        "MissingProviderToken": Meaning(
            title: "no provider token came: the authorization header is missing",
            fix: "Send 'authorization: bearer <token>' on every request of a token-based connection.",
            source: Sources.apnsErrors, rules: [.tokenFormat]),
        "TooManyProviderTokenUpdates": Meaning(
            title: "the connection changed tokens more often than once every 20 minutes",
            fix: "Keep one token per key and team for 20 to 60 minutes, shared by every worker, instead of one per request.",
            source: Sources.apnsErrors, rules: []),
        "invalid_client": Meaning(
            title: "the client secret is not valid (expired, malformed claims, or a signature that does not verify)",
            fix: "Sign the client secret with the Sign in with Apple key: iss the Team ID, sub the client ID, aud https://appleid.apple.com, exp at most six months ahead.",
            source: Sources.clientSecret,
            rules: [.issuer, .subject, .audience, .expiration, .lifetime, .headerKeyID, .headerAlgorithm, .signatureEncoding, .signatureMismatch]),
    ]
}
