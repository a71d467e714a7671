/// Apple's answer, as the user saved it: a status line, headers and a body. For the App Store Server API a 401 has
/// a plain-text body, `Unauthenticated` and a Request ID; some APIs answer JSON with `errorCode`.
package struct AppleResponse: Sendable, Equatable {
    /// The HTTP status code, when a status line (or a bare code) was found.
    package let status: Int?
    /// The Request ID to quote to Apple, when the body or a header carries one.
    package let requestID: String?
    /// Apple's numeric error code from a JSON body (`errorCode`), if any.
    package let errorCode: Int?
    /// Whether the body says `Unauthenticated`.
    package let saysUnauthenticated: Bool
    /// The service's error word from a JSON body: APNs' `reason` (`ExpiredProviderToken`), an OAuth `error`
    /// (`invalid_client`), if any.
    package var errorWord: String? = nil

    /// Reads a saved response: `HTTP/1.1 401 Unauthorized` (or `HTTP/2 401`), headers, a blank line, the body.
    package static func parse(_ text: String) -> AppleResponse {
        let lines = text.trimmedLines()
        var status: Int?
        var requestID: String?
        for line in lines {
            let lower = line.lowercased()
            if status == nil, lower.hasPrefix("http/") {
                status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            }
            for marker in ["request id:", "x-request-id:", "x-apple-request-uuid:"] where requestID == nil && lower.hasPrefix(marker) {
                let value = line.dropFirst(marker.count).trimmingCharacters(in: " \t.")
                if !value.isEmpty { requestID = value }
            }
        }
        if status == nil, let first = lines.first(where: { !$0.isEmpty }), let code = Int(first), (100...599).contains(code) {
            status = code
        }
        var errorCode: Int?
        if let range = text.firstRange(of: "\"errorCode\"") {
            let digits = text[range.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber }
            errorCode = Int(digits)
        }
        var response = AppleResponse(
            status: status, requestID: requestID, errorCode: errorCode,
            saysUnauthenticated: text.lowercased().contains("unauthenticated"))
        // The body is the first line that starts a JSON object.
        if let start = text.firstIndex(of: "{"), let body = DecodedToken.jsonObject(Array(text[start...].utf8)) {
            response.errorWord = body["reason"]?.stringValue ?? body["error"]?.stringValue
        }
        return response
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        return String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}

extension String {
    fileprivate func firstRange(of needle: String) -> Range<String.Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
