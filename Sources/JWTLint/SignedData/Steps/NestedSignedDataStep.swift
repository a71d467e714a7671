/// A notification's `data.signedTransactionInfo` and `data.signedRenewalInfo`, each verified as the App Store data
/// it is, with the same settings; their findings join this token's, each naming the member it is about.
struct NestedSignedDataStep: VerificationStep {
    func check(_ state: inout VerificationState) {
        let options = state.options
        guard options.verifiesNestedData, state.payloadType == .notification, case .object(let data)? = state.token.claims?["data"] else {
            return
        }
        var nestedOptions = options
        nestedOptions.profile = .pinned(.appleSigned)
        nestedOptions.verifiesNestedData = false
        let linter = Linter(options: nestedOptions)
        for name in ["signedTransactionInfo", "signedRenewalInfo"] {
            guard case .string(let jws)? = data[name] else { continue }
            let item = NestedSignedData(member: "data." + name, result: linter.lint(jws, verifier: nil, memory: state.memory))
            state.nested.append(item)
            state.findings += item.result.findings.map { $0.about(item.member) }
        }
    }
}
