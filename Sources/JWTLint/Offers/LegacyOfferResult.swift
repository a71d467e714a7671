/// The verdict on a legacy promotional offer signature.
public struct LegacyOfferResult: Sendable {
    /// Whether the signature verifies over Apple's payload.
    public let signature: LintResult.SignatureStatus
    /// Every finding, in rule order.
    public let findings: [Finding]

    /// A verdict, its findings put in rule order (stable within a rule).
    init(signature: LintResult.SignatureStatus, findings: [Finding]) {
        self.signature = signature
        self.findings = findings.enumerated().sorted {
            $0.element.rule != $1.element.rule ? $0.element.rule < $1.element.rule : $0.offset < $1.offset
        }.map(\.element)
    }

    /// Whether any finding is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
