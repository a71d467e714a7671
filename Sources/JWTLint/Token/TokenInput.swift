/// Finds the compact token in one input line: a bare token, `Bearer <token>`, or `Authorization: Bearer <token>`.
///
/// Whitespace around the line is trimmed; whitespace left inside the token is an error, since Apple's server
/// sees it as part of the token (a trailing newline in a CI secret is a classic 401).
enum TokenInput {
    /// The token found in a line, or why there is none.
    enum Extraction {
        case token(Substring)
        case problem(Finding)
    }

    /// The longest input line accepted. App Store Server API tokens are 300–600 bytes; 16 KiB leaves room for any
    /// honest token and bounds the work done on a hostile one.
    static let maximumLength = 16_384

    /// The token's bytes within the line, or the `token.format` finding that explains why there is none.
    static func extractToken(from line: String) -> Extraction {
        if line.utf8.count > maximumLength {
            return .problem(TokenRules.format.finding(
                .oversized, "The input is \(line.utf8.count) bytes, over the \(maximumLength)-byte limit; App Store Server API tokens are under 1 KB.",
                hint: "Pass one token per line; check that the line holds only the token."))
        }
        var rest = trimmed(Substring(line))
        if hasPrefix(rest, caseInsensitive: "authorization:") {
            rest = trimmed(rest.dropFirst("authorization:".count))
            guard hasPrefix(rest, caseInsensitive: "bearer ") || hasPrefix(rest, caseInsensitive: "bearer\t") else {
                return .problem(TokenRules.format.finding(
                    .notBearerScheme, "The Authorization header does not use the Bearer scheme.",
                    hint: "Send the header as 'Authorization: Bearer <token>'."))
            }
        }
        if hasPrefix(rest, caseInsensitive: "bearer ") || hasPrefix(rest, caseInsensitive: "bearer\t") {
            rest = trimmed(rest.dropFirst("bearer".count))
            if hasPrefix(rest, caseInsensitive: "bearer ") || hasPrefix(rest, caseInsensitive: "bearer\t") {
                return .problem(TokenRules.format.finding(
                    .bearerTwice, "The value says 'Bearer' twice ('Bearer Bearer <token>').",
                    hint: "Add the 'Bearer ' prefix once: your HTTP client or its configuration probably adds it already."))
            }
        }
        if rest.isEmpty {
            return .problem(TokenRules.format.finding(.notCompactJWS, "The input holds no token.", hint: "Pass the token itself."))
        }
        if let offset = rest.utf8.firstIndex(where: isWhitespace).map({ rest.utf8.distance(from: rest.utf8.startIndex, to: $0) }) {
            return .problem(TokenRules.format.finding(
                .whitespaceInside, "The token has whitespace inside it, at offset \(offset).",
                hint: "Remove the whitespace: a token is one unbroken string (check for a newline in a secret or an environment variable)."))
        }
        return .token(rest)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isWhitespace($0) }), let last = utf8.lastIndex(where: { !isWhitespace($0) }) else {
            return text[text.endIndex...]
        }
        return Substring(utf8[first...last])
    }

    private static func hasPrefix(_ text: Substring, caseInsensitive prefix: String) -> Bool {
        // A plain loop: zip over two UTF8Views costs a generic instantiation (most of a millisecond) on first use.
        var textIndex = text.utf8.startIndex
        for expected in prefix.utf8 {
            guard textIndex < text.utf8.endIndex, lowercase(text.utf8[textIndex]) == expected else { return false }
            textIndex = text.utf8.index(after: textIndex)
        }
        return true
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }
}
