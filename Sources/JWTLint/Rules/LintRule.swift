/// A rule that looks at a decoded token: its description plus its check.
protocol LintRule: Sendable {
    /// The rule's documentation and examples.
    static var description: RuleDescription { get }
    /// Appends this rule's findings for `token` to `findings`. Never reads the clock: "now" is in `options`.
    func check(_ token: DecodedToken, options: LintOptions, into findings: inout [Finding])
}

extension LintRule {
    var description: RuleDescription { Self.description }
}
