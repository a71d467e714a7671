/// The environment the payload names against the expected one (or, with none expected, the one it is judged as).
struct EnvironmentStep: VerificationStep {
    func check(_ state: inout VerificationState) {
        guard state.signedData.readable else { return }
        let environment = state.signedData.dataEnvironment, expected = state.signedData.expectedEnvironment
        let environmentGiven = state.options.environment != nil
        // `environment` was read for the payload's type; an unknown type is judged as a transaction, which reads the same member.
        if environment != expected {
            let shown = environment.map { JSONText.quoted($0.rawValue) } ?? "missing"
            state.findings.append(SignedDataRules.environment.finding(
                .mismatch,
                "The data's environment is \(shown), but \(environmentGiven ? "the expected environment is" : "it is judged as") \(JSONText.quoted(expected.rawValue)).",
                hint: expected == .production && environment == .sandbox
                    ? "Sandbox data reaches production servers (App Review, TestFlight): verify it with a sandbox verifier when production fails with INVALID_ENVIRONMENT."
                    : nil))
            state.fail(.invalidEnvironment)
        } else if !environmentGiven, expected.isSignedByTheAppStore {
            state.findings.append(SignedDataRules.environment.finding(
                .notChecked, "No environment was expected: judged as a \(expected.rawValue) verifier would.", severity: .info))
        }
    }
}
