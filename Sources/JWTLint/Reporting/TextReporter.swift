/// The report for people: one block per token, then a summary line. Never prints the token itself.
package struct TextReporter: Reporter {
    /// Whether to use ANSI colours (only on a terminal, never with `NO_COLOR` set: the caller decides).
    package let colour: Bool
    /// The time tokens were checked against, for relative times.
    package let now: Double
    /// Whether to print each token itself (`--show-token`); otherwise only its fingerprint and decoded parts.
    package let showToken: Bool

    /// A text reporter.
    package init(colour: Bool, now: Double, showToken: Bool = false) {
        self.colour = colour
        self.now = now
        self.showToken = showToken
    }

    /// The longest decoded header or claims shown, in bytes of JSON.
    static let maximumShown = 400

    package func opening() -> String { "" }

    package var separator: String { "\n" }

    package func report(_ item: ReportedResult, into output: inout [UInt8]) {
        output.append(contentsOf: text(item).utf8)
    }

    private func text(_ item: ReportedResult) -> String {
        let result = item.result
        var text = ""
        let place = item.name
        let counts = Dictionary(grouping: result.findings, by: \.severity).mapValues(\.count)
        let verdict: String
        if result.hasErrors {
            verdict = paint("FAIL", .red)
        } else {
            verdict = paint("ok", .green)
        }
        var parts: [String] = []
        for severity in [Severity.error, .warning, .info] {
            if let count = counts[severity] { parts.append("\(count) \(severity.rawValue)\(count == 1 ? "" : "s")") }
        }
        text += "\(place): \(verdict)" + (parts.isEmpty ? "" : ", " + parts.joined(separator: ", "))
        text += "; signature \(signatureText(result.signature)); profile \(result.profile)"
        if let status = result.verificationStatus {
            text += "; Apple's verifier: \(status)" + (result.payloadType.map { " (\($0))" } ?? "")
        }
        text += "\n"
        if showToken, let input = item.input { text += "  token \(TokenFingerprint.token(in: input))\n" }
        if let header = result.header { text += "  header \(Self.compact(Self.certificatesCounted(header)))\n" }
        if let claims = result.claims { text += "  claims \(Self.compact(claims))\n" }
        if let line = identity(result) { text += "  \(line)\n" }
        for nested in result.nested {
            let status = nested.result.verificationStatus.map { "Apple's verifier: \($0)" } ?? "not App Store data"
            text += "  \(nested.member): \(status)" + (nested.result.payloadType.map { " (\($0))" } ?? "") + "\n"
            if let claims = nested.result.claims { text += "    claims \(Self.compact(claims))\n" }
        }
        text += Self.lines(for: result.findings, colour: colour)
        return text
    }

    /// Two lines a finding, as every text report shows them: severity, rule and message, then the fix.
    package static func lines(for findings: [Finding], colour: Bool) -> String {
        let reporter = TextReporter(colour: colour, now: 0)
        var text = ""
        for finding in findings {
            let label = reporter.paint(finding.severity.rawValue.padding(to: 7), reporter.colourFor(finding.severity))
            text += "  \(label) \(finding.rule.rawValue): \(finding.message)\n"
            text += "          fix: \(finding.hint)\n"
        }
        return text
    }

    package func closing(_ summary: LintSummary) -> String {
        var text = summary.tokens == 0 ? "" : "\n"
        if !summary.batchFindings.isEmpty {
            text += "over the batch\n" + Self.lines(for: summary.batchFindings, colour: colour) + "\n"
        }
        text += "\(summary.tokens) token\(summary.tokens == 1 ? "" : "s"): \(summary.passed) passed, \(summary.failed) failed; "
        text += "\(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")"
        if summary.infos > 0 { text += ", \(summary.infos) info" }
        text += "; signatures: \(summary.verified) verified, \(summary.invalid) invalid, \(summary.unchecked) not checked"
        var profiles = ""
        summary.forEachProfile { name, tokens in profiles += (profiles.isEmpty ? "" : ", ") + "\(tokens) \(name)" }
        if !profiles.isEmpty { text += "; profiles: " + profiles }
        if !summary.batchFindings.isEmpty {
            text += "; over the batch: \(summary.batchFindings.count) finding\(summary.batchFindings.count == 1 ? "" : "s")"
        }
        text += "\n"
        return text
    }

    private func signatureText(_ status: LintResult.SignatureStatus) -> String {
        switch status {
        case .verified: return "verified"
        case .invalid: return "invalid"
        case .unchecked: return "not checked"
        }
    }

    /// `iat 2026-… (30 s ago) · exp 2026-… (in 4 min)`: the token's times, for people.
    private func identity(_ result: LintResult) -> String? {
        guard let claims = result.claims else { return nil }
        var parts: [String] = []
        for name in ["iat", "exp"] {
            if case .seconds(let time) = TimeClaim.read(name, in: claims) {
                parts.append("\(name) \(TimeText.utc(time)) (\(TimeText.relative(time, now: now)))")
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// The header with an `x5c` array shown as its count: three base64 certificates would fill the screen.
    static func certificatesCounted(_ header: JSONObject) -> JSONObject {
        guard case .array(let certificates)? = header["x5c"] else { return header }
        return JSONObject(members: header.members.map { member in
            member.name == "x5c" ? JSONObject.Member(name: "x5c", value: .string("(\(certificates.count) certificate\(certificates.count == 1 ? "" : "s"))")) : member
        })
    }

    /// Compact JSON, escaped (no control characters reach the terminal), cut at ``maximumShown`` bytes.
    static func compact(_ object: JSONObject) -> String {
        var writer = JSONWriter()
        writer.object(object)
        guard writer.bytes.count > maximumShown else { return writer.text }
        var cut = maximumShown
        while cut > 0 && writer.bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return String(decoding: writer.bytes[..<cut], as: UTF8.self) + "… (\(writer.bytes.count) bytes)"
    }

    private enum Colour: String {
        case red = "31", yellow = "33", cyan = "36", green = "32"
    }

    private func colourFor(_ severity: Severity) -> Colour {
        switch severity {
        case .error: return .red
        case .warning: return .yellow
        case .info: return .cyan
        }
    }

    private func paint(_ text: String, _ colour: Colour) -> String {
        self.colour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
