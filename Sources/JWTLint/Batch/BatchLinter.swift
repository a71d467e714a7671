internal import Dispatch

/// Lints many inputs on several threads and hands over their results, or their rendered reports, in input order.
///
/// Use it from one thread: ``add(_:)`` inputs as they are read, then ``finish()``. Worker threads, each with its
/// own ``LintSession``, take pieces of a few dozen inputs from one queue and lint (and, for ``Delivery/report(_:write:)``,
/// render) each into the piece's own buffer; the calling thread delivers finished pieces in order. No worker waits
/// for another: a slow piece only delays the delivery of the pieces after it. Memory stays flat: read-ahead is
/// bounded in pieces and in bytes. What is delivered is identical whatever the
/// number of jobs; with one job, or for a few inputs, everything runs on the calling thread and no thread starts.
///
/// From the thousandth input on, the key is prepared for bulk verification. When the input flows,
/// the first inputs are held until then, so all of them use the prepared key; when it pauses (a terminal,
/// `tail -f`), call ``flush()`` to have what was read linted and delivered at once.
///
/// ```swift
/// let batch = BatchLinter(linter: Linter(options: options), jobs: 4, delivery: .results { reported in
///     if reported.result.hasErrors { print(reported.name) }
/// })
/// for line in lines { batch.add(BatchInput(line)) }
/// batch.finish()
/// print(batch.summary.failed)
/// ```
public final class BatchLinter {
    /// What a batch does with each result, always on the thread that calls ``add(_:)``, ``flush()`` and ``finish()``.
    public enum Delivery {
        /// Each result with its position, in input order.
        case results((ReportedResult) -> Void)
        /// Each result rendered by the reporter on the worker threads; the texts, joined with the reporter's
        /// separator and opened by its ``Reporter/opening()`` before the first, are passed to `write` in input
        /// order (which may take the bytes). The closing is the caller's to write, with ``summary``.
        case report(any Reporter, write: (inout [UInt8]) -> Void)
    }

    /// How many inputs one worker lints at a time.
    static let pieceSize = 32
    static let maximumPending = 64
    static let maximumPendingBytes = 2 * 1024 * 1024
    /// From this many inputs on, the key's fixed-base table (about 20 ms to build) pays off.
    static let bulkThreshold = 1000

    /// Inputs linted together by one worker, and what came of them.
    ///
    /// `@unchecked Sendable`: the calling thread fills it before putting it on the queue and reads it only after
    /// `done` is signalled; in between only the one worker that took it writes it. The queue's lock and the
    /// semaphore order those accesses.
    private final class Piece: @unchecked Sendable {
        /// Cleared by the worker once linted.
        var inputs: [BatchInput]
        let firstIndex: Int
        let linter: Linter
        /// Which linter this is: sessions are rebuilt when it changes (the key was prepared for bulk).
        let generation: Int
        let size: Int
        /// Written by the worker that took the piece, read after `done` is signalled.
        var output: [UInt8] = []
        /// Written by the worker for ``Delivery/results(_:)``.
        var results: [ReportedResult] = []
        var summary = LintSummary()
        let done = DispatchSemaphore(value: 0)

        init(inputs: [BatchInput], firstIndex: Int, linter: Linter, generation: Int, size: Int) {
            self.inputs = inputs
            self.firstIndex = firstIndex
            self.linter = linter
            self.generation = generation
            self.size = size
        }
    }

    /// The pieces waiting for a worker; `nil` tells a worker to stop.
    ///
    /// `@unchecked Sendable`: `items` and `head` are read and changed only inside `lock.withLock`; the lock and
    /// the semaphore are themselves thread-safe.
    private final class PieceQueue: @unchecked Sendable {
        private var items: [Piece?] = []
        private var head = 0
        private let lock = Lock()
        /// Signalled once per piece put, so that `take` waits (outside the lock) until there is one.
        private let available = DispatchSemaphore(value: 0)

        func put(_ piece: Piece?) {
            lock.withLock { items.append(piece) }
            available.signal()
        }

