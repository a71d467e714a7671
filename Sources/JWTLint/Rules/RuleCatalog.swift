/// Every rule jwtlint knows, in the order findings are reported.
public enum RuleCatalog {
    /// All rule descriptions, in report order.
    public static let all: [RuleDescription] = [
        TokenRules.format, TokenRules.encoding, TokenRules.json, TokenRules.duplicateKey,
        HeaderAlgorithmRule.description, HeaderKeyIDRule.description, HeaderTypeRule.description,
        HeaderCriticalRule.description, HeaderEmbeddedKeyRule.description,
        IssuerRule.description, IssuedAtRule.description, ExpirationRule.description, LifetimeRule.description,
        AudienceRule.description, BundleIDRule.description,
        SignatureRules.encoding, SignatureRules.range, SignatureRules.mismatch, SignatureRules.unverified,
    ]

    /// The rule with this ID, if there is one.
    public static func rule(id: String) -> RuleDescription? {
        all.first { $0.id == id }
    }

    /// The rule IDs in report order: the same as `all.map(\.id)` (a test checks it), written out so that sorting a
    /// token's findings does not build every rule's description and examples.
    static let ids = [
        "token.format", "token.encoding", "token.json", "token.duplicate-key", "header.alg", "header.kid", "header.typ",
        "header.crit", "header.embedded-key", "claims.iss", "claims.iat", "claims.exp", "claims.lifetime", "claims.aud",
        "claims.bid", "signature.encoding", "signature.range", "signature.mismatch", "signature.unverified",
    ]

    /// Rule ID → position in ``ids``.
    static let order: [String: Int] = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })

    /// The catalog as a Markdown table (ID, default severity, summary), as the README shows it.
    public static func markdownTable() -> String {
        var text = "| Rule | Default severity | Checks |\n|---|---|---|\n"
        for rule in all {
            let summary = rule.summary.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
            text += "| `\(rule.id)` | \(rule.defaultSeverity.rawValue) | \(summary) |\n"
        }
        return text
    }
}
