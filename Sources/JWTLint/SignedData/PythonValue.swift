/// What Python makes of JSON values, where Apple's Python verifier (and the JWT library it uses) decides by it.
enum PythonValue {
    /// What Python's `int()` makes of a JSON value, in seconds: integers, reals (truncated), booleans, and
    /// strings of digits (with a sign, surrounding whitespace and single underscores between digits).
    static func integer(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .real(let number): return number.isFinite ? number.rounded(.towardZero) : nil
        case .bool(let flag): return flag ? 1 : 0
        case .string(let text): return integer(text)
        default: return nil
        }
    }

    private static func integer(_ text: String) -> Double? {
        var digits = Substring(text).drop { $0.isWhitespace }
        while let last = digits.last, last.isWhitespace { digits.removeLast() }
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits.removeFirst()
        }
        guard let first = digits.first, first.isASCII, first.isNumber, let last = digits.last, last.isASCII, last.isNumber,
            digits.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" }), !digits.contains("__")
        else { return nil }
        guard let number = Double(digits.filter { $0 != "_" }) else { return nil }
        return negative ? -number : number
    }

    /// Whether Python counts the value as true: not null, false, 0, "", [] or {}.
    static func isTruthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return false
        case .bool(let flag): return flag
        case .integer(let number): return number != 0
        case .real(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .object(let object): return !object.members.isEmpty
        }
    }
}
