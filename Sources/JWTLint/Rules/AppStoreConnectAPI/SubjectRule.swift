/// `claims.sub`: "user" in an individual App Store Connect API key's token; the client ID in a Sign in with Apple
/// client secret.
struct SubjectRule: LintRule {
    static let description = RuleDescription(
        id: .subject,
        defaultSeverity: .error,
        summary: "sub is exactly \"user\" in an individual App Store Connect API key's token, and the client ID in a Sign in with Apple client secret.",
        explanation: """
            "Individual keys don't use the Issuer ID key iss, but do require the Subject key sub", whose value "is \
            always the same for individual keys": "user". A team key's token has no sub. A sub of another value, \
            letter case or type is an error. A Sign in with Apple client secret's sub is "the same App ID or Services \
            ID that you use as the client_id", and "The value is case-sensitive": missing, or not the expected client \
            ID (--client-id), is an error. An identity token's sub is the user's identifier, "unique to the user, \
            stable", the same for all apps of a team: missing or empty is an error.
            """,
        source: "\(Sources.appStoreConnectTokens) (sub); \(Sources.clientSecret) (sub)",
        fix: "For an individual key, set \"sub\": \"user\" and leave iss out; for a team key, leave sub out.",
        triggeringExamples: [
            .token(.appStoreConnectAPI, setting: ["sub": #""User""#], removing: ["iss"], "User, capitalised"),
            .token(.appStoreConnectAPI, setting: ["sub": #""2X9R4HXF34""#], removing: ["iss"], "the key ID"),
            .token(.signInWithApple, removing: ["sub"], "a client secret without sub"),
            .token(.signInWithApple, setting: ["sub": #""com.example.App""#], "the client ID in another case", clientID: "com.example.app"),
            .token(.signInWithAppleIdentity, setting: ["sub": #""""#], "an identity token with an empty sub"),
        ],
        nonTriggeringExamples: [
            .token(.appStoreConnectAPI, "a team key's token, no sub"),
            .token(.appStoreConnectAPI, setting: ["sub": #""user""#], removing: ["iss"], "an individual key's token"),
            .token(.signInWithApple, "a client secret for the expected client ID", clientID: "com.example.app"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        switch context.expectations.subject {
        case .notChecked:
            return
        case .clientID:
            checkClientID(claims, expected: context.options.clientID, into: &findings)
        case .userIdentifier:
            _ = Self.identifier(
                "sub", in: claims, ifMissing: Self.description.finding(.missing, "The claims have no sub, the user's identifier."), into: &findings)
        case .individualUser:
            guard let value = claims["sub"] else { return }
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

    /// A Sign in with Apple client secret's sub: the client ID, the expected one when given (case-sensitive).
    private func checkClientID(_ claims: JSONObject, expected: String?, into findings: inout [Finding]) {
        guard let sub = Self.string(
            "sub", in: claims, subject: "sub", expected: "the client ID (a string)",
            ifMissing: Self.description.finding(.missing, "The claims have no sub; it is the client ID (the App ID or Services ID)."), into: &findings)
        else { return }
        guard let expected, sub != expected else { return }
        if sub.lowercased() == expected.lowercased() {
            findings.append(Self.description.finding(.wrongCase, "sub is \(JSONText.quoted(sub)), the client ID \(JSONText.quoted(expected)) in another case; Apple compares it case-sensitively."))
        } else {
            findings.append(Self.description.finding(.mismatch, "sub is \(JSONText.quoted(sub)), but the client ID is \(JSONText.quoted(expected)) (invalid_client)."))
        }
    }
}
