import Dispatch
import JWTLint

/// Lints a stream of inputs on `jobs` threads and writes the reports in input order.
///
/// The calling thread reads inputs and cuts them into pieces of ``pieceSize``; worker threads, each with its own
/// ``LintSession``, take pieces from one queue and render each into the piece's own buffer; the calling thread
/// writes finished pieces in order. No worker waits for another: a slow piece only delays the writing of the
/// pieces after it. Memory stays flat: read-ahead is bounded by ``maximumPending`` pieces and ``maximumPendingBytes``.
/// Output is byte-identical whatever the number of jobs.
///
/// From the ``bulkThreshold``-th input on, the key is prepared for bulk verification. When the input flows,
/// the first inputs are held until then, so all of them use the prepared key; when it pauses (a terminal,
/// `tail -f`), what was read is linted and shown at once, and the switch happens later.
final class BatchLinter {
    /// One input: a token line (or only its size, when too long to be a token) and where it came from.
    struct Input: Sendable {
        enum Content: Sendable {
            case text(String)
            case oversized(byteCount: Int)
            case notUTF8(byte: UInt8, offset: Int)
        }
        let content: Content
        let line: Int?
        var file: String? = nil

        var size: Int {
            if case .text(let text) = content { return text.utf8.count }
            return 16
        }
    }

    static let pieceSize = 32
    static let maximumPending = 64
    static let maximumPendingBytes = 2 * 1024 * 1024
    /// From this many inputs on, the key's fixed-base table (about 20 ms to build) pays off.
    static let bulkThreshold = 1000

    /// Inputs linted together by one worker, and what came of them.
    private final class Piece: @unchecked Sendable {
        /// Cleared by the worker once linted.
        var inputs: [Input]
        let firstIndex: Int
        let linter: Linter
        /// Which linter this is: sessions are rebuilt when it changes (the key was prepared for bulk).
        let generation: Int
        let size: Int
        /// Written by the worker that took the piece, read after `done` is signalled.
        var output: [UInt8] = []
        var summary = LintSummary()
        let done = DispatchSemaphore(value: 0)

