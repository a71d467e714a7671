/// The verdict on one token.
public struct LintResult: Sendable {
    /// Whether, and how, the signature was checked.
    public enum SignatureStatus: String, Sendable {
        /// It verified with the key.
        case verified
        /// It was checked and does not verify (or is malformed or out of range).
        case invalid
        /// It was not checked: no key, the header does not name ES256, or a part did not decode.
        case unchecked
    }

    /// The profile that judged the token.
    public let profile: ProfileName
    /// The header, when it decoded.
    public let header: JSONObject?
    /// The claims, when they decoded.
    public let claims: JSONObject?
    /// What was checked of the signature.
    public let signature: SignatureStatus
    /// Every finding, in rule-catalog order.
    public let findings: [Finding]
    /// For App Store-signed data: what Apple's `SignedDataVerifier` would answer for the same input and settings.
    public var verificationStatus: VerificationStatus? = nil
    /// For App Store-signed data: what the payload is.
    public var payloadType: SignedPayloadType? = nil
    /// For a notification: its `data.signedTransactionInfo` and `data.signedRenewalInfo`, each verified on its own.
    /// Their findings are also among ``findings``, naming the member.
    public var nested: [NestedSignedData] = []

    /// Whether any finding is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// The IDs of the rules that found something.
    public var ruleIDs: Set<RuleID> { Set(findings.map(\.rule)) }
}

/// App Store-signed data inside other signed data: a notification's transaction or renewal info.
public struct NestedSignedData: Sendable {
    /// Where it is: `data.signedTransactionInfo`.
    public let member: String
    /// Its own verdict, with Apple's status for it.
    public let result: LintResult
}
