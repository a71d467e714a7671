/// Strict unpadded base64url (RFC 4648 §5, as RFC 7515 §2 requires for JWS).
///
/// Only one spelling of any byte string is accepted: no `=` padding, no `+` or `/`, no whitespace, and the unused
/// low bits of the last character must be zero. Lenient decoders accept variants of a token that all verify, which
/// lets copies of one token slip past lists keyed on the token text.
package enum Base64URL {
    /// Why a segment is not canonical base64url.
    package enum DecodingError: Error, Sendable, Equatable {
        /// `=` padding, which JWS forbids.
        case padding
        /// A `+` or `/` from the standard base64 alphabet, at this offset.
        case standardAlphabet(character: Character, offset: Int)
        /// A byte outside the base64url alphabet, at this offset.
        case invalidCharacter(byte: UInt8, offset: Int)
        /// A length that leaves one character over (length ≡ 1 mod 4), which no byte string encodes to.
        case impossibleLength
        /// The last character has unused bits set: another character decodes to the same bytes.
        case nonCanonical

        /// A plain description, for messages.
        package var explanation: String {
            switch self {
            case .padding:
                return "has '=' padding, which JWS forbids (RFC 7515 §2)"
            case .standardAlphabet(let character, let offset):
                return "has '\(character)' at offset \(offset), a character of standard base64, not base64url (use '-' and '_')"
            case .invalidCharacter(let byte, let offset):
                if byte >= 0x21 && byte < 0x7F {
                    return "has '\(Character(Unicode.Scalar(byte)))' at offset \(offset), which is not in the base64url alphabet"
                }
                return "has byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset), which is not in the base64url alphabet"
            case .impossibleLength:
                return "has a length that no byte string encodes to (one character too many or too few)"
            case .nonCanonical:
                return "is not canonical: its last character has unused bits set, so another spelling decodes to the same bytes"
            }
        }
    }

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Maps an ASCII byte to its 6-bit value, or 0xFF.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// Encodes bytes as unpadded base64url.
    package static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        encode(bytes, alphabet: alphabet, padded: false)
    }

    /// Encodes bytes in a 64-character `alphabet`, with `=` padding or without: base64url and standard base64 alike.
    static func encode<Bytes: Collection>(_ bytes: Bytes, alphabet: [UInt8], padded: Bool) -> String where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next()
            let third = iterator.next()
            output.append(alphabet[Int(first >> 2)])
            output.append(alphabet[Int((first & 0x03) << 4 | (second ?? 0) >> 4)])
            if let second {
                output.append(alphabet[Int((second & 0x0F) << 2 | (third ?? 0) >> 6)])
            } else if padded {
                output.append(UInt8(ascii: "="))
            }
            if let third {
                output.append(alphabet[Int(third & 0x3F)])
            } else if padded {
                output.append(UInt8(ascii: "="))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Encodes a string's UTF-8 bytes as unpadded base64url.
    package static func encode(_ string: String) -> String {
        encode(Array(string.utf8))
    }

    /// Decodes strict unpadded base64url into `output` (which is cleared first).
    package static func decode<Bytes: RandomAccessCollection>(
        _ text: Bytes, into output: inout [UInt8]
    ) -> DecodingError? where Bytes.Element == UInt8, Bytes.Index == Int {
        if let error = text.withContiguousStorageIfAvailable({ decode($0, into: &output) }) { return error }
        return Array(text).withUnsafeBufferPointer { decode($0, into: &output) }
    }

    /// The decoder proper, over contiguous bytes: one table lookup per character, output written in place.
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> DecodingError? {
        output.removeAll(keepingCapacity: true)
        let count = text.count
        if count % 4 == 1 {
            if let error = firstBadCharacter(text) { return error }
            return .impossibleLength
        }
        let fullGroups = count / 4
        let tail = count % 4
        let outputCount = fullGroups * 3 + (tail == 0 ? 0 : tail - 1)
        var failed = false
        var nonCanonical = false
        decodeTable.withUnsafeBufferPointer { table in
            let decoded = [UInt8](unsafeUninitializedCapacity: outputCount) { buffer, written in
                var index = 0, out = 0
                for _ in 0..<fullGroups {
                    let a = table[Int(text[index])], b = table[Int(text[index + 1])]
                    let c = table[Int(text[index + 2])], d = table[Int(text[index + 3])]
                    if (a | b | c | d) & 0xC0 != 0 {
                        failed = true
                        break
                    }
                    buffer[out] = a << 2 | b >> 4
                    buffer[out + 1] = b << 4 | c >> 2
                    buffer[out + 2] = c << 6 | d
                    index += 4
                    out += 3
                }
                if !failed && tail == 2 {
                    let a = table[Int(text[index])], b = table[Int(text[index + 1])]
                    if (a | b) & 0xC0 != 0 {
                        failed = true
                    } else {
                        nonCanonical = b & 0x0F != 0
                        buffer[out] = a << 2 | b >> 4
                        out += 1
                    }
                } else if !failed && tail == 3 {
                    let a = table[Int(text[index])], b = table[Int(text[index + 1])], c = table[Int(text[index + 2])]
                    if (a | b | c) & 0xC0 != 0 {
                        failed = true
                    } else {
                        nonCanonical = c & 0x03 != 0
                        buffer[out] = a << 2 | b >> 4
                        buffer[out + 1] = b << 4 | c >> 2
                        out += 2
                    }
                }
                written = failed ? 0 : out
            }
            if !failed && !nonCanonical { output = decoded }
        }
        if failed { return firstBadCharacter(text) }
        if nonCanonical { return .nonCanonical }
        return nil
    }

    /// Decodes strict unpadded base64url, returning the bytes or why it failed.
    package static func decode(_ text: String) -> Result<[UInt8], DecodingError> {
        var output: [UInt8] = []
        let bytes = Array(text.utf8)
        if let error = decode(bytes, into: &output) { return .failure(error) }
        return .success(output)
    }

    private static func firstBadCharacter(_ text: UnsafeBufferPointer<UInt8>) -> DecodingError? {
        for (offset, byte) in text.enumerated() where decodeTable[Int(byte)] == 0xFF {
            switch byte {
            case UInt8(ascii: "="): return .padding
            case UInt8(ascii: "+"): return .standardAlphabet(character: "+", offset: offset)
            case UInt8(ascii: "/"): return .standardAlphabet(character: "/", offset: offset)
            default: return .invalidCharacter(byte: byte, offset: offset)
            }
        }
        return nil
    }
}