        init(inputs: [Input], firstIndex: Int, linter: Linter, generation: Int, size: Int) {
            self.inputs = inputs
            self.firstIndex = firstIndex
            self.linter = linter
            self.generation = generation
            self.size = size
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

    /// A worker's session, rebuilt when the linter changes.
    private struct Worker {
        var session: LintSession?
        var generation = -1

        mutating func session(for piece: Piece) -> LintSession {
            if let session, generation == piece.generation { return session }
            let made = LintSession(linter: piece.linter)
            session = made
            generation = piece.generation
            return made
        }
    }

    private var linter: Linter
    private var generation = 0
    private let reporter: any Reporter
    private let jobs: Int
    private var queue: PieceQueue?
    private var workersStarted = 0
    /// Left by each worker when it has stopped and released its session; made with the workers (a one-token run
    /// never starts libdispatch).
    private var workersDone: DispatchGroup?
    private var inline = Worker()
    private var current: [Input] = []
    private var currentSize = 0
    private var pending: [Piece] = []
    private var pendingHead = 0
    private var pendingBytes = 0
    private var nextIndex = 0
    private var total = 0
    private var holding = true
    private var opened = false
    private var writer: ReportWriter
    private(set) var summary = LintSummary()

    init(linter: Linter, reporter: any Reporter, jobs: Int, processors: Int) {
        self.linter = linter
        self.reporter = reporter
        self.writer = ReportWriter(reporter: reporter)
        // More workers than this only contend for the same cores.
        self.jobs = max(1, min(jobs, 4 * max(1, processors)))
    }

    /// Adds one input.
    func add(_ input: Input) {
        current.append(input)
        currentSize += input.size
        total += 1
        if total == Self.bulkThreshold { prepareBulk() }
        if holding {
            // Hold the first inputs, up to the bulk threshold (or 1 MiB), so they all use the prepared key.
            guard total >= Self.bulkThreshold || currentSize >= 1024 * 1024 else { return }
            holding = false
        }
        while current.count >= Self.pieceSize { dispatchPiece() }
    }

    /// Lints and writes out everything read so far: for input that pauses.
    func flushNow() {
        holding = false
        while !current.isEmpty { dispatchPiece() }
        while pendingHead < pending.count { writeOldest() }
        Output.flush()
    }

    /// Lints whatever is left, writes every remaining report and stops the workers. Writes nothing at all when
    /// there was no input, so that the caller can say so instead.
    func finish() {
        flushNow()
        stopWorkers()
    }

    /// Stops the workers once they have finished what they hold, and waits for them: the process must not exit
    /// (and run OpenSSL's clean-up) while a worker still frees OpenSSL objects. Safe to call more than once.
    func stopWorkers() {
        for _ in 0..<workersStarted { queue?.put(nil) }
        workersStarted = 0
        workersDone?.wait()
    }

    private func prepareBulk() {
        guard let key = linter.options.key, !key.isPreparedForBulkVerification else { return }
        var options = linter.options
        options.key = key.preparedForBulkVerification()
        linter = Linter(options: options)
        generation += 1
    }

    private func startWorkers() {
        let queue = PieceQueue()
        self.queue = queue
        let reporter = self.reporter
        let workersDone = DispatchGroup()
        self.workersDone = workersDone
        for _ in 0..<jobs {
            DispatchQueue.global().async(group: workersDone) {
                var worker = Worker()
                while let piece = queue.take() {
                    BatchLinter.lint(piece, session: worker.session(for: piece), reporter: reporter)
                    piece.done.signal()
                }
            }
        }
        workersStarted = jobs
    }

    /// Cuts the next piece off `current` and lints it, on the workers or (for short inputs, or one job) here.
    private func dispatchPiece() {
        let count = min(current.count, Self.pieceSize)
        let inputs = Array(current.prefix(count))
        current.removeFirst(count)
        let size = inputs.reduce(0) { $0 + $1.size }
        currentSize -= size
        let piece = Piece(inputs: inputs, firstIndex: nextIndex, linter: linter, generation: generation, size: size)
        nextIndex += count
        if queue == nil, jobs > 1, total > Self.pieceSize {
            startWorkers()
        }
        if let queue {
            queue.put(piece)
            pending.append(piece)
            pendingBytes += size
            while pending.count - pendingHead >= Self.maximumPending || pendingBytes > Self.maximumPendingBytes {
                writeOldest()
            }
        } else {
            BatchLinter.lint(piece, session: inline.session(for: piece), reporter: reporter)
            write(piece)
        }
    }

    private func writeOldest() {
        let piece = pending[pendingHead]
        piece.done.wait()
        pendingHead += 1
        pendingBytes -= piece.size
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
        piece.output = []
        Output.standardOutput(bytes: &joined)
        summary.merge(piece.summary)
    }

    private static func lint(_ piece: Piece, session: LintSession, reporter: any Reporter) {
        var output: [UInt8] = []
        var writer = ReportWriter(reporter: reporter)
        var summary = LintSummary()
        for (offset, input) in piece.inputs.enumerated() {
            let result: LintResult
            var text: String? = nil
            switch input.content {
            case .text(let line):
                text = line
                result = session.lint(line)
            case .oversized(let byteCount): result = session.linter.lintOversizedInput(byteCount: byteCount)
            case .notUTF8(let byte, let offset): result = session.linter.lintNonUTF8Input(byte: byte, offset: offset)
            }
            let index = piece.firstIndex + offset
            writer.append(ReportedResult(index: index, line: input.line, file: input.file, input: text, result: result), to: &output)
            summary.add(result)
        }
        piece.inputs = []
        piece.output = output
        piece.summary = summary
    }
}
