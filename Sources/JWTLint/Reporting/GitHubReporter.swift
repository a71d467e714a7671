/// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` annotation per finding, pointing at
/// the tokens file and line when the token came from one; then a summary line.
///
/// Annotation data and properties are escaped as the Actions runner expects (`%`, CR, LF; and `:` and `,` in
/// properties), so a hostile token cannot start a workflow command of its own.
package struct GitHubReporter: Reporter {
    /// A GitHub Actions reporter.
    package init() {}

    package func opening() -> String { "" }

    package var separator: String { "" }

    package func report(_ item: ReportedResult, into output: inout [UInt8]) {
        var text = ""
        let name = item.name
        for finding in item.result.findings {
            let command: String
            switch finding.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var properties: [String] = []
            if let file = item.file {
                properties.append("file=" + Self.escapeProperty(file))
                if let line = item.line { properties.append("line=\(line)") }
            }
            properties.append("title=" + Self.escapeProperty("jwtlint \(finding.rule.rawValue)"))
            text += "::\(command) \(properties.joined(separator: ","))::"
            text += Self.escapeData("\(name) [\(item.result.profile)]: \(finding.message) Fix: \(finding.hint)") + "\n"
        }
        output.append(contentsOf: text.utf8)
    }

    package func closing(_ summary: LintSummary) -> String {
        var annotations = ""
        for finding in summary.batchFindings {
            let command = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
            annotations += "::\(command) title=" + Self.escapeProperty("jwtlint \(finding.rule.rawValue)") + "::"
            annotations += Self.escapeData("over the batch: \(finding.message) Fix: \(finding.hint)") + "\n"
        }
        return annotations + "jwtlint: \(summary.tokens) token\(summary.tokens == 1 ? "" : "s"), \(summary.passed) passed, \(summary.failed) failed; "
            + "\(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"); "
            + "signatures: \(summary.verified) verified, "
            + "\(summary.invalid) invalid, \(summary.unchecked) not checked\n"
    }

    static func escapeData(_ text: String) -> String {
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "\r": escaped += "%0D"
            case "\n": escaped += "%0A"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).split(separator: ":", omittingEmptySubsequences: false).joined(separator: "%3A")
            .split(separator: ",", omittingEmptySubsequences: false).joined(separator: "%2C")
    }
}
