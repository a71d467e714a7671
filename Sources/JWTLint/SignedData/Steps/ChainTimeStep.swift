/// The time the chain must be valid at: the data's `signedDate` (an app transaction's `receiptCreationDate`), as
/// Apple's verifier reads it with online checks off, or now when asked. Apple's verifier reads it before it looks
/// at a certificate.
struct ChainTimeStep: VerificationStep {
    func check(_ state: inout VerificationState) {
        guard state.signedData.readable, !state.signedData.chainStopped, let claims = state.token.claims else { return }
        state.signedData.chainTime = chainTime(claims, options: state.options, into: &state.findings)
        if state.signedData.chainTime == nil { state.fail(.verificationFailure) }
    }

    /// In seconds; `nil` after a finding when the date is not a number.
    private func chainTime(_ claims: JSONObject, options: LintOptions, into findings: inout [Finding]) -> Double? {
        if options.chainTime == .now { return options.now }
        let member = claims["signedDate"].map { ("signedDate", $0) } ?? claims["receiptCreationDate"].map { ("receiptCreationDate", $0) }
        guard let (name, value) = member, value != .null else { return options.now }
        let milliseconds: Double
        switch value {
        case .integer(let number): milliseconds = Double(number)
        case .real(let number) where number.isFinite: milliseconds = number.rounded(.towardZero)
        case .string(let text) where Int64(text) != nil: milliseconds = Double(Int64(text)!)
        default:
            findings.append(SignedDataRules.date.finding(
                .wrongType, "\(name) is \(value.typeNameWithArticle), not a number of milliseconds: the chain cannot be checked as of it."))
            return nil
        }
        return (milliseconds / 1000).rounded(.down)
    }
}
