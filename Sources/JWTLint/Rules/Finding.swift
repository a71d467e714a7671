/// One rule violation found in one token: a value, not an error.
public struct Finding: Sendable, Hashable {
    /// The stable rule ID, such as `claims.aud`.
    public let rule: String
    /// The severity of this finding. A rule may report some problems at a lower severity than its default.
    public let severity: Severity
    /// What is wrong with this token, in one sentence.
    public let message: String
    /// How to fix it, in one sentence.
    public let hint: String

    /// Makes a finding.
    public init(rule: String, severity: Severity, message: String, hint: String) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.hint = hint
    }
}

extension RuleDescription {
    /// A finding of this rule, at the rule's default severity unless `severity` is given, with the rule's fix as
    /// the hint unless `hint` is given.
    func finding(_ message: String, severity: Severity? = nil, hint: String? = nil) -> Finding {
        Finding(rule: id, severity: severity ?? defaultSeverity, message: message, hint: hint ?? fix)
    }
}
