/// Reads an HTTP/1.x answer from bytes as they come: the status line and headers (at most 64 KiB), then the body
/// framed by `Content-Length`, by chunks, or by the end of the stream. Only `limit` bytes of body are kept; past
/// that the answer is taken as it is, cut, and reading stops, so that a huge answer costs no more than a small one.
struct HTTPAnswerReader {
    private var buffer: [UInt8] = []
    private var head: (status: Int, reason: String, headers: [(name: String, value: String)])?
    private var framing: Framing = .untilClose
    private var body: [UInt8] = []
    private var bodyTruncated = false
    private let limit: Int

    private enum Framing {
        case length(Int)
        case chunked
        case untilClose
        case none
    }

    static let headLimit = 64 * 1024

    init(bodyLimit: Int) {
        limit = bodyLimit
    }

    /// Takes bytes read; returns the answer when it is whole (or cut at the limit).
    mutating func take(_ bytes: [UInt8]) throws(HTTPFailure) -> HTTPAnswer? {
        buffer.append(contentsOf: bytes)
        if head == nil {
            guard let end = Self.endOfHead(buffer) else {
                guard buffer.count <= Self.headLimit else { throw HTTPFailure(kind: .invalidAnswer, detail: "the answer's headers are over 64 KiB") }
                return nil
            }
            try readHead(Array(buffer[..<end]))
            buffer.removeFirst(end + 4)
            // An interim 1xx answer comes before the real one.
            if let status = head?.status, (100...199).contains(status) {
                head = nil
                return try take([])
            }
        }
        return try readBody()
    }

    /// Called at the end of the stream: the answer if it is whole, else why not.
    mutating func finish() throws(HTTPFailure) -> HTTPAnswer {
        guard head != nil else {
            throw HTTPFailure(
                kind: buffer.isEmpty ? .closedWithoutAnswer : .closedMidAnswer,
                detail: buffer.isEmpty ? "the endpoint closed the connection without answering" : "the endpoint closed the connection in the middle of its headers")
        }
        if case .untilClose = framing {
            keep(buffer)
            buffer = []
            return answer()
        }
        if let answer = try readBody() { return answer }
        throw HTTPFailure(kind: .closedMidAnswer, detail: "the endpoint closed the connection before the end of its answer's body")
    }

    private static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    private mutating func readHead(_ bytes: [UInt8]) throws(HTTPFailure) {
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
        }
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/1.") else {
            throw HTTPFailure(kind: .invalidAnswer, detail: "the answer does not start with an HTTP/1.x status line")
        }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[1].utf8.count == 3, let status = Int(parts[1]), (100...599).contains(status) else {
            throw HTTPFailure(kind: .invalidAnswer, detail: "the answer's status line has no status code")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw HTTPFailure(kind: .invalidAnswer, detail: "the answer has a header line without a name")
            }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingSpaces))
        }
        head = (status, parts.count > 2 ? String(parts[2]) : "", headers)
        let lookup = { (name: String) in headers.last { $0.name.lowercased() == name }?.value }
        if status == 204 || status == 304 {
            framing = .none
        } else if let encoding = lookup("transfer-encoding"), encoding.lowercased().contains("chunked") {
            framing = .chunked
        } else if let length = lookup("content-length") {
            guard let count = Int(length), count >= 0 else { throw HTTPFailure(kind: .invalidAnswer, detail: "the answer's Content-Length is not a number") }
            framing = .length(count)
        } else {
            framing = .untilClose
        }
    }

    private mutating func readBody() throws(HTTPFailure) -> HTTPAnswer? {
        switch framing {
        case .none:
            return answer()
        case .length(let count):
            let needed = count - body.count
            let taken = min(needed, buffer.count)
            keep(Array(buffer.prefix(taken)))
            buffer.removeFirst(taken)
            return body.count >= count || bodyTruncated ? answer() : nil
        case .untilClose:
            keep(buffer)
            buffer = []
            return bodyTruncated ? answer() : nil
        case .chunked:
            while true {
                guard let lineEnd = Self.lineEnd(buffer) else {
                    guard buffer.count <= 1024 else { throw HTTPFailure(kind: .invalidAnswer, detail: "the answer has a chunk size line over 1 KiB") }
                    return nil
                }
                let sizeText = String(decoding: buffer[..<lineEnd], as: UTF8.self).split(separator: ";").first.map { $0.trimmingSpaces } ?? ""
                guard let size = Int(sizeText, radix: 16), size >= 0 else {
                    throw HTTPFailure(kind: .invalidAnswer, detail: "the answer has a chunk whose size is not hexadecimal")
                }
                if size == 0 { return answer() }  // trailers, if any, are not read: the body is whole
                guard buffer.count >= lineEnd + 2 + size + 2 else {
                    if body.count + buffer.count > limit + 1024 {
                        keep(Array(buffer[(lineEnd + 2)...].prefix(size)))
                        return answer()
                    }
                    return nil
                }
                keep(Array(buffer[(lineEnd + 2)..<(lineEnd + 2 + size)]))
                buffer.removeFirst(lineEnd + 2 + size + 2)
                if bodyTruncated { return answer() }
            }
        }
    }

    private static func lineEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for index in 0..<(bytes.count - 1) where bytes[index] == 13 && bytes[index + 1] == 10 { return index }
        return nil
    }

    private mutating func keep(_ bytes: [UInt8]) {
        let room = limit - body.count
        if bytes.count > room {
            body.append(contentsOf: bytes.prefix(max(room, 0)))
            bodyTruncated = true
        } else {
            body.append(contentsOf: bytes)
        }
    }

    private func answer() -> HTTPAnswer {
        HTTPAnswer(status: head?.status ?? 0, reason: head?.reason ?? "", headers: head?.headers ?? [], body: body, bodyTruncated: bodyTruncated)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) ?? first
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[first...last])
        return text
    }
}
