/// A rule that looks at a decoded token: its description plus its check.
protocol LintRule: Sendable {
    /// The rule's documentation and examples.
    static var description: RuleDescription { get }
    /// Appends this rule's findings for `token` to `findings`. Never reads the clock: "now" is in the context.
    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding])
}

extension LintRule {
    var description: RuleDescription { Self.description }
}

/// What a rule checks a token against: the user's options and the profile judging the token.
struct LintContext {
    /// The key, the expected values, "now" and the leeway.
    let options: LintOptions
    /// The kind of token it is judged as.
    let profile: Profile

    /// The profile's expectations.
    var expectations: Expectations { profile.expectations }
}
