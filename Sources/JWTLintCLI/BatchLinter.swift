import Dispatch
import JWTLint

/// Lints a stream of inputs in chunks, on `jobs` threads, and writes each chunk's reports in input order.
///
/// Memory stays flat: a chunk holds at most ``chunkLines`` inputs or about ``chunkBytes`` bytes, and each
/// worker renders its share of the chunk into its own buffer, which is written out before the next chunk.
/// Output is byte-identical whatever the number of jobs.
final class BatchLinter {
    /// One input: a token line (or its oversize), its position, and its line number in standard input.
    struct Input {
        enum Content {
            case text(String)
            case oversized(byteCount: Int)
        }
        let content: Content
        let line: Int?
    }

    static let chunkLines = 1024
    static let chunkBytes = 512 * 1024
    /// From this many inputs in the first chunk on, the key's fixed-base table (about 20 ms to build) pays off.
    static let bulkThreshold = 1000

    private var linter: Linter
    private let reporter: any Reporter
    private let jobs: Int
    private var sessions: [LintSession] = []
    private var chunk: [Input] = []
    private var chunkSize = 0
    private var nextIndex = 0
    private(set) var summary = LintSummary()

    init(linter: Linter, reporter: any Reporter, jobs: Int) {
        self.linter = linter
        self.reporter = reporter
        self.jobs = max(1, jobs)
        chunk.reserveCapacity(Self.chunkLines)
    }

    /// Adds one input; lints the chunk when it is full.
    func add(_ input: Input) {
        chunk.append(input)
        if case .text(let text) = input.content { chunkSize += text.utf8.count }
        if chunk.count >= Self.chunkLines || chunkSize >= Self.chunkBytes { flushChunk() }
    }

    /// Lints whatever is left.
    func finish() {
        flushChunk()
    }

    private func flushChunk() {
        guard !chunk.isEmpty else { return }
        if sessions.isEmpty { startSessions(firstChunkCount: chunk.count) }
        let inputs = chunk
        let firstIndex = nextIndex
        let workers = inputs.count >= 2 * jobs ? jobs : 1
        var outputs = [[UInt8]](repeating: [], count: workers)
        var summaries = [LintSummary](repeating: LintSummary(), count: workers)
        let reporter = self.reporter
        let sessions = self.sessions
        let work = { (worker: Int, output: inout [UInt8], summary: inout LintSummary) in
            let share = (inputs.count + workers - 1) / workers
            let range = min(inputs.count, worker * share)..<min(inputs.count, (worker + 1) * share)
            for position in range {
                let input = inputs[position]
                let result: LintResult
                switch input.content {
                case .text(let text): result = sessions[worker].lint(text)
                case .oversized(let byteCount): result = sessions[worker].linter.lintOversizedInput(byteCount: byteCount)
                }
                let index = firstIndex + position
                reporter.report(ReportedResult(index: index, line: input.line, result: result), isFirst: index == 0, into: &output)
                summary.add(result)
            }
        }
        if workers == 1 {
            work(0, &outputs[0], &summaries[0])
        } else {
            outputs.withUnsafeMutableBufferPointer { outputBuffer in
                summaries.withUnsafeMutableBufferPointer { summaryBuffer in
                    // Each iteration touches only its own element of each buffer.
                    nonisolated(unsafe) let outputs = outputBuffer
                    nonisolated(unsafe) let summaries = summaryBuffer
                    nonisolated(unsafe) let work = work
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        work(worker, &outputs[worker], &summaries[worker])
                    }
                }
            }
        }
        for worker in 0..<workers {
            Output.standardOutput(bytes: &outputs[worker])
            summary.merge(summaries[worker])
        }
        nextIndex += inputs.count
        chunk.removeAll(keepingCapacity: true)
        chunkSize = 0
    }

    private func startSessions(firstChunkCount: Int) {
        if firstChunkCount >= Self.bulkThreshold, let key = linter.options.key {
            var options = linter.options
            options.key = key.preparedForBulkVerification()
            linter = Linter(options: options)
        }
        sessions = (0..<jobs).map { _ in LintSession(linter: linter) }
    }
}
