/// Everything a person needs to know about one rule; the examples double as the rule's tests.
public struct RuleDescription: Sendable, Hashable, Identifiable {
    /// The stable rule ID, such as `claims.lifetime`. A public contract: never renamed.
    public let id: RuleID
    /// The severity of the rule's most serious finding. Some problems are reported lower (see ``explanation``).
    public let defaultSeverity: Severity
    /// One line: what the rule checks.
    public let summary: String
    /// Why it matters, with the severities of each case.
    public let explanation: String
    /// Where the rule comes from: the Apple page or RFC section.
    public let source: String
    /// How to fix a token that breaks the rule.
    public let fix: String
    /// Inputs that must produce a finding of this rule.
    package let triggeringExamples: [RuleExample]
    /// Inputs that must not produce a finding of this rule.
    package let nonTriggeringExamples: [RuleExample]

    /// Makes a description.
    package init(
        id: RuleID, defaultSeverity: Severity, summary: String, explanation: String, source: String, fix: String,
        triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample]
    ) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.explanation = explanation
        self.source = source
        self.fix = fix
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}
