/// What the steps that judge one piece of App Store-signed data hand on to each other (``SignedDataCheck/steps``).
struct SignedDataEvaluation {
    /// Whether the header, claims and signature decoded: without them Apple's verifier cannot start, and no step
    /// after the first runs.
    var readable = false
    /// Whether the chain's steps are over: an earlier one decided Apple's answer, or the data's environment is one
    /// the App Store does not sign. The payload's steps still run, so that every problem is named at once.
    var chainStopped = false
    /// The environment the payload names, and the one it is judged as (the expected one, else its own).
    var dataEnvironment: SignedEnvironment?
    var expectedEnvironment: SignedEnvironment = .sandbox
    /// The `x5c` entries.
    var entries: [JSONValue] = []
    /// The time the chain is checked as of; `nil` when the data's date is unreadable.
    var chainTime: Double?
    /// The verified chain, and the leaf's key prepared for verifying, once the chain step verified it.
    var chain: CertificateTrust.VerifiedChain?
    var preparedKey: ES256PublicKey?

    /// Ends the chain's steps (the step that ends them has given Apple's answer, or left it to an earlier one).
    mutating func stopChain() { chainStopped = true }
}
