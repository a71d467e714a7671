/// Standard base64 with padding (RFC 4648 §4), read strictly: the encoding Apple's libraries give the Advanced
/// Commerce `request` claim and the legacy promotional offer signature.
///
/// Only the one canonical spelling decodes: `=` padding to a multiple of four, the `+` and `/` alphabet, no
/// whitespace, zero unused bits. Each departure has its own error, so a message can say which mistake was made.
public enum Base64 {
    /// Why a text is not canonical padded base64.
    public enum DecodingError: Error, Sendable, Equatable {
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
        public var explanation: String {
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
    public static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next()
            let third = iterator.next()
            output.append(alphabet[Int(first >> 2)])
            output.append(alphabet[Int((first & 0x03) << 4 | (second ?? 0) >> 4)])
            output.append(second.map { alphabet[Int(($0 & 0x0F) << 2 | (third ?? 0) >> 6)] } ?? UInt8(ascii: "="))
            output.append(third.map { alphabet[Int($0 & 0x3F)] } ?? UInt8(ascii: "="))
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Encodes a string's UTF-8 bytes as padded standard base64.
    public static func encode(_ string: String) -> String {
        encode(Array(string.utf8))
    }

    /// Decodes canonical padded standard base64, or says why the text is not that.
    public static func decode(_ text: String) -> Result<[UInt8], DecodingError> {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return .failure(.empty) }
        for (offset, byte) in bytes.enumerated() where decodeTable[Int(byte)] == 0xFF && byte != UInt8(ascii: "=") {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "_"): return .failure(.urlAlphabet(offset: offset))
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return .failure(.whitespace(offset: offset))
            default: return .failure(.invalidCharacter(byte: byte, offset: offset))
            }
        }
        let padding = bytes.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        if bytes.dropLast(padding).contains(UInt8(ascii: "=")) || padding > 2 { return .failure(.misplacedPadding) }
        guard bytes.count % 4 == 0 else { return .failure(.missingPadding) }
        if padding > 0 && bytes.count == padding { return .failure(.misplacedPadding) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3)
        var index = 0
        while index < bytes.count {
            let group = bytes[index..<(index + 4)]
            let values = group.map { $0 == UInt8(ascii: "=") ? 0 : decodeTable[Int($0)] }
            let padded = group.filter { $0 == UInt8(ascii: "=") }.count
            if padded == 2 && values[1] & 0x0F != 0 { return .failure(.nonCanonical) }
            if padded == 1 && values[2] & 0x03 != 0 { return .failure(.nonCanonical) }
            if padded == 3 { return .failure(.misplacedPadding) }
            output.append(values[0] << 2 | values[1] >> 4)
            if padded < 2 { output.append(values[1] << 4 | values[2] >> 2) }
            if padded < 1 { output.append(values[2] << 6 | values[3]) }
            index += 4
        }
        return .success(output)
    }
}
