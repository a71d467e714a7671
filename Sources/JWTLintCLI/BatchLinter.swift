import Dispatch
import JWTLint

/// Lints a stream of inputs on `jobs` threads and writes the reports in input order.
///
/// The calling thread reads inputs and cuts them into pieces of ``pieceSize``; worker threads, each with its own
/// ``LintSession``, take pieces from one queue and render each into the piece's own buffer; the calling thread
/// writes finished pieces in order. No worker waits for another: a slow piece only delays the writing of the
/// pieces after it. Memory stays flat: at most ``maximumPending`` pieces are read ahead. Output is byte-identical
/// whatever the number of jobs.
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
        var file: String? = nil
    }

    static let pieceSize = 32
    static let maximumPending = 64
    /// From this many inputs on, the key's fixed-base table (about 20 ms to build) pays off.
    static let bulkThreshold = 1000

    /// Inputs linted together by one worker, and what came of them.
    private final class Piece: @unchecked Sendable {
        let inputs: [Input]
        let firstIndex: Int
        /// Written by the worker that took the piece, read after `done` is signalled.
        var output: [UInt8] = []
        var summary = LintSummary()
        let done = DispatchSemaphore(value: 0)

        init(inputs: [Input], firstIndex: Int) {
            self.inputs = inputs
            self.firstIndex = firstIndex
        }
    }

    /// The pieces waiting for a worker; `nil` tells a worker to stop.
    private final class PieceQueue: @unchecked Sendable {
        private var items: [Piece?] = []
        private var head = 0
        private let lock = DispatchSemaphore(value: 1)
        private let available = DispatchSemaphore(value: 0)

        func put(_ piece: Piece?) {
            lock.wait()
            items.append(piece)
            lock.signal()
            available.signal()
        }

        func take() -> Piece? {
            available.wait()
            lock.wait()
            defer { lock.signal() }
            let piece = items[head]
            items[head] = nil
            head += 1
            if head > 1024 {
                items.removeFirst(head)
                head = 0
            }
            return piece
        }
    }

    private var linter: Linter
    private let reporter: any Reporter
    private let jobs: Int
    private var queue: PieceQueue?
    private var workersStarted = 0
    /// Left by each worker when it has stopped and released its session.
    private let workersDone = DispatchGroup()
    private var inlineSession: LintSession?
    private var current: [Input] = []
    private var currentSize = 0
    private var pending: [Piece] = []
    private var pendingHead = 0
    private var nextIndex = 0
    private var started = false
    private var opened = false
    private var writer: ReportWriter
    private(set) var summary = LintSummary()

    init(linter: Linter, reporter: any Reporter, jobs: Int) {
        self.linter = linter
        self.reporter = reporter
        self.writer = ReportWriter(reporter: reporter)
        self.jobs = max(1, jobs)
    }

    /// Adds one input.
    func add(_ input: Input) {
        current.append(input)
        if !started {
            // Read up to the bulk threshold first, to decide how to verify.
            if current.count >= Self.bulkThreshold { start() }
            return
        }
        if current.count >= Self.pieceSize { dispatchCurrent() }
    }

    /// Lints and writes out everything read so far: for input that pauses.
    func flushNow() {
        if !started { start() }
        dispatchCurrent()
        while pendingHead < pending.count { writeOldest() }
        Output.flush()
    }

    /// Lints whatever is left, writes every remaining report and stops the workers. Writes nothing at all when
    /// there was no input, so that the caller can say so instead.
    func finish() {
        flushNow()
        for _ in 0..<workersStarted { queue?.put(nil) }
        // Wait until every worker has released its session: the process must not exit (and run OpenSSL's
        // clean-up) while a worker still frees OpenSSL objects.
        workersDone.wait()
    }

    /// Decides on bulk verification from the inputs read so far, and how many threads to use.
    private func start() {
        started = true
        if current.count >= Self.bulkThreshold, let key = linter.options.key {
            var options = linter.options
            options.key = key.preparedForBulkVerification()
            linter = Linter(options: options)
        }
        if jobs > 1 && current.count > Self.pieceSize {
            startWorkers()
        }
        while current.count > Self.pieceSize {
            let rest = Array(current[Self.pieceSize...])
            current.removeLast(current.count - Self.pieceSize)
            dispatchCurrent()
            current = rest
        }
    }

    private func startWorkers() {
        let queue = PieceQueue()
        self.queue = queue
        let reporter = self.reporter
        let linter = self.linter
        for _ in 0..<jobs {
            DispatchQueue.global().async(group: workersDone) {
                let session = LintSession(linter: linter)
                while let piece = queue.take() {
                    BatchLinter.lint(piece, session: session, reporter: reporter)
                    piece.done.signal()
                }
            }
        }
        workersStarted = jobs
    }

    private func dispatchCurrent() {
        guard !current.isEmpty else { return }
        let piece = Piece(inputs: current, firstIndex: nextIndex)
        nextIndex += current.count
        current.removeAll(keepingCapacity: true)
        if let queue {
            queue.put(piece)
            pending.append(piece)
            if pending.count - pendingHead >= Self.maximumPending { writeOldest() }
        } else {
            let session = inlineSession ?? LintSession(linter: linter)
            inlineSession = session
            BatchLinter.lint(piece, session: session, reporter: reporter)
            write(piece)
        }
    }

    private func writeOldest() {
        let piece = pending[pendingHead]
        piece.done.wait()
        pendingHead += 1
        if pendingHead >= Self.maximumPending {
            // Drop written pieces from the front now and then, so the list never outgrows the read-ahead.
            pending.removeFirst(pendingHead)
            pendingHead = 0
        }
        write(piece)
    }

    private func write(_ piece: Piece) {
        if !opened {
            Output.standardOutput(reporter.opening())
            opened = true
        }
        var joined: [UInt8] = []
        writer.append(joined: &piece.output, to: &joined)
        Output.standardOutput(bytes: &joined)
        summary.merge(piece.summary)
    }

    private static func lint(_ piece: Piece, session: LintSession, reporter: any Reporter) {
        var output: [UInt8] = []
        var writer = ReportWriter(reporter: reporter)
        var summary = LintSummary()
        for (offset, input) in piece.inputs.enumerated() {
            let result: LintResult
            switch input.content {
            case .text(let text): result = session.lint(text)
            case .oversized(let byteCount): result = session.linter.lintOversizedInput(byteCount: byteCount)
            case .notUTF8(let byte, let offset): result = session.linter.lintNonUTF8Input(byte: byte, offset: offset)
            }
            let index = piece.firstIndex + offset
            var text: String? = nil
            if case .text(let line) = input.content { text = line }
            writer.append(ReportedResult(index: index, line: input.line, file: input.file, input: text, result: result), to: &output)
            summary.add(result)
        }
        piece.output = output
        piece.summary = summary
    }
}
