/// The identity token's yes-or-no claims about the email address, which Apple has sent both as JSON booleans and
/// as the strings "true" and "false": a verifier must read either, and jwtlint says which it got.
enum EmailFlag {
    /// The finding for `name` in `claims`: nothing for a boolean, an info for "true" or "false" as a string, an
    /// error for anything else.
    static func check(_ name: String, in claims: JSONObject, rule: RuleDescription, into findings: inout [Finding]) {
        guard let value = claims[name] else { return }
        switch value {
        case .bool:
            return
        case .string("true"), .string("false"):
            findings.append(rule.finding(
                .booleanString, "\(name) is the string \(JSONText.quoted(value.stringValue ?? "")), not a boolean: code that compares it with true misreads it.",
                severity: .info, hint: "Read \(name) as a boolean or as the string \"true\" or \"false\"; Apple has sent both."))
        default:
            findings.append(rule.finding(
                .wrongType, "\(name) is \(value.stringValue.map { "the string \(JSONText.quoted($0))" } ?? value.typeNameWithArticle), neither a boolean nor \"true\" or \"false\"."))
        }
    }

    /// What both rules explain.
    static let explanation = """
        Apple documents the claim as a boolean, and has sent it as a JSON boolean and as the string "true" or \
        "false" (a verifier that compares it with a boolean misreads the string, parse-server#6408). A boolean is \
        fine; a string "true" or "false" is reported as info, so that the code reading it is checked; any other \
        value is an error.
        """
}

/// `claims.email_verified`: whether Apple verified the identity token's email address.
struct EmailVerifiedRule: LintRule {
    static let description = RuleDescription(
        id: .emailVerified,
        defaultSeverity: .error,
        summary: "email_verified, in an identity token, is a boolean or the string \"true\" or \"false\".",
        explanation: EmailFlag.explanation,
        source: "\(Sources.identityToken) (email_verified)",
        fix: "Read email_verified as a boolean or the string \"true\" or \"false\".",
        triggeringExamples: [
            .token(.signInWithAppleIdentity, setting: ["email_verified": #""yes""#], "a word that is neither"),
            .token(.signInWithAppleIdentity, "the string \"true\"", severity: .info),
        ],
        nonTriggeringExamples: [.token(.signInWithAppleIdentity, setting: ["email_verified": "true"], "a boolean")])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        EmailFlag.check("email_verified", in: claims, rule: Self.description, into: &findings)
    }
}

/// `claims.is_private_email`: whether the identity token's email address is a private relay address.
struct IsPrivateEmailRule: LintRule {
    static let description = RuleDescription(
        id: .isPrivateEmail,
        defaultSeverity: .error,
        summary: "is_private_email, in an identity token, is a boolean or the string \"true\" or \"false\".",
        explanation: EmailFlag.explanation,
        source: "\(Sources.identityToken) (is_private_email)",
        fix: "Read is_private_email as a boolean or the string \"true\" or \"false\".",
        triggeringExamples: [
            .token(.signInWithAppleIdentity, setting: ["is_private_email": "1"], "a number"),
            .token(.signInWithAppleIdentity, "the string \"true\"", severity: .info),
        ],
        nonTriggeringExamples: [
            .token(.signInWithAppleIdentity, setting: ["is_private_email": "false"], "a boolean"),
            .token(.signInWithAppleIdentity, removing: ["is_private_email"], "absent (an address that is not private)"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        EmailFlag.check("is_private_email", in: claims, rule: Self.description, into: &findings)
    }
}
