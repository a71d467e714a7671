/// SARIF 2.1.0: one run, one rule object per rule ID with its help, one result per finding, located at the tokens
/// file and line (or standard input's line) when the token came from one, else named by its position.
package struct SARIFReporter: Reporter {
    /// The version reported as the tool's.
    package let toolVersion: String

    /// A SARIF reporter.
    package init(toolVersion: String) {
        self.toolVersion = toolVersion
    }

    package func opening() -> String {
        var writer = JSONWriter()
        writer.raw(#"{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"jwtlint","version":"#)
        writer.string(toolVersion)
        writer.raw(#","informationUri":"https://developer.apple.com/documentation/appstoreserverapi/generating-json-web-tokens-for-api-requests","rules":["#)
        for (index, rule) in RuleCatalog.all.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw(#"{"id":"#)
            writer.string(rule.id.rawValue)
            writer.raw(#","shortDescription":{"text":"#)
            writer.string(rule.summary)
            writer.raw(#"},"fullDescription":{"text":"#)
            writer.string(rule.explanation)
            writer.raw(#"},"help":{"text":"#)
            writer.string("\(rule.fix) Source: \(rule.source)")
            writer.raw(#"},"defaultConfiguration":{"level":"#)
            writer.string(Self.level(rule.defaultSeverity))
            writer.raw("}}")
        }
        writer.raw(#"]}},"results":["#)
        return writer.text
    }

    package var separator: String { "," }

    package func report(_ item: ReportedResult, into output: inout [UInt8]) {
        var writer = JSONWriter(appendingTo: output)
        output = []
        var first = true
        let name = item.name
        for finding in item.result.findings {
            if !first { writer.raw(",") }
            first = false
            Self.openResult(finding, text: "\(name) [\(item.result.profile)]: \(finding.message) Fix: \(finding.hint)", into: &writer)
            writer.raw(#","locations":[{"#)
            if let line = item.line {
                writer.raw(#""physicalLocation":{"artifactLocation":{"uri":"#)
                writer.string(Self.uri(item.file ?? "stdin"))
                writer.raw(#"},"region":{"startLine":"#)
                writer.integer(line)
                writer.raw("}},")
            }
            writer.raw(#""logicalLocations":[{"name":"#)
            writer.string(name)
            writer.raw(#","kind":"object"}]}],"properties":{"profile":"#)
            writer.string(item.result.profile.rawValue)
            writer.raw("}}")
        }
        output = writer.bytes
    }

    package func closing(_ summary: LintSummary) -> String {
        var writer = JSONWriter()
        // Every finding counted in the summary was written as a result, so a count above zero means a comma is due.
        var first = summary.errors + summary.warnings + summary.infos == 0
        for finding in summary.batchFindings {
            if !first { writer.raw(",") }
            first = false
            Self.openResult(finding, text: "over the batch: \(finding.message) Fix: \(finding.hint)", into: &writer)
            writer.raw("}")
        }
        return writer.text + #"]}]}"# + "\n"
    }

    /// `{"ruleId":…,"ruleIndex":…,"level":…,"message":{"text":…}`: a result up to its location, left open.
    private static func openResult(_ finding: Finding, text: String, into writer: inout JSONWriter) {
        writer.raw(#"{"ruleId":"#)
        writer.string(finding.rule.rawValue)
        if let index = RuleCatalog.all.firstIndex(where: { $0.id == finding.rule }) {
            writer.raw(#","ruleIndex":"#)
            writer.integer(index)
        }
        writer.raw(#","level":"#)
        writer.string(level(finding.severity))
        writer.raw(#","message":{"text":"#)
        writer.string(text)
        writer.raw("}")
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative URI reference for a path: unreserved characters and `/` kept, everything else percent-encoded.
    static func uri(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            let keep = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
                || byte == UInt8(ascii: "/")
            if keep {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}
