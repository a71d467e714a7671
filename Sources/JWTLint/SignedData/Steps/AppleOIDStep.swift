/// Apple's marks: the leaf carries the extension of App Store signing certificates, the intermediate that of
/// Apple's Worldwide Developer Relations CA. A chain to a trusted root without them is not Apple's.
struct AppleOIDStep: VerificationStep {
    func check(_ state: inout VerificationState) {
        guard state.signedData.readable, !state.signedData.chainStopped, let chain = state.signedData.chain else { return }
        let certificates = chain.certificates
        if !chain.leafHasExtension {
            state.findings.append(SignedDataRules.leafOID.finding(
                .missing, "The leaf certificate (\(certificates[0].subjectName)) lacks the extension \(SignedDataCheck.leafOID) that marks Apple's App Store signing certificates."))
            state.fail(.verificationFailure)
        }
        if certificates.count > 1, !chain.intermediateHasExtension {
            state.findings.append(SignedDataRules.intermediateOID.finding(
                .missing, "The intermediate certificate (\(certificates[1].subjectName)) lacks the extension \(SignedDataCheck.intermediateOID) of Apple's Worldwide Developer Relations CA."))
            state.fail(.verificationFailure)
        }
    }
}
