/// The app the payload names: its `bundleId` (all data but renewal info and realtime requests) and, in
/// production, its `appAppleId` (all data that carries it), each against the expected value.
struct AppIdentityStep: VerificationStep {
    func check(_ state: inout VerificationState) {
        guard state.signedData.readable, let claims = state.token.claims else { return }
        let type = state.payloadType
        if type == nil {
            state.findings.append(SignedDataRules.type.finding(
                .unknownPayload,
                "The payload is no kind of App Store-signed data jwtlint knows (a notification, transaction, renewal info, app transaction or realtime request); it is judged as a transaction."))
        }
        let judgedType = type ?? .transaction
        let source = SignedDataCheck.identitySource(claims, type: judgedType)
        let bundleMatches = judgedType == .renewalInfo || judgedType == .realtimeRequest || bundleIDMatches(source, &state)
        let expected = state.signedData.expectedEnvironment
        let appMatches = expected != .production || judgedType == .renewalInfo || judgedType == .transaction || appAppleIDMatches(source, &state)
        if !bundleMatches || !appMatches { state.fail(.invalidAppIdentifier) }
    }

    private func bundleIDMatches(_ source: JSONObject?, _ state: inout VerificationState) -> Bool {
        let bundleID = source?["bundleId"]?.stringValue
        guard let expectedBundle = state.options.bundleID else {
            state.findings.append(SignedDataRules.bundleID.finding(
                .notChecked, "bundleId \(bundleID.map(JSONText.quoted) ?? "(missing)") was not compared: no bundle ID was expected.", severity: .info))
            return true
        }
        guard bundleID == expectedBundle else {
            let shown = bundleID.map(JSONText.quoted) ?? "missing"
            state.findings.append(SignedDataRules.bundleID.finding(
                .mismatch, "bundleId is \(shown), but the expected bundle ID is \(JSONText.quoted(expectedBundle))."))
            return false
        }
        return true
    }

    private func appAppleIDMatches(_ source: JSONObject?, _ state: inout VerificationState) -> Bool {
        let appAppleID = source?["appAppleId"].flatMap(appleID)
        guard let expectedID = state.options.appAppleID else {
            state.findings.append(SignedDataRules.appAppleID.finding(
                .notChecked, "appAppleId was not compared: no app Apple ID was given, and Apple's verifier needs one for production data.",
                severity: .warning))
            return true
        }
        guard appAppleID == expectedID else {
            state.findings.append(SignedDataRules.appAppleID.finding(
                .mismatch, "appAppleId is \(appAppleID.map(String.init) ?? "missing"), but the expected app Apple ID is \(expectedID); production data must name the app."))
            return false
        }
        return true
    }

    /// An `appAppleId` as Apple's verifier compares it: a whole number.
    private func appleID(_ value: JSONValue) -> Int64? {
        switch value {
        case .integer(let number): return number
        case .real(let number) where number.rounded() == number && abs(number) < 9e15: return Int64(number)
        default: return nil
        }
    }
}
