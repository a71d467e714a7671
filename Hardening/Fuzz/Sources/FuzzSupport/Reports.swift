@testable import JWTLint

/// Renders results through every public reporter, as `jwtlint lint --format …` does, so hostile header and claim
/// contents reach each report's escaping.
public enum Reports {
    /// One reporter, as a `--format` (and `--show-token`) makes it.
    public struct Format: Sendable {
        /// The reporter.
        public let reporter: any Reporter
        /// Whether it prints the token (`--show-token`).
        public let showsToken: Bool

        init(_ reporter: any Reporter, showsToken: Bool = false) {
            self.reporter = reporter
            self.showsToken = showsToken
        }
    }

    /// Every output format: text (plain and in colour), JSON, GitHub annotations, SARIF and JUnit; text and JSON
    /// also with `--show-token`.
    public static let formats: [Format] = [
        Format(TextReporter(colour: false, now: Fixture.now)), Format(TextReporter(colour: true, now: Fixture.now)),
        Format(JSONReporter()), Format(GitHubReporter()), Format(SARIFReporter(toolVersion: "0.0.0-fuzz")),
        Format(JUnitReporter()),
        Format(TextReporter(colour: false, now: Fixture.now, showToken: true), showsToken: true),
        Format(JSONReporter(showToken: true), showsToken: true),
    ]

    /// The whole report of `results` (all read from `input`, one a line of `tokens.txt`) in `format`.
    public static func render(_ results: [LintResult], input: String, in format: Format) -> String {
        format.reporter.render(results.enumerated().map { index, result in
            ReportedResult(index: index, line: index + 1, file: "tokens.txt", input: input, result: result)
        })
    }

    /// Whether `report` holds `token`, byte for byte (a token is ASCII).
    public static func report(_ report: String, contains token: String) -> Bool {
        let haystack = Array(report.utf8), needle = Array(token.utf8)
        guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == first && haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// Whether `token` is worth looking for in a report: a compact JWS of at least 40 base64url characters. Shorter
    /// or other strings could be part of a report's fixed text.
    public static func isSecret(_ token: String) -> Bool {
        var dots = 0
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                continue
            default: return false
            }
        }
        return dots == 2 && token.utf8.count >= 40
    }
}
