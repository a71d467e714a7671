import JWTLint

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to standard output, direct writes to standard error. The CLI writes from one thread only.
enum Output {
    nonisolated(unsafe) private static var pending: [UInt8] = {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(flushThreshold)
        return buffer
    }()
    private static let flushThreshold = 64 * 1024

    /// Writes to standard output (buffered).
    static func standardOutput(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= flushThreshold { flush() }
    }

    /// Appends bytes to standard output (buffered).
    static func standardOutput(bytes: inout [UInt8]) {
        pending.append(contentsOf: bytes)
        bytes.removeAll(keepingCapacity: true)
        if pending.count >= flushThreshold { flush() }
    }

    /// Writes to standard error, after flushing standard output so the two interleave in order.
    static func standardError(_ text: String) {
        flush()
        writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes out what standard output has buffered.
    static func flush() {
        guard !pending.isEmpty else { return }
        writeAll(pending, to: STDOUT_FILENO)
        // Keep the buffer's usual size; give back what one large report made it grow to.
        pending.removeAll(keepingCapacity: pending.capacity <= 4 * flushThreshold)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                // The reader has gone (a closed pipe) or the disk is full: nothing more can be shown. A closed pipe
                // ends the process as SIGPIPE does by default (quietly, status 128 + 13 in a shell), also when the
                // parent left SIGPIPE ignored. `_exit`, not `exit`, otherwise: worker threads may still be linting,
                // and exit's handlers (OpenSSL's clean-up) would free the locks and algorithms they use (they
                // crashed in EVP_Digest when SIGPIPE was ignored).
                if errno == EPIPE {
                    signal(SIGPIPE, SIG_DFL)
                    raise(SIGPIPE)
                }
                _exit(ExitStatus.unusableInput)
            }
            offset += written
        }
    }

    /// Whether standard output is a terminal that should get colour: not with `NO_COLOR` set (no-color.org).
    static var wantsColour: Bool {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    /// Writes `contents` to the file at `path` (mode 0644, replacing it), or says in one line why it cannot.
    static func writeFile(_ path: String, contents: [UInt8], what: String) throws {
        do {
            try FileWriter.write(contents, to: path, mode: 0o644)
        } catch {
            throw UsageError(message: "cannot write \(what): \(error)")
        }
    }

    /// The current time in Unix seconds, for when `--now` is not given.
    static func currentTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// Ends the process with `status`.
func terminate(_ status: Int32) -> Never {
    exit(status)
}
