/// Whitespace in claim and header values, by Unicode's definition, with a fast path for ASCII (every honest
/// value): the property lookup of each scalar costs more than the rest of a rule.
enum Whitespace {
    /// Whether `text` holds any whitespace.
    static func isInside(_ text: String) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if isASCIIWhitespace(byte) { return true }
        }
        return !ascii && text.unicodeScalars.contains { $0.properties.isWhitespace }
    }

    /// Whether `text` starts or ends with whitespace (`false` for an empty text).
    static func isAround(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        if first < 0x80 && last < 0x80 { return isASCIIWhitespace(first) || isASCIIWhitespace(last) }
        return text.unicodeScalars.first!.properties.isWhitespace || text.unicodeScalars.last!.properties.isWhitespace
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
