/// The JWS's ES256 signature, verified with the leaf certificate's key.
struct LeafSignatureStep: VerificationStep {
    func check(_ state: inout VerificationState) {
        guard state.signedData.readable, !state.signedData.chainStopped, let chain = state.signedData.chain,
            let signature = state.token.signature
        else { return }
        let key: ES256PublicKey
        switch chain.leafKey {
        case .success(let leafKey): key = state.signedData.preparedKey ?? leafKey
        case .failure(let error):
            state.findings.append(SignedDataRules.leafKey.finding(.unsupportedKey, "The leaf certificate's key \(error)."))
            state.fail(.verificationFailure)
            return state.signedData.stopChain()
        }
        let verifier = state.memory?.verifier(for: key)
        state.signature = SignatureCheck.verify(
            state.token, signature: signature, key: key, verifier: verifier, keyName: "the leaf certificate's key", into: &state.findings)
        if state.signature != .verified {
            state.fail(.verificationFailure)
            state.signedData.stopChain()
        }
    }
}
