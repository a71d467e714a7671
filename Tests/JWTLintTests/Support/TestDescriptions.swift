public import JWTLint
public import Testing

/// Short names for parameterised test cases, so test logs name the rule rather than print its whole description.
extension RuleDescription: CustomTestStringConvertible {
    public var testDescription: String { id.rawValue }
}
