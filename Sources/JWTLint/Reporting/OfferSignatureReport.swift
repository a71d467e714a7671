/// A legacy promotional offer signature's verdict as `jwtlint offer-signature` writes it: for people, or as the lint
/// JSON contract (one result, whose `profile` is `legacy-promotional-offer`).
package enum OfferSignatureReport {
    /// The name results carry in place of a JWS profile.
    package static let kind = "legacy-promotional-offer"

    /// The verdict, the fields Apple signs and each finding with its fix; the signature itself only with
    /// `showSignature`.
    package static func text(_ request: LegacyOfferRequest, _ result: LegacyOfferResult, showSignature: Bool, colour: Bool) -> String {
        let errors = result.findings.filter { $0.severity == .error }.count
        let warnings = result.findings.filter { $0.severity == .warning }.count
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        let verdict = result.hasErrors ? (colour ? "\u{1B}[31mFAIL\u{1B}[0m" : "FAIL") : (colour ? "\u{1B}[32mok\u{1B}[0m" : "ok")
        var text = "offer signature (sha256 \(TokenFingerprint.of(request.signature))): \(verdict)"
        text += (counts.isEmpty ? "" : ", " + counts.joined(separator: ", ")) + "; signature \(status(result.signature)); profile \(kind)\n"
        if showSignature { text += "  signature \(request.signature)\n" }
        let fields = request.appleFields.map { String(JSONText.quoted($0).dropFirst().dropLast()) }
        text += "  payload \"" + fields.joined(separator: "\\u2063") + "\" (the fields Apple signs, joined by U+2063)\n"
        text += TextReporter.lines(for: result.findings, colour: colour)
        return text
    }

    /// The verdict in the JSON shape of `jwtlint lint`'s report; the signature itself only with `showSignature`.
    package static func json(_ request: LegacyOfferRequest, _ result: LegacyOfferResult, showSignature: Bool) -> String {
        var writer = JSONWriter()
        writer.raw(#"{"results":[{"index":0,"profile":"legacy-promotional-offer","#)
        if showSignature {
            writer.raw(#""token":"#)
            writer.string(request.signature)
            writer.raw(",")
        }
        writer.raw(#""signature":"#)
        writer.string(result.signature.rawValue)
        writer.raw(#","payload":"#)
        let fields = request.appleFields
        writer.object(JSONObject(members: [
            JSONObject.Member(name: "bundleId", value: .string(fields[0])), JSONObject.Member(name: "keyId", value: .string(fields[1])),
            JSONObject.Member(name: "productId", value: .string(fields[2])),
            JSONObject.Member(name: "offerIdentifier", value: .string(fields[3])),
            JSONObject.Member(name: "appAccountToken", value: .string(fields[4])), JSONObject.Member(name: "nonce", value: .string(fields[5])),
            JSONObject.Member(name: "timestamp", value: .string(fields[6])),
        ]))
        writer.raw(#","findings":"#)
        JSONReporter.write(result.findings, to: &writer)
        let errors = result.findings.filter { $0.severity == .error }.count
        let warnings = result.findings.filter { $0.severity == .warning }.count
        let infos = result.findings.count - errors - warnings
        let failed = result.hasErrors ? 1 : 0
        let (verified, invalid, unchecked) = (result.signature == .verified ? 1 : 0, result.signature == .invalid ? 1 : 0, result.signature == .unchecked ? 1 : 0)
        return writer.text
            + #"}],"summary":{"tokens":1,"passed":\#(1 - failed),"failed":\#(failed),"errors":\#(errors),"warnings":\#(warnings),"infos":\#(infos),"#
            + #""signatures":{"verified":\#(verified),"invalid":\#(invalid),"unchecked":\#(unchecked)},"profiles":{"legacy-promotional-offer":1}}}"#
            + "\n"
    }

    private static func status(_ status: LintResult.SignatureStatus) -> String {
        status == .unchecked ? "not checked" : status.rawValue
    }
}
