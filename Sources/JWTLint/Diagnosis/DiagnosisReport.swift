/// A diagnosis as text, for people: what was given, what Apple answered, which profile judged the token, and the
/// likely causes, most likely first, each with its evidence, fix and source.
package enum DiagnosisReport {
    /// The whole report; `now` (Unix seconds) is the time the token was judged at, shown beside its own times.
    package static func text(_ diagnosis: Diagnosis, now: Double) -> String {
        let request = diagnosis.request
        var text = "jwtlint diagnose: \(request.form.rawValue)"
        if let host = request.host { text += ", \(request.method ?? "GET") https://\(host)\(request.path ?? "")" }
        text += "\n"
        if let claims = diagnosis.result?.claims {
            var times: [String] = []
            for name in ["iat", "exp"] {
                if let seconds = claims[name]?.numberValue, seconds.isFinite, abs(seconds) < 1e11 {
                    times.append("\(name) \(TimeText.utc(seconds)) (\(TimeText.relative(seconds, now: now)))")
                }
            }
            text += "This machine's clock: \(TimeText.utc(now))" + (times.isEmpty ? "" : "; token " + times.joined(separator: ", ")) + "\n"
        }
        if let response = diagnosis.response {
            var parts: [String] = []
            if let status = response.status { parts.append("\(status)") }
            if response.saysUnauthenticated { parts.append("Unauthenticated") }
            if let code = response.errorCode { parts.append("errorCode \(code)") }
            if let id = response.requestID { parts.append("Request ID \(id)") }
            text += "Apple answered: " + (parts.isEmpty ? "(no status found)" : parts.joined(separator: ", ")) + "\n"
        }
        if let result = diagnosis.result {
            let profile = Profile.named(result.profile)
            text += "Judged as: \(profile.title) (profile \(profile.name))\n"
            if let status = result.verificationStatus {
                text += "Apple's verifier would answer: \(status)" + (result.payloadType.map { " (\($0))" } ?? "") + "\n"
            }
            switch result.signature {
            case .verified where Profile.named(result.profile).verification == .appleChain: text += "Signature: verified with the leaf certificate's key\n"
            case .verified: text += "Signature: verified with the key given\n"
            case .invalid: text += "Signature: does not verify with the key given\n"
            case .unchecked where Profile.named(result.profile).verification == .appleChain:
                text += "Signature: not checked (the chain did not verify)\n"
            case .unchecked:
                text += diagnosis.keyGiven ? "Signature: not checked (the token did not decode as ES256)\n" : "Signature: not checked (no key was given)\n"
            }
        }
        text += "\nLikely causes, most likely first:\n"
        for (index, cause) in diagnosis.causes.enumerated() {
            text += "\n\(index + 1). \(cause.title)" + (cause.rules.isEmpty ? "" : "  [" + cause.rules.map(\.rawValue).joined(separator: ", ") + "]") + "\n"
            for evidence in cause.evidence { text += "   Evidence: \(evidence)\n" }
            text += "   Fix: \(cause.fix)\n"
            text += "   Source: \(cause.source)\n"
        }
        if let profile = diagnosis.result?.profile, Profile.named(profile).verification == .appleChain {
            text += "\nIf none of these is it, check that the data reached the verifier whole and unchanged, as Apple sent it.\n"
        } else if let id = diagnosis.response?.requestID {
            text += "\nIf none of these is it, quote Request ID \(id) to Apple (Feedback Assistant or Developer Technical Support).\n"
        } else {
            text += "\nIf none of these is it, give Apple's response too: its Request ID is what Apple asks for.\n"
        }
        return text
    }
}
