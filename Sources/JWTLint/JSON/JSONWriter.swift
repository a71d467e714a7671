/// Writes JSON text: compact, members in the order given, strings escaped per RFC 8259.
///
/// Reports use it so that key order is stable (the order the code or the token gave) and output is byte-identical
/// from run to run.
public struct JSONWriter: Sendable {
    /// The text written so far.
    public private(set) var text: String = ""

    /// An empty writer.
    public init() {}

    /// Appends a raw fragment, such as `{`, `,` or `:`. The caller keeps the text well-formed.
    public mutating func raw(_ fragment: String) {
        text += fragment
    }

    /// Appends `value` as a JSON string literal.
    public mutating func string(_ value: String) {
        JSONWriter.appendString(value, to: &text)
    }

    /// Appends `value` as JSON.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .integer(let number): text += String(number)
        case .real(let number): text += JSONWriter.realLiteral(number)
        case .string(let literal): self.string(literal)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                self.value(element)
            }
            text += "]"
        case .object(let object):
            self.object(object)
        }
    }

    /// Appends `object` as JSON.
    public mutating func object(_ object: JSONObject) {
        text += "{"
        for (index, member) in object.members.enumerated() {
            if index > 0 { text += "," }
            string(member.name)
            text += ":"
            value(member.value)
        }
        text += "}"
    }

    /// A JSON number literal for a finite double (`1767225570.5`, `1e+20`); `null` for values JSON cannot hold.
    static func realLiteral(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        let literal = "\(number)"
        return literal
    }

    /// Appends the JSON string literal of `value` to `text`.
    static func appendString(_ value: String, to text: inout String) {
        text += "\""
        var pending = Substring.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": flush(&pending, &text); text += "\\\""
            case "\\": flush(&pending, &text); text += "\\\\"
            case "\n": flush(&pending, &text); text += "\\n"
            case "\r": flush(&pending, &text); text += "\\r"
            case "\t": flush(&pending, &text); text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                flush(&pending, &text)
                text += "\\u" + hex4(scalar.value)
            default:
                pending.append(scalar)
            }
        }
        flush(&pending, &text)
        text += "\""
    }

    private static func flush(_ pending: inout Substring.UnicodeScalarView, _ text: inout String) {
        guard !pending.isEmpty else { return }
        text += String(pending)
        pending.removeAll(keepingCapacity: true)
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension JSONWriter {
    /// `value` as indented JSON (two spaces a level), for people.
    public static func pretty(_ value: JSONValue, indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), closePad = String(repeating: "  ", count: indent)
        switch value {
        case .object(let object) where !object.members.isEmpty:
            let lines = object.members.map { member -> String in
                var key = ""
                appendString(member.name, to: &key)
                return pad + key + ": " + pretty(member.value, indent: indent + 1)
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
