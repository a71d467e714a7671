/// How a profile's tokens are verified, as a value: the steps that run after the header and claims rules, in
/// order, and the rules they can report. The linter runs the steps of whichever verification the profile names,
/// the way it runs the profile's rules, so no code outside the definitions below asks which kind it is.
struct Verification: Sendable {
    /// A name for people and for equality: "given key", "Apple chain", "key set".
    let name: String
    /// The steps, in the order they run.
    let steps: [any VerificationStep]
    /// The rules the steps can report, in report order.
    let reportedRules: [RuleDescription]
    /// Whether tokens are decoded as Apple's verifier decodes them (padding and duplicate members pass), when the
    /// strict reading finds fault with their encoding.
    let readsAsApplesVerifier: Bool

    /// The key the options give (the In-App Purchase key, or an App Store Connect API key).
    static let givenKey = Verification(
        name: "given key", steps: [GivenKeySignatureStep()], reportedRules: SignatureRules.all, readsAsApplesVerifier: false)

    /// The leaf of the `x5c` chain, once the chain verifies to a trusted root (App Store-signed data), judged step
    /// by step as Apple's `SignedDataVerifier` judges it.
    static let appleChain = Verification(
        name: "Apple chain", steps: SignedDataCheck.steps,
        reportedRules: [SignatureRules.encoding, SignatureRules.range, SignatureRules.mismatch] + SignedDataRules.all,
        readsAsApplesVerifier: true)

    /// The RSA key of the given JWK Set that the header's `kid` names (Apple's identity tokens).
    static let keySet = Verification(
        name: "key set", steps: [KeySetSignatureStep()],
        reportedRules: [SignatureRules.encoding, SignatureRules.mismatch, SignatureRules.unverified, SignatureRules.keySet],
        readsAsApplesVerifier: false)
}

extension Verification: Equatable {
    static func == (lhs: Verification, rhs: Verification) -> Bool { lhs.name == rhs.name }
}

/// One step of a verification: it reads the token and what earlier steps found, and adds findings and, where it
/// decides them, the signature's status and Apple's verdict.
protocol VerificationStep: Sendable {
    /// Runs the step.
    func check(_ state: inout VerificationState)
}

/// What the steps of one token's verification share: the token and the options, and what they have found so far.
struct VerificationState {
    /// The token being verified.
    let token: DecodedToken
    /// The options it is checked against.
    let options: LintOptions
    /// The profile judging it.
    let profile: Profile
    /// The verifier for the options' key, prepared once per thread, if any.
    let verifier: ES256Verifier?
    /// What the session keeps between tokens, when there is a session.
    let memory: SessionMemory?
    /// The findings so far: the decoding's, the rules', then the steps'.
    var findings: [Finding]
    /// What was checked of the signature.
    var signature: LintResult.SignatureStatus = .unchecked
    /// App Store-signed data: what Apple's verifier would answer (the first failing step's status).
    var verificationStatus: VerificationStatus? = nil
    /// App Store-signed data: the kind of payload.
    var payloadType: SignedPayloadType? = nil
    /// App Store-signed data: the signed data inside it, each verified on its own.
    var nested: [NestedSignedData] = []
    /// App Store-signed data: what the signed-data steps hand on to each other.
    var signedData = SignedDataEvaluation()

    /// Keeps Apple's first failure: later steps do not change Apple's answer.
    mutating func fail(_ status: VerificationStatus) {
        if verificationStatus == nil || verificationStatus == .ok { verificationStatus = status }
    }
}

/// The ES256 signature, with the key the options give.
struct GivenKeySignatureStep: VerificationStep {
    func check(_ state: inout VerificationState) {
        state.signature = SignatureCheck.check(state.token, options: state.options, verifier: state.verifier, into: &state.findings)
    }
}

/// The RS256 signature, with the key of the options' JWK Set that the header's `kid` names.
struct KeySetSignatureStep: VerificationStep {
    func check(_ state: inout VerificationState) {
        state.signature = SignatureCheck.checkWithKeySet(
            state.token, options: state.options, algorithm: state.profile.expectations.algorithm, into: &state.findings)
    }
}
