/// The one check of a UUID's text that the rules and the stand-in share.
package enum UUIDText {
    /// Whether `text` is 8-4-4-4-12 hexadecimal digits, either case (no check of version bits: Apple's own example
    /// issuer ID has none).
    package static func isUUID(_ text: String) -> Bool {
        var count = 0
        for byte in text.utf8 {
            if count == 8 || count == 13 || count == 18 || count == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
                guard isHex else { return false }
            }
            count += 1
            if count > 36 { return false }
        }
        return count == 36
    }
}
