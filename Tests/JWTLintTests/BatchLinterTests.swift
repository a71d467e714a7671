import Foundation
import Testing
import JWTLint

/// The batch engine a test suite uses to lint many tokens on all cores: results in input order, the same as one
/// token at a time, and reports byte-identical whatever the number of jobs.
@Suite("Linting a batch of tokens")
struct BatchLinterTests {
    /// The sample tokens, repeated past the bulk threshold (1,000), with a few inputs that are not tokens.
    static func lines() throws -> [String] {
        let samples = try String(contentsOf: VectorFiles.url("samples/tokens.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let extra = ["", "not a token", "Bearer a.b.c", String(repeating: "x", count: 40)]
        return Array(repeatElement(samples + extra, count: 80).joined())
    }

    static func linter() throws -> Linter {
        let key = try VectorFiles.key("keys/TESTKEYA01.pub.pem")
        return Linter(options: LintOptions(now: 1767225600, key: key.publicKey, expectedKeyID: "TESTKEYA01"))
    }

    @Test("The batch gives each line the result it gets alone, in input order, on one job and on four")
    func resultsMatchOneAtATime() throws {
        let lines = try Self.lines()
        #expect(lines.count > 1000)
        let linter = try Self.linter()
        let alone = lines.map { linter.lint($0) }
        for jobs in [1, 4] {
            let batched = linter.lint(lines: lines, jobs: jobs)
            try #require(batched.count == lines.count)
            for (index, (one, other)) in zip(alone, batched).enumerated() {
                #expect(one.findings == other.findings, "line \(index + 1), \(jobs) jobs")
                #expect(one.signature == other.signature, "line \(index + 1), \(jobs) jobs")
                #expect(one.profile == other.profile, "line \(index + 1), \(jobs) jobs")
            }
        }
        // The samples hold failing and passing tokens alike, so the comparison above covers both verdicts.
        #expect(alone.contains { $0.hasErrors } && alone.contains { !$0.hasErrors })
    }

    @Test("Rendered reports are byte-identical for 1, 2 and 7 jobs and equal the reporter's own rendering", arguments: ["json", "text", "sarif"])
    func reportsAreIdenticalForAnyJobs(format: String) throws {
        let lines = try Self.lines()
        let linter = try Self.linter()
        let reporter: any Reporter =
            switch format {
            case "json": JSONReporter()
            case "sarif": SARIFReporter(toolVersion: "0.0.0-test")
            default: TextReporter(colour: false, now: 1767225600)
            }
        let expected = reporter.render(lines.enumerated().map { index, line in
            ReportedResult(index: index, line: index + 1, file: "tokens.txt", input: line, result: linter.lint(line))
        })
        for jobs in [1, 2, 7] {
            var output: [UInt8] = []
            let batch = BatchLinter(linter: linter, jobs: jobs, delivery: .report(reporter) { output.append(contentsOf: $0) })
            for (index, line) in lines.enumerated() { batch.add(BatchInput(line, line: index + 1, file: "tokens.txt")) }
            batch.finish()
            output.append(contentsOf: reporter.closing(batch.summary).utf8)
            #expect(String(decoding: output, as: UTF8.self) == expected, "\(jobs) jobs")
            #expect(batch.summary.tokens == lines.count)
        }
    }

    @Test("A batch with no input delivers nothing, not even the report's opening")
    func emptyBatchDeliversNothing() throws {
        var writes = 0
        let batch = BatchLinter(linter: try Self.linter(), jobs: 2, delivery: .report(JSONReporter()) { _ in writes += 1 })
        batch.finish()
        #expect(writes == 0)
        #expect(batch.summary.tokens == 0)
    }

    @Test("Oversized and non-UTF-8 inputs come back as token.format and token.encoding findings in their place")
    func readerFindingsKeepTheirPlace() throws {
        var reported: [ReportedResult] = []
        let batch = BatchLinter(linter: try Self.linter(), jobs: 2, delivery: .results { reported.append($0) })
        batch.add(BatchInput(content: .oversized(byteCount: 100_000), line: 1))
        batch.add(BatchInput(content: .notUTF8(byte: 0xFF, offset: 3), line: 2))
        batch.finish()
        #expect(reported.map(\.index) == [0, 1])
        #expect(reported.map(\.line) == [1, 2])
        #expect(reported.map { $0.result.findings.map(\.rule) } == [[.tokenFormat], [.tokenEncoding]])
    }
}
