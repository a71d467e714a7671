/// Writes JSON as UTF-8 bytes: compact, members in the order given, strings escaped per RFC 8259.
///
/// Reports use it so that key order is stable (the order the code or the token gave) and output is byte-identical
/// from run to run. It appends to a byte buffer with no intermediate strings, since it runs once per token.
package struct JSONWriter: Sendable {
    /// The UTF-8 bytes written so far.
    package var bytes: [UInt8]

    /// An empty writer.
    package init() {
        bytes = []
    }

    /// A writer that appends to `bytes`.
    package init(appendingTo bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The text written so far.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends a raw fragment, such as `{`, `,` or `"key":`. The caller keeps the text well-formed.
    package mutating func raw(_ fragment: StaticString) {
        fragment.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a decimal integer.
    package mutating func integer(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// Appends `value` as a JSON string literal.
    package mutating func string(_ value: String) {
        JSONWriter.appendString(value, to: &bytes)
    }

    /// Appends `value` as JSON.
    package mutating func value(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let flag): flag ? raw("true") : raw("false")
        case .integer(let number): bytes.append(contentsOf: String(number).utf8)
        case .real(let number): bytes.append(contentsOf: JSONWriter.realLiteral(number).utf8)
        case .string(let literal): string(literal)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                self.value(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            self.object(object)
        }
    }

    /// Appends `object` as JSON.
    package mutating func object(_ object: JSONObject) {
        bytes.append(UInt8(ascii: "{"))
        for (index, member) in object.members.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(member.name)
            bytes.append(UInt8(ascii: ":"))
            value(member.value)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// A JSON number literal for a finite double (`1767225570.5`, `1e+20`); `null` for values JSON cannot hold.
    static func realLiteral(_ number: Double) -> String {
        number.isFinite ? "\(number)" : "null"
    }

    /// Appends the JSON string literal of `value` to `output`: runs of plain bytes are copied at once; quotes,
    /// backslashes, control characters (C0, DEL, C1), U+2028/U+2029 and bidirectional controls are escaped.
    /// Whether all eight bytes of `word` are copied as they are: 0x20–0x7E, neither `"` nor `\\`.
    @inline(__always)
    static func isPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A byte of 0x80 or more, or (all being below 0x80) one below 0x20.
        guard word & highs == 0, (word &- ones &* 0x20) & ~word & highs == 0 else { return false }
        // A byte equal to `"`, `\\` or DEL: the XOR makes it zero.
        @inline(__always) func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return !hasZeroByte(word ^ (ones &* 0x22)) && !hasZeroByte(word ^ (ones &* 0x5C)) && !hasZeroByte(word ^ (ones &* 0x7F))
    }

    static func appendString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                // Eight plain bytes (printable ASCII but for the quote and the backslash) at a time: base64
                // certificates and tokens are long runs of them.
                while index + 8 <= count, JSONWriter.isPlain(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                }
                guard index < count else { break }
                let byte = utf8[index]
                var escape: StaticString? = nil
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20, 0x7F: escape = nil
                case 0xC2 where index + 1 < count && utf8[index + 1] >= 0x80 && utf8[index + 1] <= 0x9F:
                    // C1 control characters (U+0080–U+009F): a terminal would act on them.
                    width = 2
                case 0xE2 where index + 2 < count && JSONWriter.isEscapedFormatCharacter(utf8[index + 1], utf8[index + 2]):
                    width = 3
                default:
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                if let escape {
                    escape.withUTF8Buffer { output.append(contentsOf: $0) }
                } else {
                    let scalar: UInt32
                    switch width {
                    case 2: scalar = UInt32(utf8[index + 1])
                    case 3: scalar = 0x2000 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                    default: scalar = UInt32(byte)
                    }
                    output.append(contentsOf: "\\u".utf8)
                    for shift in stride(from: 12, through: 0, by: -4) {
                        output.append(hexDigits[Int((scalar >> UInt32(shift)) & 0xF)])
                    }
                }
                index += width
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The second and third UTF-8 bytes of U+2028 and U+2029 (line and paragraph separators, which break
    /// JavaScript), and of the bidirectional overrides and isolates U+202A–U+202E and U+2066–U+2069 (which make a
    /// terminal show text in another order than it is).
    private static func isEscapedFormatCharacter(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && third >= 0xA8 && third <= 0xAE) || (second == 0x81 && third >= 0xA6 && third <= 0xA9)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

extension JSONWriter {
    /// `value` as indented JSON (two spaces a level), for people.
    package static func pretty(_ value: JSONValue, indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), closePad = String(repeating: "  ", count: indent)
        switch value {
        case .object(let object) where !object.members.isEmpty:
            let lines = object.members.map { member -> String in
                var key: [UInt8] = []
                appendString(member.name, to: &key)
                return pad + String(decoding: key, as: UTF8.self) + ": " + pretty(member.value, indent: indent + 1)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + closePad + "}"
        case .array(let elements) where !elements.isEmpty:
            return "[\n" + elements.map { pad + pretty($0, indent: indent + 1) }.joined(separator: ",\n") + "\n" + closePad + "]"
        default:
            var writer = JSONWriter()
            writer.value(value)
            return writer.text
        }
    }
}
