/// Decodes one input line into a ``DecodedToken``: input form, compact serialisation, base64url, JSON.
///
/// Each part is decoded independently, so a bad payload does not hide a bad header, and every problem found is a
/// finding rather than an error.
enum TokenDecoder {
    private static let segmentNames = ["header", "payload", "signature"]

    static func decode(_ line: String) -> DecodedToken {
        let token: Substring
        switch TokenInput.extractToken(from: line) {
        case .token(let found): token = found
        case .problem(let finding): return DecodedToken(header: nil, claims: nil, signature: nil, signingInput: [], findings: [finding])
        }
        let bytes = Array(token.utf8)
        let dots = bytes.indices.filter { bytes[$0] == UInt8(ascii: ".") }
        guard dots.count == 2 else {
            let message: String
            if dots.count == 4 {
                message = "The token has 5 segments: it looks like an encrypted JWT (JWE), not a signed one (JWS)."
            } else {
                message = "The token has \(dots.count + 1) segment\(dots.count == 0 ? "" : "s"); a signed JWT has exactly three, separated by '.'."
            }
            return DecodedToken(
                header: nil, claims: nil, signature: nil, signingInput: [],
                findings: [TokenRules.format.finding(message)])
        }
        let ranges = [0..<dots[0], (dots[0] + 1)..<dots[1], (dots[1] + 1)..<bytes.count]
        var findings: [Finding] = []
        for (index, name) in segmentNames.prefix(2).enumerated() where ranges[index].isEmpty {
            findings.append(TokenRules.format.finding("The \(name) segment is empty."))
        }
        var decoded: [[UInt8]?] = [nil, nil, nil]
        for (index, name) in segmentNames.enumerated() where !ranges[index].isEmpty {
            var output: [UInt8] = []
            if let error = Base64URL.decode(bytes[ranges[index]], into: &output) {
                findings.append(TokenRules.encoding.finding("The \(name) segment \(error.explanation)."))
            } else {
                decoded[index] = output
            }
        }
        let header = decoded[0].flatMap { parseObject($0, segment: "header", findings: &findings) }
        let claims = decoded[1].flatMap { parseObject($0, segment: "payload", findings: &findings) }
        // An empty signature segment decodes to no bytes; the signature check reports it (for ES256 tokens).
        let signature = ranges[2].isEmpty ? [] : decoded[2]
        return DecodedToken(
            header: header, claims: claims, signature: signature, signingInput: Array(bytes[..<dots[1]]), findings: findings)
    }

    private static func parseObject(_ bytes: [UInt8], segment: String, findings: inout [Finding]) -> JSONObject? {
        bytes.withUnsafeBytes { raw -> JSONObject? in
            switch JSONParser.parseObject(raw) {
            case .success(let object):
                return object
            case .failure(.duplicateMember(let name)):
                findings.append(TokenRules.duplicateKey.finding(
                    "The \(segment) has the member \"\(name)\" more than once; parsers disagree on which value wins (jwtlint goes on with the last)."))
                return JSONParser.parseObjectKeepingLastDuplicate(raw)
            case .failure(let error):
                findings.append(TokenRules.json.finding("The \(segment) " + describe(error) + "."))
                return nil
            }
        }
    }

    private static func describe(_ error: JSONParseError) -> String {
        switch error {
        case .duplicateMember(let name): return "has the member \"\(name)\" more than once"
        case .invalidUTF8: return "is not valid UTF-8"
        case .syntax(let reason, _): return "is not valid JSON (\(reason))"
        case .notAnObject(let type): return "is a JSON \(type), not an object"
        case .tooDeep(let limit): return "nests objects or arrays more than \(limit) levels deep"
        case .numberTooLarge: return "has a number too large for any JSON parser to hold"
        }
    }
}
