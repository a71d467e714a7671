/// Standard base64 with padding (RFC 4648 §4), read strictly: the encoding Apple's libraries give the Advanced
/// Commerce `request` claim and the legacy promotional offer signature.
///
/// Only the one canonical spelling decodes: `=` padding to a multiple of four, the `+` and `/` alphabet, no
/// whitespace, zero unused bits. Each departure has its own error, so a message can say which mistake was made.
package enum Base64 {
    /// Why a text is not canonical padded base64.
    package enum DecodingError: Error, Sendable, Equatable {
        /// A `-` or `_` of base64url (the alphabet of JWS segments), at this offset.
        case urlAlphabet(offset: Int)
        /// The length is not a multiple of four: the `=` padding is missing or cut.
        case missingPadding
        /// `=` somewhere other than the end, or more of it than the length needs.
        case misplacedPadding
        /// Whitespace (a line break, a space), at this offset.
        case whitespace(offset: Int)
        /// A byte outside the base64 alphabet, at this offset.
        case invalidCharacter(byte: UInt8, offset: Int)
        /// The last character before the padding has unused bits set.
        case nonCanonical
        /// Nothing at all.
        case empty

        /// A plain description, for messages: "has ... ".
        package var explanation: String {
            switch self {
            case .urlAlphabet(let offset):
                return "has '-' or '_' at offset \(offset): base64url, not the standard base64 ('+', '/', '=' padding) Apple's libraries write"
            case .missingPadding:
                return "is not padded with '=' to a multiple of 4 characters, as standard base64 is"
            case .misplacedPadding:
                return "has '=' padding in the wrong place"
            case .whitespace(let offset):
                return "has whitespace at offset \(offset)"
            case .invalidCharacter(let byte, let offset):
                if byte >= 0x21 && byte < 0x7F {
                    return "has '\(Character(Unicode.Scalar(byte)))' at offset \(offset), which is not in the base64 alphabet"
                }
                return "has byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset), which is not in the base64 alphabet"
            case .nonCanonical:
                return "is not canonical: the last character before the padding has unused bits set"
            case .empty:
                return "is empty"
            }
        }
    }

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// Encodes bytes as padded standard base64.
    package static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Base64URL.encode(bytes, alphabet: alphabet, padded: true)
    }

    /// Encodes a string's UTF-8 bytes as padded standard base64.
    package static func encode(_ string: String) -> String {
        encode(Array(string.utf8))
    }

    /// Decodes base64 in either alphabet, padded or not, as lenient decoders do; `nil` when it is no base64 at all.
    /// For reading on after a strict decode has said what is wrong.
    package static func decodeLeniently(_ text: String) -> [UInt8]? {
        var normalized = String(text.unicodeScalars.compactMap { scalar -> Character? in
            switch scalar {
            case "-": return "+"
            case "_": return "/"
            case "=": return nil
            default: return Character(scalar)
            }
        })
        guard normalized.utf8.count % 4 != 1 else { return nil }
        while normalized.utf8.count % 4 != 0 { normalized += "=" }
        return try? decode(normalized).get()
    }

    /// Decodes canonical padded standard base64, or says why the text is not that.
    package static func decode(_ text: String) -> Result<[UInt8], DecodingError> {
        if let result = text.utf8.withContiguousStorageIfAvailable({ decode($0) }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { decode($0) }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], DecodingError> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        let equals = UInt8(ascii: "=")
        return decodeTable.withUnsafeBufferPointer { table -> Result<[UInt8], DecodingError> in
            for offset in 0..<bytes.count where table[Int(bytes[offset])] == 0xFF && bytes[offset] != equals {
                switch bytes[offset] {
                case UInt8(ascii: "-"), UInt8(ascii: "_"): return .failure(.urlAlphabet(offset: offset))
                case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return .failure(.whitespace(offset: offset))
                default: return .failure(.invalidCharacter(byte: bytes[offset], offset: offset))
                }
            }
            var padding = 0
            while padding < bytes.count, bytes[bytes.count - 1 - padding] == equals { padding += 1 }
            let body = bytes.count - padding
            if padding > 2 || (0..<body).contains(where: { bytes[$0] == equals }) { return .failure(.misplacedPadding) }
            guard bytes.count % 4 == 0 else { return .failure(.missingPadding) }
            if padding == 2 && table[Int(bytes[body - 1])] & 0x0F != 0 { return .failure(.nonCanonical) }
            if padding == 1 && table[Int(bytes[body - 1])] & 0x03 != 0 { return .failure(.nonCanonical) }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count / 4 * 3)
            var index = 0
            while index < bytes.count {
                let a = table[Int(bytes[index])], b = table[Int(bytes[index + 1])]
                let c = bytes[index + 2] == equals ? 0 : table[Int(bytes[index + 2])]
                let d = bytes[index + 3] == equals ? 0 : table[Int(bytes[index + 3])]
                output.append(a << 2 | b >> 4)
                if index + 4 < bytes.count || padding < 2 { output.append(b << 4 | c >> 2) }
                if index + 4 < bytes.count || padding < 1 { output.append(c << 6 | d) }
                index += 4
            }
            return .success(output)
        }
    }
}
