/// `claims.sub`: "user" in an individual App Store Connect API key's token.
struct SubjectRule: LintRule {
    static let description = RuleDescription(
        id: .subject,
        defaultSeverity: .error,
        summary: "sub, when present (individual App Store Connect API keys), is exactly \"user\".",
        explanation: """
            "Individual keys don't use the Issuer ID key iss, but do require the Subject key sub", whose value "is \
            always the same for individual keys": "user". A team key's token has no sub. A sub of another value, \
            letter case or type is an error. Checked only under the profile app-store-connect-api.
            """,
        source: "\(Sources.appStoreConnectTokens) (sub)",
        fix: "For an individual key, set \"sub\": \"user\" and leave iss out; for a team key, leave sub out.",
        triggeringExamples: [
            .token(.appStoreConnectAPI, setting: ["sub": #""User""#], removing: ["iss"], "User, capitalised"),
            .token(.appStoreConnectAPI, setting: ["sub": #""2X9R4HXF34""#], removing: ["iss"], "the key ID"),
        ],
        nonTriggeringExamples: [
            .token(.appStoreConnectAPI, "a team key's token, no sub"),
            .token(.appStoreConnectAPI, setting: ["sub": #""user""#], removing: ["iss"], "an individual key's token"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims, let value = claims["sub"] else { return }
        guard let sub = value.stringValue else {
            findings.append(Self.description.finding(.wrongType, "sub is \(value.typeNameWithArticle), not the string \"user\"."))
            return
        }
        guard sub != "user" else { return }
        if sub.lowercased() == "user" {
            findings.append(Self.description.finding(.wrongCase, "sub is \(JSONText.quoted(sub)); it is case-sensitive: \"user\"."))
        } else {
            findings.append(Self.description.finding(.wrongValue, "sub is \(JSONText.quoted(sub)); an individual key's token has sub \"user\"."))
        }
    }
}
