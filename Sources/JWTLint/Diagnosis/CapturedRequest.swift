/// What a user has after a 401, read into its parts: the Authorization value, and the method and URL when the
/// input was a `curl` command or a raw HTTP request.
package struct CapturedRequest: Sendable, Equatable {
    /// The kinds of input `jwtlint diagnose` reads.
    package enum Form: String, Sendable {
        /// A bare token.
        case token = "a token"
        /// `Bearer <token>`.
        case bearerValue = "a Bearer value"
        /// An `Authorization:` header line.
        case headerLine = "an Authorization header"
        /// A `curl` command line.
        case curl = "a curl command"
        /// A raw HTTP request: request line, headers, maybe a body.
        case httpRequest = "a raw HTTP request"
    }

    /// What the input was.
    package let form: Form
    /// The line to lint: `Authorization: <value>` as sent, or the bare token or Bearer value.
    package let tokenLine: String?
    /// How many Authorization headers the request sends.
    package let authorizationHeaders: Int
    /// The HTTP method, when known.
    package let method: String?
    /// The host the request goes to, when known (lower case).
    package let host: String?
    /// The path, when known.
    package let path: String?

    /// Reads `text`: a bare token, `Bearer <token>`, an `Authorization:` header line, a `curl` command line, or a
    /// raw HTTP request.
    package static func parse(_ text: String) -> CapturedRequest {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("curl ") || trimmed.hasPrefix("curl\t") || trimmed.hasPrefix("curl\\") {
            return curl(trimmed)
        }
        let lines = trimmed.trimmedLines()
        if let first = lines.first, isRequestLine(first) {
            return httpRequest(lines)
        }
        let line = lines.first { !$0.isEmpty } ?? ""
        let lower = line.lowercased()
        let form: Form = lower.hasPrefix("authorization:") ? .headerLine : lower.hasPrefix("bearer") ? .bearerValue : .token
        return CapturedRequest(
            form: form, tokenLine: line, authorizationHeaders: form == .headerLine ? 1 : 0, method: nil, host: nil, path: nil)
    }

    private static func curl(_ text: String) -> CapturedRequest {
        let words = ShellWords.split(text)
        var headers: [String] = []
        var method: String?
        var url: String?
        var index = 1
        while index < words.count {
            let word = words[index]
            index += 1
            func value() -> String? {
                guard index < words.count else { return nil }
                index += 1
                return words[index - 1]
            }
            switch word {
            case "-H", "--header": if let header = value() { headers.append(header) }
            case "-X", "--request": method = value()
            case "--url": url = value()
            case "--oauth2-bearer": if let token = value() { headers.append("Authorization: Bearer \(token)") }
            case _ where word.hasPrefix("--header="): headers.append(String(word.dropFirst("--header=".count)))
            case _ where word.hasPrefix("-H") && word.count > 2: headers.append(String(word.dropFirst(2)))
            case _ where word.hasPrefix("-X") && word.count > 2: method = String(word.dropFirst(2))
            case _ where word.hasPrefix("http://") || word.hasPrefix("https://"): url = word
            default: break
            }
        }
        let authorization = headers.filter { $0.lowercased().hasPrefix("authorization:") }
        let (host, path) = url.map(split(url:)) ?? (nil, nil)
        return CapturedRequest(
            form: .curl, tokenLine: authorization.first, authorizationHeaders: authorization.count, method: method ?? "GET",
            host: host, path: path)
    }

    private static func isRequestLine(_ line: String) -> Bool {
        let parts = line.split(separator: " ")
        return parts.count == 3 && parts[0].allSatisfy { $0.isASCII && $0.isUppercase } && parts[2].hasPrefix("HTTP/")
    }

    private static func httpRequest(_ lines: [String]) -> CapturedRequest {
        let requestLine = lines[0].split(separator: " ")
        var host: String?
        var authorization: [String] = []
        for line in lines.dropFirst() {
            if line.isEmpty { break }
            let lower = line.lowercased()
            if lower.hasPrefix("host:") { host = String(line.dropFirst(5)).trimmingWhitespace().lowercased() }
            if lower.hasPrefix("authorization:") { authorization.append(line) }
        }
        var path = String(requestLine[1])
        if path.hasPrefix("http://") || path.hasPrefix("https://") {
            let (urlHost, urlPath) = split(url: path)
            host = host ?? urlHost
            path = urlPath ?? "/"
        }
        return CapturedRequest(
            form: .httpRequest, tokenLine: authorization.first, authorizationHeaders: authorization.count,
            method: String(requestLine[0]), host: host, path: path)
    }

    private static func split(url: String) -> (String?, String?) {
        var rest = Substring(url)
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        let hostPart = rest.prefix { $0 != "/" && $0 != "?" }
        var host = String(hostPart).lowercased()
        if let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
        let path = rest.dropFirst(hostPart.count)
        return (host.isEmpty ? nil : host, path.isEmpty ? "/" : String(path))
    }
}

extension String {
    /// The lines of the text, each without whitespace at either end. Lines may end in LF, CRLF or CR: saved requests
    /// and `curl -i` output end lines in CRLF, which Swift reads as one `Character`, so splitting on "\n" alone would
    /// leave such a text one line.
    func trimmedLines() -> [String] {
        split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.map { String($0).trimmingWhitespace() }
    }

    /// The string without ASCII whitespace at either end.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}
