/// JUnit XML: one test case per token, with a `<failure>` per error finding (warnings go to `<system-out>`).
///
/// Each token is its own `<testsuite>` so that the counts a suite's opening tag carries are known when it is
/// written: the report streams, whatever the number of tokens.
package struct JUnitReporter: Reporter {
    /// A JUnit reporter.
    package init() {}

    package func opening() -> String {
        #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<testsuites name="jwtlint">"# + "\n"
    }

    package var separator: String { "" }

    package func report(_ item: ReportedResult, into output: inout [UInt8]) {
        let errors = item.result.findings.filter { $0.severity == .error }
        let others = item.result.findings.filter { $0.severity != .error }
        let name = Self.escape(item.name)
        var text = #"  <testsuite name="\#(name)" tests="1" failures="\#(errors.isEmpty ? 0 : 1)" errors="0" skipped="0">"# + "\n"
        text += #"    <properties><property name="profile" value="\#(item.result.profile)"/></properties>"# + "\n"
        text += #"    <testcase name="\#(name)" classname="jwtlint""#
        if let file = item.file { text += #" file="\#(Self.escape(file))""# }
        if let line = item.line { text += #" line="\#(line)""# }
        text += ">\n"
        for finding in errors {
            text += #"      <failure type="\#(finding.rule)" message="\#(Self.escape(finding.message))">"#
            text += Self.escape("\(finding.rule): \(finding.message)\nFix: \(finding.hint)") + "</failure>\n"
        }
        if !others.isEmpty {
            let lines = others.map { "\($0.severity.rawValue) \($0.rule): \($0.message) Fix: \($0.hint)" }
            text += "      <system-out>" + Self.escape(lines.joined(separator: "\n")) + "</system-out>\n"
        }
        text += "    </testcase>\n  </testsuite>\n"
        output.append(contentsOf: text.utf8)
    }

    package func closing(_ summary: LintSummary) -> String { "</testsuites>\n" }

    /// Text safe in XML attributes and content: markup characters escaped, and characters XML 1.0 forbids
    /// (most C0 controls) replaced by U+FFFD.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\n": escaped += "&#10;"
            case "\t": escaped += "&#9;"
            case "\r": escaped += "&#13;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                escaped += "\u{FFFD}"
            default:
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
