/// One rule violation found in one token: a value, not an error.
public struct Finding: Sendable, Hashable {
    /// The rule that found it.
    public let rule: RuleID
    /// What exactly is wrong, as a value to switch on (the message says it in words).
    public let cause: FindingCause
    /// The severity of this finding. A rule may report some problems at a lower severity than its default.
    public let severity: Severity
    /// What is wrong with this token, in one sentence.
    public let message: String
    /// How to fix it, in one sentence.
    public let hint: String

    /// Makes a finding.
    public init(rule: RuleID, cause: FindingCause, severity: Severity, message: String, hint: String) {
        self.rule = rule
        self.cause = cause
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// The same finding about a nested member: its message starts with the member's name.
    package func about(_ member: String) -> Finding {
        Finding(rule: rule, cause: cause, severity: severity, message: "\(member): \(message)", hint: hint)
    }

    /// The same finding at another severity.
    func with(severity: Severity) -> Finding {
        Finding(rule: rule, cause: cause, severity: severity, message: message, hint: hint)
    }
}

extension RuleDescription {
    /// A finding of this rule, at the rule's default severity unless `severity` is given, with the rule's fix as
    /// the hint unless `hint` is given.
    func finding(_ cause: FindingCause, _ message: String, severity: Severity? = nil, hint: String? = nil) -> Finding {
        Finding(rule: id, cause: cause, severity: severity ?? defaultSeverity, message: message, hint: hint ?? fix)
    }
}
