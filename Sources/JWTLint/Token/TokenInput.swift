/// Finds the compact token in one input line: a bare token, `Bearer <token>`, or `Authorization: Bearer <token>`.
///
/// Whitespace around the line is trimmed; whitespace left inside the token is an error, since Apple's server
/// sees it as part of the token (a trailing newline in a CI secret is a classic 401).
enum TokenInput {
    /// The token found in a line, or why there is none.
    enum Extraction {
        /// The token's bytes.
        case token([UInt8])
        case problem(Finding)
    }

    /// The longest input line accepted. App Store Server API tokens are 300–600 bytes and App Store-signed
    /// notifications, which carry a transaction and renewal info inside, about 19 KB; 64 KiB leaves room for any
    /// honest input and bounds the work done on a hostile one.
    static let maximumLength = 65_536

    /// The `token.format` finding for an input line of `byteCount` bytes, over ``maximumLength``.
    static func oversized(byteCount: Int) -> Finding {
        TokenRules.format.finding(
            .oversized,
            "The input is \(byteCount) bytes, over the \(maximumLength)-byte limit; tokens are under 1 KB, and App Store-signed notifications under 32 KB.",
            hint: "Pass one token per line; check that the line holds only the token.")
    }

    /// The token's bytes within the line, or the `token.format` finding that explains why there is none.
    static func extractToken(from line: String) -> Extraction {
        if line.utf8.count > maximumLength {
            return .problem(oversized(byteCount: line.utf8.count))
        }
        // Native strings hand out their UTF-8 in place; scanning a buffer is many times cheaper than a UTF8View.
        if let found = line.utf8.withContiguousStorageIfAvailable({ extract(from: $0) }) { return found }
        return Array(line.utf8).withUnsafeBufferPointer { extract(from: $0) }
    }

    private static func extract(from line: UnsafeBufferPointer<UInt8>) -> Extraction {
        var start = 0, end = line.count
        func trim() {
            while start < end, isWhitespace(line[start]) { start += 1 }
            while end > start, isWhitespace(line[end - 1]) { end -= 1 }
        }
        func hasPrefix(_ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard end - start >= count else { return false }
            let bytes = prefix.utf8Start
            for offset in 0..<count where lowercase(line[start + offset]) != bytes[offset] { return false }
            return true
        }
        func hasBearer() -> Bool {
            hasPrefix("bearer") && end - start > 6 && (line[start + 6] == 0x20 || line[start + 6] == 0x09)
        }
        trim()
        if hasPrefix("authorization:") {
            start += "authorization:".utf8.count
            trim()
            guard hasBearer() else {
                return .problem(TokenRules.format.finding(
                    .notBearerScheme, "The Authorization header does not use the Bearer scheme.",
                    hint: "Send the header as 'Authorization: Bearer <token>'."))
            }
        }
        if hasBearer() {
            start += "bearer".utf8.count
            trim()
            if hasBearer() {
                return .problem(TokenRules.format.finding(
                    .bearerTwice, "The value says 'Bearer' twice ('Bearer Bearer <token>').",
                    hint: "Add the 'Bearer ' prefix once: your HTTP client or its configuration probably adds it already."))
            }
        }
        if start == end {
            return .problem(TokenRules.format.finding(.notCompactJWS, "The input holds no token.", hint: "Pass the token itself."))
        }
        if let inside = (start..<end).first(where: { isWhitespace(line[$0]) }) {
            return .problem(TokenRules.format.finding(
                .whitespaceInside, "The token has whitespace inside it, at offset \(inside - start).",
                hint: "Remove the whitespace: a token is one unbroken string (check for a newline in a secret or an environment variable)."))
        }
        return .token(Array(line[start..<end]))
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }
}
