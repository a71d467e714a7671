import JWTLint

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads standard input line by line in bounded memory: a line longer than the token limit is reported by its
/// length, never held whole.
struct InputLines {
    enum Line {
        /// A line (without its newline), with its 1-based number.
        case text(String, number: Int)
        /// A line over the limit, with its length in bytes and its number.
        case oversized(byteCount: Int, number: Int)
        /// A line that is not UTF-8: the first byte that is not ASCII, its offset, and the line's number.
        case notUTF8(byte: UInt8, offset: Int, number: Int)
    }

    private let descriptor: Int32
    private let limit: Int
    /// Left uninitialised: only the pages that input fills are ever touched (a one-token run reads a few bytes).
    private var buffer = [UInt8](unsafeUninitializedCapacity: 64 * 1024) { _, count in count = 64 * 1024 }
    private var start = 0
    private var end = 0
    private var atEnd = false
    private var lineNumber = 0

    init(descriptor: Int32 = STDIN_FILENO, limit: Int = Linter.maximumInputLength) {
        self.descriptor = descriptor
        self.limit = limit
    }

    /// The next line, `nil` at the end of input. `whenIdle` runs before a read that would wait for more input,
    /// so that what has been read so far can be reported while the writer pauses (a terminal, `tail -f`).
    /// - Throws: ``UsageError`` when reading fails.
    mutating func next(whenIdle: () -> Void = {}) throws -> Line? {
        var pending: [UInt8] = []
        var oversizedCount = 0
        while true {
            if let newline = newlineIndex() {
                let chunk = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                return finish(&pending, chunk, &oversizedCount)
            }
            // No newline in the buffer: keep what is there (up to the limit) and read more.
            append(buffer[start..<end], to: &pending, &oversizedCount)
            start = 0
            end = 0
            if atEnd {
                if pending.isEmpty && oversizedCount == 0 { return nil }
                lineNumber += 1
                return finish(&pending, [][...], &oversizedCount)
            }
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&ready, 1, 0) == 0 { whenIdle() }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw UsageError(message: "cannot read standard input (\(String(cString: strerror(errno))))")
            }
            if count == 0 { atEnd = true } else { end = count }
        }
    }

    /// The index of the first newline in `buffer[start..<end]`. memchr, not `firstIndex(of:)`: unspecialised, as in
    /// debug builds, that allocates for every byte it looks at.
    private func newlineIndex() -> Int? {
        guard end > start else { return nil }
        return buffer.withUnsafeBytes { raw in
            memchr(raw.baseAddress! + start, 0x0A, end - start).map { raw.baseAddress!.distance(to: UnsafeRawPointer($0)) }
        }
    }

    /// The offset of the first byte that does not start or continue a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let first = bytes[index]
            let length: Int
            switch first {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            // A lead byte without its continuation bytes: the sequence is ill-formed from its lead byte on.
            for position in (index + 1)..<(index + length) where bytes[position] & 0xC0 != 0x80 {
                return index
            }
            // The first continuation byte's range is narrower after E0, ED, F0 and F4 (no overlong or surrogate forms).
            let second = length > 1 ? bytes[index + 1] : 0x80
            if (first == 0xE0 && second < 0xA0) || (first == 0xED && second > 0x9F) || (first == 0xF0 && second < 0x90)
                || (first == 0xF4 && second > 0x8F)
            {
                return index
            }
            index += length
        }
        return max(0, bytes.count - 1)
    }

    private func append(_ bytes: ArraySlice<UInt8>, to pending: inout [UInt8], _ oversizedCount: inout Int) {
        if oversizedCount > 0 {
            oversizedCount += bytes.count
        } else if pending.count + bytes.count > limit {
            oversizedCount = pending.count + bytes.count
            pending.removeAll()
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    private func finish(_ pending: inout [UInt8], _ chunk: ArraySlice<UInt8>, _ oversizedCount: inout Int) -> Line {
        append(chunk, to: &pending, &oversizedCount)
        if oversizedCount > 0 { return .oversized(byteCount: oversizedCount, number: lineNumber) }
        let text = String(decoding: pending, as: UTF8.self)
        if pending.contains(where: { $0 >= 0x80 }), !text.utf8.elementsEqual(pending) {
            // Decoding replaced bytes that are not UTF-8; report the input as it was, not the replacement.
            let offset = InputLines.firstInvalidUTF8(pending)
            return .notUTF8(byte: pending[offset], offset: offset, number: lineNumber)
        }
        return .text(text, number: lineNumber)
    }
}
