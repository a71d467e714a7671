#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Decodes one input line into a ``DecodedToken``: input form, compact serialisation, base64url, JSON.
///
/// Each part is decoded independently, so a bad payload does not hide a bad header, and every problem found is a
/// finding rather than an error.
enum TokenDecoder {
    /// How strictly segments are read.
    enum Reading {
        /// As RFC 7515 writes them: canonical unpadded base64url, each member name once. Anything else is an error.
        case strict
        /// As Apple's Python `SignedDataVerifier` reads them, through PyJWT 2.15 and Python's `json`: a segment
        /// padded with `=` to a multiple of four is read, and a duplicate member keeps its last value. Each is still
        /// reported, as a warning.
        case asApplesVerifier
    }

    /// With `memory`, a header segment the same as the last one's is not decoded again.
    static func decode(_ line: String, memory: SessionMemory? = nil, reading: Reading = .strict) -> DecodedToken {
        let memory = reading == .strict ? memory : nil
        if SignedDataDocument.looksLikeDocument(line) {
            let finding = TokenRules.format.finding(
                .notCompactJWS,
                "The input is JSON, not a token; a JSON document from Apple is read for its signed members (signedPayload, signedTransactionInfo, signedRenewalInfo, signedTransactions), and this one has none, or is not whole JSON.",
                hint: "Give the token itself, or the whole JSON document Apple sent.")
            return DecodedToken(header: nil, claims: nil, signature: nil, signingInput: [], findings: [finding])
        }
        let bytes: [UInt8]
        switch TokenInput.extractToken(from: line) {
        case .token(let found): bytes = found
        case .problem(let finding): return DecodedToken(header: nil, claims: nil, signature: nil, signingInput: [], findings: [finding])
        }
        var dots: [Int] = []
        for index in 0..<bytes.count where bytes[index] == UInt8(ascii: ".") {
            dots.append(index)
        }
        guard dots.count == 2 else {
            let finding: Finding
            if dots.count == 4 {
                finding = TokenRules.format.finding(
                    .encryptedToken, "The token has 5 segments: it looks like an encrypted JWT (JWE), not a signed one (JWS).")
            } else {
                finding = TokenRules.format.finding(
                    .notCompactJWS,
                    "The token has \(dots.count + 1) segment\(dots.count == 0 ? "" : "s"); a signed JWT has exactly three, separated by '.'.")
            }
            return DecodedToken(header: nil, claims: nil, signature: nil, signingInput: [], findings: [finding])
        }
        // Plain variables rather than arrays of ranges and optionals: each generic type a one-token run meets
        // costs a run-time instantiation.
        var findings: [Finding] = []
        let header: JSONObject?
        var headerParseFindings: [Finding] = []
        if let memory, memory.hasHeader, Self.same(memory.headerSegment, bytes[0..<dots[0]]) {
            header = memory.header
            findings = memory.headerSegmentFindings
            headerParseFindings = memory.headerParseFindings
        } else {
            let headerBytes = segment(bytes, 0, dots[0], name: "header", reading: reading, findings: &findings)
            header = headerBytes.flatMap { parseObject($0, segment: "header", reading: reading, findings: &headerParseFindings) }
            if let memory {
                memory.headerSegment = bytes[0..<dots[0]]
                memory.header = header
                memory.headerSegmentFindings = findings
                memory.headerParseFindings = headerParseFindings
                memory.hasHeader = true
            }
        }
        let payloadBytes = segment(bytes, dots[0] + 1, dots[1], name: "payload", reading: reading, findings: &findings)
        // An empty signature segment decodes to no bytes; the signature check reports it (for ES256 tokens).
        let signature = dots[1] + 1 == bytes.count ? [] : segment(bytes, dots[1] + 1, bytes.count, name: "signature", reading: reading, findings: &findings)
        findings += headerParseFindings
        let claims = payloadBytes.flatMap { parseObject($0, segment: "payload", reading: reading, findings: &findings) }
        return DecodedToken(
            header: header, claims: claims, signature: signature, signingInput: Array(bytes[..<dots[1]]), findings: findings)
    }

    /// Whether two byte runs are equal, compared as memory (a header of three certificates is 3 KB).
    private static func same(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { right in memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 } }
    }

    /// The decoded bytes of `bytes[start..<end]`, or `nil` with a finding when the segment is empty (header and
    /// payload) or not canonical base64url, which Apple's verifier's reading relaxes to padded canonical base64url.
    private static func segment(_ bytes: [UInt8], _ start: Int, _ end: Int, name: String, reading: Reading, findings: inout [Finding]) -> [UInt8]? {
        guard start < end else {
            findings.append(TokenRules.format.finding(.notCompactJWS, "The \(name) segment is empty."))
            return nil
        }
        var output: [UInt8] = []
        if let error = Base64URL.decode(bytes[start..<end], into: &output) {
            if reading == .asApplesVerifier, error == .padding, let padded = paddedSegment(bytes, start, end, into: &output) {
                findings.append(TokenRules.encoding.finding(
                    .notBase64URL,
                    "The \(name) segment \(error.explanation), yet Apple's verifier reads it: PyJWT accepts \(padded == 1 ? "one '='" : "two '='") padding to a multiple of four.",
                    severity: .warning, hint: "The App Store never pads its segments: look for what re-encoded this data."))
                return output
            }
            findings.append(TokenRules.encoding.finding(.notBase64URL, "The \(name) segment \(error.explanation)."))
            return nil
        }
        return output
    }

    /// As PyJWT 2.15 reads a padded segment: one or two `=` that make its length a multiple of four, after
    /// canonical base64url. The number of `=`, with the bytes in `output`; `nil` when PyJWT refuses it too.
    private static func paddedSegment(_ bytes: [UInt8], _ start: Int, _ end: Int, into output: inout [UInt8]) -> Int? {
        var stripped = end
        while stripped > start, bytes[stripped - 1] == UInt8(ascii: "=") { stripped -= 1 }
        let padding = end - stripped
        guard (1...2).contains(padding), (end - start) % 4 == 0, Base64URL.decode(bytes[start..<stripped], into: &output) == nil else {
            return nil
        }
        return padding
    }

    private static func parseObject(_ bytes: [UInt8], segment: String, reading: Reading, findings: inout [Finding]) -> JSONObject? {
        bytes.withUnsafeBytes { raw -> JSONObject? in
            switch JSONParser.parseObject(raw) {
            case .success(let object):
                return object
            case .failure(.duplicateMember(let name)):
                // jansson stops at the repeated name; the text may still not be JSON after it.
                let object = JSONParser.parseObjectKeepingLastDuplicate(raw)
                if reading == .asApplesVerifier {
                    findings.append(TokenRules.duplicateKey.finding(
                        .duplicateMember,
                        "The \(segment) has the member \"\(name)\" more than once; Apple's verifier keeps the last, as Python's json does, and so does jwtlint.",
                        severity: .warning, hint: "The App Store never repeats a member: look for what rewrote this data."))
                } else {
                    findings.append(TokenRules.duplicateKey.finding(
                        .duplicateMember,
                        "The \(segment) has the member \"\(name)\" more than once; parsers disagree on which value wins (jwtlint goes on with the last)."))
                }
                if object == nil {
                    findings.append(TokenRules.json.finding(
                        .notJSON, "The \(segment) is not a JSON object: besides the repeated member \"\(name)\", its text does not parse."))
                }
                return object
            case .failure(let error):
                findings.append(TokenRules.json.finding(.notJSON, "The \(segment) \(error.explanation)."))
                return nil
            }
        }
    }
}
