package import JWTLint

/// One HTTP request as the stand-in reads it: no SwiftNIO types, so that every answer can be tested
/// without a socket.
package struct StandInRequest: Sendable {
    /// `GET`, `POST`, `PUT`, ...
    package var method: String
    /// The path, without the query: `/inApps/v1/transactions/2000000000000001`.
    package var path: String
    /// The query's parameters, in order; a name may repeat.
    package var query: [(name: String, value: String)]
    /// The `Authorization` header's value, if any.
    package var authorization: String?
    /// The body's bytes.
    package var body: [UInt8]

    /// A request.
    package init(method: String, path: String, query: [(name: String, value: String)] = [], authorization: String? = nil, body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.authorization = authorization
        self.body = body
    }

    /// A request whose target (`/path?name=value&...`, as the request line has it) is split into its path and
    /// query: the path as sent, each parameter's value percent-decoded (as sent when it is not valid
    /// percent-encoding), `+` left as it is.
    package init(method: String, target: String, authorization: String?, body: [UInt8] = []) {
        let withoutFragment = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [(name: String, value: String)] = []
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let nameAndValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value = nameAndValue.count == 2 ? nameAndValue[1] : ""
                query.append((String(nameAndValue[0]), Self.percentDecoded(value) ?? String(value)))
            }
        }
        self.init(method: method, path: parts[0].isEmpty ? "/" : String(parts[0]), query: query, authorization: authorization, body: body)
    }

    /// `text` with every `%XX` replaced by its byte, or `nil` when an escape is incomplete, not hexadecimal, or the
    /// bytes are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        // Decoding replaces bytes that are not UTF-8; then the text's bytes differ from them.
        let decoded = String(decoding: bytes, as: UTF8.self)
        return decoded.utf8.elementsEqual(bytes) ? decoded : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The values of a query parameter.
    func values(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }
}

/// The stand-in's answer: a status, headers and a body.
package struct StandInResponse: Sendable {
    /// The HTTP status code.
    package var status: Int
    /// Headers beyond those every response has.
    package var headers: [(name: String, value: String)]
    /// The body's bytes.
    package var body: [UInt8]

    /// An answer.
    package init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer.
    static func json(_ status: Int, _ value: JSONValue) -> StandInResponse {
        var writer = JSONWriter()
        writer.value(value)
        return StandInResponse(status: status, headers: [("Content-Type", "application/json")], body: writer.bytes)
    }

    /// An answer with no body.
    static func empty(_ status: Int) -> StandInResponse { StandInResponse(status: status) }

    /// A plain-text answer.
    static func text(_ status: Int, _ text: String, type: String = "text/plain; charset=utf-8") -> StandInResponse {
        StandInResponse(status: status, headers: [("Content-Type", type)], body: Array(text.utf8))
    }

    /// The value of a header, if set.
    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
