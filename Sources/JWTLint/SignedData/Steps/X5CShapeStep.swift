/// The header's `x5c` is an array that is not empty, and `alg` is ES256: else Apple's verifier gives up before it
/// reads a certificate.
struct X5CShapeStep: VerificationStep {
    func check(_ state: inout VerificationState) {
        guard state.signedData.readable, !state.signedData.chainStopped, let header = state.token.header else { return }
        guard let entries = entries(header["x5c"], &state) else {
            state.signedData.stopChain()
            return
        }
        state.signedData.entries = entries
        // alg: checked by header.alg; Apple's verifier stops here when it is not ES256.
        guard header["alg"]?.stringValue == "ES256" else {
            state.fail(.verificationFailure)
            state.signedData.stopChain()
            return
        }
    }

    /// The entries, or `nil` after a finding and Apple's status.
    private func entries(_ x5c: JSONValue?, _ state: inout VerificationState) -> [JSONValue]? {
        func refuse(_ cause: FindingCause, _ message: String, _ status: VerificationStatus) -> [JSONValue]? {
            state.findings.append(SignedDataRules.length.finding(cause, message))
            state.fail(status)
            return nil
        }
        switch x5c {
        case nil, .null?:
            return refuse(.missing, "The header has no x5c: App Store-signed data carries its certificate chain there.", .verificationFailure)
        case .array(let items)?:
            guard !items.isEmpty else {
                return refuse(.empty, "x5c is empty: App Store-signed data carries three certificates there.", .verificationFailure)
            }
            return items
        case .string(let text)?:
            // Apple's Python verifier takes len() of whatever x5c is: a string's length, its characters as certificates.
            let status: VerificationStatus = text.isEmpty ? .verificationFailure : text.unicodeScalars.count == 3 ? .invalidCertificate : .invalidChainLength
            return refuse(.wrongType, "x5c is a string, not an array of certificates.", status)
        case .object(let object)?:
            let count = object.members.count
            let status: VerificationStatus = count == 0 ? .verificationFailure : count == 3 ? .invalidCertificate : .invalidChainLength
            return refuse(.wrongType, "x5c is an object, not an array of certificates.", status)
        case let value?:
            return refuse(.wrongType, "x5c is \(value.typeNameWithArticle), not an array of certificates.", .verificationFailure)
        }
    }
}
