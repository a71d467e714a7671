/// A JSON value copied out of the parser: plain Swift data with no C pointers inside.
///
/// Numbers keep the distinction the text made: `12` is ``integer(_:)``, `12.0` and `1.2e1` are ``real(_:)``.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number written without a fraction or exponent, within the 64-bit range.
    case integer(Int64)
    /// A number written with a fraction or an exponent.
    case real(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, with its members in the order the text gave them.
    case object(JSONObject)

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number as a `Double`, when this is a number.
    public var numberValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        default: return nil
        }
    }

    /// A short name of the value's JSON type, for messages: "string", "number", "object", ...
    package var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer, .real: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The type's name as a message says it after "is": "null", "a boolean", "a number", "a string", "an array",
    /// "an object".
    package var typeNameWithArticle: String {
        switch self {
        case .null: return "null"
        case .array, .object: return "an \(typeName)"
        default: return "a \(typeName)"
        }
    }
}

/// A JSON object whose members keep their order.
public struct JSONObject: Sendable, Hashable {
    /// One member of an object.
    public struct Member: Sendable, Hashable {
        /// The member's name.
        public let name: String
        /// The member's value.
        public let value: JSONValue

        /// A member called `name` with `value`.
        public init(name: String, value: JSONValue) {
            self.name = name
            self.value = value
        }
    }

    /// The members in text order. Names are unique: the decoder reports duplicates and keeps the last value.
    public let members: [Member]

    /// Makes an object from members in order.
    public init(members: [Member]) {
        self.members = members
    }

    /// The value of the member called `name`, if there is one.
    public subscript(name: String) -> JSONValue? {
        for member in members where member.name == name {
            return member.value
        }
        return nil
    }

    /// Whether a member called `name` is present (with any value, `null` included).
    public func contains(_ name: String) -> Bool {
        members.contains { $0.name == name }
    }
}

extension JSONObject {
    /// This object with `name` set to `value`: replaced where it is, else appended.
    package func setting(_ name: String, _ value: JSONValue) -> JSONObject {
        var members = self.members
        if let index = members.firstIndex(where: { $0.name == name }) {
            members[index] = Member(name: name, value: value)
        } else {
            members.append(Member(name: name, value: value))
        }
        return JSONObject(members: members)
    }

    /// A whole-number member, or 0.
    package func integer(_ name: String) -> Int64 {
        switch self[name] {
        case .integer(let value)?: return value
        case .real(let value)? where value.isFinite && abs(value) < 9e18: return Int64(value)
        default: return 0
        }
    }
}
