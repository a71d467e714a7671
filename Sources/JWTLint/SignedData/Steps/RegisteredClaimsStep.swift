/// PyJWT's checks of the registered claims, which Apple's Python verifier runs once the signature verifies:
/// `iat`, `nbf` and `exp` as whole numbers and in their time, no `aud`, `sub` and `jti` strings.
struct RegisteredClaimsStep: VerificationStep {
    func check(_ state: inout VerificationState) {
        guard state.signedData.readable, !state.signedData.chainStopped, state.signature == .verified,
            let claims = state.token.claims
        else { return }
        var passes = true
        func fail(_ message: String) {
            state.findings.append(SignedDataRules.claims.finding(.wrongValue, message))
            passes = false
        }
        let now = state.options.now
        for name in ["iat", "nbf", "exp"] {
            guard let value = claims[name] else { continue }
            guard let seconds = PythonValue.integer(value) else {
                fail("\(name) is \(value.typeNameWithArticle) that is no whole number; the JWT library Apple's verifier uses refuses it.")
                continue
            }
            if name == "exp", seconds <= now {
                fail("exp is \(TimeText.utc(seconds)), not after now (\(TimeText.utc(now))): the data has expired for the JWT library Apple's verifier uses.")
            } else if name != "exp", seconds > now {
                fail("\(name) is \(TimeText.utc(seconds)), after now (\(TimeText.utc(now))): the JWT library Apple's verifier uses refuses data not valid yet.")
            }
        }
        if let audience = claims["aud"], PythonValue.isTruthy(audience) {
            fail("The claims have aud; no audience is expected of App Store data, and the JWT library Apple's verifier uses refuses it.")
        }
        for name in ["sub", "jti"] {
            if let value = claims[name], value.stringValue == nil {
                fail("\(name) is \(value.typeNameWithArticle), not a string, which the JWT library Apple's verifier uses refuses.")
            }
        }
        if !passes { state.fail(.verificationFailure) }
    }
}
