/// First: the data decodes (a header, claims and a signature), and what it says it is, including the environment
/// it names, which decides whether the App Store signed it at all.
struct SignedDataReadingStep: VerificationStep {
    func check(_ state: inout VerificationState) {
        state.verificationStatus = .ok
        let token = state.token
        // The payload says what it is, even when another part keeps Apple's verifier from reading the whole.
        state.payloadType = token.claims.flatMap(SignedPayloadType.of)
        guard token.header != nil, let claims = token.claims, token.signature != nil else {
            // Apple's verifier cannot decode it: the token.* findings say why.
            state.fail(.verificationFailure)
            return
        }
        state.signedData.readable = true
        if let audience = claims["aud"], PythonValue.isTruthy(audience) {
            let other = Profile.named(TokenKind.automatic(claims))
            state.findings.append(SignedDataRules.type.finding(
                .otherKind(other.name), "The claims have aud, which App Store-signed data never has: this looks like \(other.titleWithArticle).",
                severity: .error, hint: "Judge \(other.titleWithArticle) under the profile \(other.name) (or auto)."))
        }
        let dataEnvironment = SignedDataCheck.environment(of: claims, type: state.payloadType)
        let expected = state.options.environment ?? SignedDataCheck.assumedEnvironment(for: dataEnvironment)
        state.signedData.dataEnvironment = dataEnvironment
        state.signedData.expectedEnvironment = expected
        if let dataEnvironment, !dataEnvironment.isSignedByTheAppStore {
            let settingsAccept = expected == dataEnvironment
            state.findings.append(SignedDataRules.unsigned.finding(
                .unsignedEnvironment,
                "This is \(dataEnvironment) data, which the App Store does not sign\(settingsAccept ? ": Apple's verifier skips its signature when it expects \(dataEnvironment) data" : "").",
                severity: settingsAccept ? .warning : .error,
                hint: settingsAccept
                    ? "Never accept \(dataEnvironment) data in production: it proves nothing about a purchase."
                    : "Test with Sandbox data, or verify as \(dataEnvironment.optionName) data in tests only."))
        }
        state.signedData.chainStopped = !expected.isSignedByTheAppStore
    }
}
