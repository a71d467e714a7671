/// A result together with where its token came from, as reporters print it.
public struct ReportedResult: Sendable {
    /// The token's position among all inputs, from 0, in input order.
    public let index: Int
    /// The line number, from 1, when the token was read from standard input or a tokens file.
    public let line: Int?
    /// The tokens file the token was read from, when it came from one (`nil` for arguments and standard input).
    public let file: String?
    /// The member of a JSON document the token was taken from: `signedTransactions[2]`.
    public var member: String? = nil
    /// The input line as given, for the fingerprint and `--show-token`; reports print it only when asked.
    public let input: String?
    /// The verdict.
    public let result: LintResult

    /// Pairs a result with its position.
    public init(index: Int, line: Int?, file: String? = nil, input: String? = nil, result: LintResult) {
        self.index = index
        self.line = line
        self.file = file
        self.input = input
        self.result = result
    }
}

extension ReportedResult {
    /// "token 3 (tokens.txt:5, sha256 1a2b3c4d5e6f)": how reports name a token without printing it. The
    /// fingerprint is the start of the SHA-256 of the token (without any `Bearer` prefix).
    public var name: String {
        var place: [String] = []
        switch (file, line) {
        case (let file?, let line?): place.append("\(file):\(line)")
        case (nil, let line?): place.append("line \(line)")
        default: break
        }
        if let member { place.append(member) }
        if let input { place.append("sha256 " + TokenFingerprint.of(input)) }
        return "token \(index + 1)" + (place.isEmpty ? "" : " (" + place.joined(separator: ", ") + ")")
    }
}

/// Writes results as they come, then a summary: one implementation per output format.
///
/// Whoever concatenates reports puts ``separator`` between two non-empty ones; ``render(_:)`` and ``BatchLinter`` do it.
public protocol Reporter: Sendable {
    /// Text that opens the report (may be empty).
    func opening() -> String
    /// What goes between the texts of two results that both wrote something (`,` in a JSON array).
    var separator: String { get }
    /// Appends the text for one result to `output` (possibly nothing, such as a clean token in SARIF).
    func report(_ result: ReportedResult, into output: inout [UInt8])
    /// Text that closes the report.
    func closing(_ summary: LintSummary) -> String
}

extension Reporter {
    /// The whole report on `results`: the opening, each result's text (with separators), and the closing with
    /// their summary. For a stream of many tokens, a ``BatchLinter`` renders on several threads.
    public func render(_ results: [ReportedResult]) -> String {
        var output = Array(opening().utf8)
        var writer = ReportWriter(reporter: self)
        var summary = LintSummary()
        for reported in results {
            writer.append(reported, to: &output)
            summary.add(reported.result)
        }
        output.append(contentsOf: closing(summary).utf8)
        return String(decoding: output, as: UTF8.self)
    }
}

/// Concatenates reports in order, with the reporter's separator between non-empty ones.
struct ReportWriter {
    /// The reporter whose texts are joined.
    let reporter: any Reporter
    private var wroteAny = false

    /// A writer for `reporter`'s texts.
    init(reporter: any Reporter) {
        self.reporter = reporter
    }

    /// Appends `result`'s text to `output`, after a separator when something was appended before.
    mutating func append(_ result: ReportedResult, to output: inout [UInt8]) {
        let before = output.count
        if wroteAny { output.append(contentsOf: reporter.separator.utf8) }
        let marked = output.count
        reporter.report(result, into: &output)
        if output.count == marked {
            output.removeLast(output.count - before)
        } else {
            wroteAny = true
        }
    }

    /// Appends already joined text (from another writer) with a separator when needed.
    mutating func append(joined text: inout [UInt8], to output: inout [UInt8]) {
        guard !text.isEmpty else { return }
        if wroteAny { output.append(contentsOf: reporter.separator.utf8) }
        output.append(contentsOf: text)
        text.removeAll(keepingCapacity: true)
        wroteAny = true
    }
}
