import Dispatch
import JWTLint

/// Lints a stream of inputs in chunks, on `jobs` threads, and writes each chunk's reports in input order.
///
/// While the workers lint one chunk, the calling thread reads the next; it then waits for the workers, writes
/// their reports in order and hands them the next chunk. Memory stays flat: at most two chunks are held, each of at
/// most ``chunkLines`` inputs or about ``chunkBytes`` bytes. Output is byte-identical whatever the number of jobs.
final class BatchLinter {
    /// One input: a token line (or only its size, when too long to be a token) and its line number in standard input.
    struct Input: Sendable {
        enum Content: Sendable {
            case text(String)
            case oversized(byteCount: Int)
            case notUTF8(byte: UInt8, offset: Int)
        }
        let content: Content
        let line: Int?
    }

    static let chunkLines = 1024
    static let chunkBytes = 512 * 1024
    /// From this many inputs in the first chunk on, the key's fixed-base table (about 20 ms to build) pays off.
    static let bulkThreshold = 1000

    /// One chunk being linted: each worker's rendered reports and counts, filled in by that worker only.
    private final class Work: @unchecked Sendable {
        var outputs: [[UInt8]]
        var summaries: [LintSummary]
        let group = DispatchGroup()

        init(workers: Int) {
            outputs = Array(repeating: [], count: workers)
            summaries = Array(repeating: LintSummary(), count: workers)
        }
    }

    /// The sessions, one per worker; a worker uses only its own.
    private final class Sessions: @unchecked Sendable {
        let all: [LintSession]
        init(_ all: [LintSession]) { self.all = all }
    }

    private var linter: Linter
    private let reporter: any Reporter
    private let jobs: Int
    private var sessions: Sessions?
    private var chunk: [Input] = []
    private var chunkSize = 0
    private var nextIndex = 0
    private var inFlight: Work?
    private var opened = false
    private(set) var summary = LintSummary()

    init(linter: Linter, reporter: any Reporter, jobs: Int) {
        self.linter = linter
        self.reporter = reporter
        self.jobs = max(1, jobs)
        chunk.reserveCapacity(Self.chunkLines)
    }

    /// Adds one input; starts linting the chunk when it is full.
    func add(_ input: Input) {
        chunk.append(input)
        if case .text(let text) = input.content { chunkSize += text.utf8.count }
        if chunk.count >= Self.chunkLines || chunkSize >= Self.chunkBytes { startChunk() }
    }

    /// Lints whatever is left and writes every remaining report. Writes nothing at all when there was no input,
    /// so that the caller can report that instead of an empty report.
    func finish() {
        startChunk()
        drain()
    }

    /// Lints and writes out everything read so far: for input that pauses.
    func flushNow() {
        startChunk()
        drain()
        Output.flush()
    }

    private func startChunk() {
        guard !chunk.isEmpty else { return }
        let workers = min(jobs, max(1, chunk.count / 64))
        let sessions = sessions(for: workers, firstChunkCount: chunk.count)
        drain()
        let inputs = chunk
        let firstIndex = nextIndex
        nextIndex += inputs.count
        chunk.removeAll(keepingCapacity: true)
        chunkSize = 0
        let work = Work(workers: workers)
        let reporter = self.reporter
        if workers == 1 {
            Self.lint(inputs[...], firstIndex: firstIndex, session: sessions.all[0], reporter: reporter, work: work, worker: 0)
        } else {
            let share = (inputs.count + workers - 1) / workers
            for worker in 0..<workers {
                let range = min(inputs.count, worker * share)..<min(inputs.count, (worker + 1) * share)
                DispatchQueue.global().async(group: work.group) {
                    Self.lint(
                        inputs[range], firstIndex: firstIndex, session: sessions.all[worker], reporter: reporter, work: work,
                        worker: worker)
                }
            }
        }
        inFlight = work
    }

    /// Waits for the chunk in flight, then writes its reports in order.
    private func drain() {
        guard let work = inFlight else { return }
        work.group.wait()
        if !opened {
            Output.standardOutput(reporter.opening())
            opened = true
        }
        for worker in work.outputs.indices {
            Output.standardOutput(bytes: &work.outputs[worker])
            summary.merge(work.summaries[worker])
        }
        inFlight = nil
    }

    private static func lint(
        _ inputs: ArraySlice<Input>, firstIndex: Int, session: LintSession, reporter: any Reporter, work: Work, worker: Int
    ) {
        var output: [UInt8] = []
        var summary = LintSummary()
        for position in inputs.indices {
            let input = inputs[position]
            let result: LintResult
            switch input.content {
            case .text(let text): result = session.lint(text)
            case .oversized(let byteCount): result = session.linter.lintOversizedInput(byteCount: byteCount)
            case .notUTF8(let byte, let offset): result = session.linter.lintNonUTF8Input(byte: byte, offset: offset)
            }
            let index = firstIndex + position
            reporter.report(ReportedResult(index: index, line: input.line, result: result), isFirst: index == 0, into: &output)
            summary.add(result)
        }
        work.outputs[worker] = output
        work.summaries[worker] = summary
    }

    /// Sessions for `workers` workers, made when first needed. The first chunk decides whether the key is worth
    /// preparing for bulk verification.
    private func sessions(for workers: Int, firstChunkCount: Int) -> Sessions {
        if sessions == nil, firstChunkCount >= Self.bulkThreshold, let key = linter.options.key {
            var options = linter.options
            options.key = key.preparedForBulkVerification()
            linter = Linter(options: options)
        }
        let existing = sessions?.all ?? []
        guard existing.count < workers else { return sessions! }
        let made = Sessions(existing + (existing.count..<workers).map { _ in LintSession(linter: linter) })
        sessions = made
        return made
    }
}
