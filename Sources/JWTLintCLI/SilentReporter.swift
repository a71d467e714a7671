import JWTLint

/// The reporter for `--quiet`: writes nothing; the exit status carries the verdict.
struct SilentReporter: Reporter {
    func opening() -> String { "" }
    var separator: String { "" }
    func report(_ result: ReportedResult, into output: inout [UInt8]) {}
    func closing(_ summary: LintSummary) -> String { "" }
}
