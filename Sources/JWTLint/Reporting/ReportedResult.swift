/// A result together with where its token came from, as reporters print it.
public struct ReportedResult: Sendable {
    /// The token's position among all inputs, from 0, in input order.
    public let index: Int
    /// The line number in standard input, from 1, when the token was read from there.
    public let line: Int?
    /// The verdict.
    public let result: LintResult

    /// Pairs a result with its position.
    public init(index: Int, line: Int?, result: LintResult) {
        self.index = index
        self.line = line
        self.result = result
    }
}

/// Writes results as they come, then a summary: one implementation per output format.
public protocol Reporter: Sendable {
    /// Text that opens the report (may be empty).
    func opening() -> String
    /// Appends the text for one result to `output`; `isFirst` tells whether any came before it.
    func report(_ result: ReportedResult, isFirst: Bool, into output: inout [UInt8])
    /// Text that closes the report.
    func closing(_ summary: LintSummary) -> String
}