        func take() -> Piece? {
            available.wait()
            return lock.withLock {
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
    /// `nil` when results are delivered unrendered.
    private let reporter: (any Reporter)?
    private let deliver: Delivery
    private let jobs: Int
    private var queue: PieceQueue?
    private var workersStarted = 0
    /// Left by each worker when it has stopped and released its session; made with the workers (a one-token run
    /// never starts libdispatch).
    private var workersDone: DispatchGroup?
    private var inline = Worker()
    private var current: [BatchInput] = []
    private var currentSize = 0
    private var pending: [Piece] = []
    private var pendingHead = 0
    private var pendingBytes = 0
    private var nextIndex = 0
    private var total = 0
    private var holding = true
    private var opened = false
    private var writer: ReportWriter?
    /// The counts of what was delivered so far: after ``finish()``, of every input.
    public private(set) var summary = LintSummary()

    /// A batch that lints with `linter` on up to `jobs` threads (at most four per processor), and hands over what
    /// comes of each input as `delivery` says.
    public init(linter: Linter, jobs: Int = ProcessorCount.online, delivery: Delivery) {
        self.linter = linter
        self.deliver = delivery
        if case .report(let reporter, _) = delivery {
            self.reporter = reporter
            self.writer = ReportWriter(reporter: reporter)
        } else {
            self.reporter = nil
            self.writer = nil
        }
        // More workers than this only contend for the same cores.
        self.jobs = max(1, min(jobs, 4 * ProcessorCount.online))
    }

    deinit {
        stopWorkers()
    }

    /// Adds one input; results of earlier inputs may be delivered meanwhile.
    public func add(_ input: BatchInput) {
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

    /// Lints and delivers everything added so far: for input that pauses.
    public func flush() {
        holding = false
        while !current.isEmpty { dispatchPiece() }
        while pendingHead < pending.count { writeOldest() }
    }

    /// Lints whatever is left, delivers every remaining result and stops the workers. Delivers nothing at all
    /// (not even the reporter's opening) when there was no input, so that the caller can say so instead.
    public func finish() {
        flush()
        stopWorkers()
        summary.judgeBatch(options: linter.options)
    }

    /// Stops the workers once they have finished what they hold, and waits for them: a process must not exit
    /// (and run OpenSSL's clean-up) while a worker still frees OpenSSL objects. Safe to call more than once;
    /// ``finish()`` and deinitialisation call it. Call it yourself when a run ends early (a failed read), with
    /// pieces still out.
    package func stopWorkers() {
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
        switch deliver {
        case .results(let handle):
            for reported in piece.results { handle(reported) }
            piece.results = []
        case .report(let reporter, let output):
            var joined: [UInt8] = []
            if !opened {
                joined.append(contentsOf: reporter.opening().utf8)
                opened = true
            }
            writer?.append(joined: &piece.output, to: &joined)
            piece.output = []
            if !joined.isEmpty { output(&joined) }
        }
        summary.merge(piece.summary)
    }

    private static func lint(_ piece: Piece, session: LintSession, reporter: (any Reporter)?) {
        var output: [UInt8] = []
        var results: [ReportedResult] = []
        var writer = reporter.map(ReportWriter.init(reporter:))
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
            var reported = ReportedResult(index: index, line: input.line, file: input.file, input: text, result: result)
            reported.member = input.member
            if writer != nil {
                writer!.append(reported, to: &output)
            } else {
                results.append(reported)
            }
            summary.add(result)
        }
        piece.inputs = []
        piece.output = output
        piece.results = results
        piece.summary = summary
    }
}

extension Linter {
    /// Lints every input line on up to `jobs` threads (by default, one per processor) and returns the results in
    /// input order: the same results as ``lint(_:)`` gives for each line alone.
    ///
    /// ```swift
    /// let results = Linter(options: options).lint(lines: tokens)
    /// #expect(results.allSatisfy { $0.findings.isEmpty })
    /// ```
    public func lint(lines: some Sequence<String>, jobs: Int = ProcessorCount.online) -> [LintResult] {
        var results: [LintResult] = []
        let batch = BatchLinter(linter: self, jobs: jobs, delivery: .results { results.append($0.result) })
        for line in lines { batch.add(BatchInput(line)) }
        batch.finish()
        return results
    }
}
