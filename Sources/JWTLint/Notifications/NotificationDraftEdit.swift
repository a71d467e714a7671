/// A change to a notification's decoded payload before it is signed, as `--set`, `--add` and `--remove` give it:
/// a path of member names separated by dots (`data.signedTransactionInfo.price`; an array element by its index,
/// `summary.storefrontCountryCodes.0`), and for `--set` and `--add` a value: JSON when it reads as JSON (`1990`,
/// `true`, `"1990"`, `{"a":1}`), else the text as a string.
public struct NotificationDraftEdit: Sendable, Hashable {
    /// What the edit does.
    public enum Operation: Sendable, Hashable {
        /// Replaces a member that is there.
        case set(JSONValue)
        /// Adds a member that is not there (or replaces an array element).
        case add(JSONValue)
        /// Removes a member that is there.
        case remove
    }

    /// The member names (or array indexes) from the payload's top.
    public let path: [String]
    /// What happens there.
    public let operation: Operation

    /// Reads `PATH=VALUE` (for `.set` and `.add`) or `PATH` (for `.remove`).
    /// - Throws: a ``JWTLintError`` of kind ``JWTLintError/Kind/notificationEdit`` when the text has no path, or no `=` where a value is needed.
    public init(parsing text: String, adding: Bool = false, removing: Bool = false) throws(JWTLintError) {
        let pathText: Substring
        if removing {
            pathText = Substring(text)
            operation = .remove
        } else {
            guard let equals = text.firstIndex(of: "=") else {
                throw JWTLintError(.notificationEdit, "'\(text)' is not PATH=VALUE (such as data.status=2)")
            }
            pathText = text[..<equals]
            let value = Self.value(String(text[text.index(after: equals)...]))
            operation = adding ? .add(value) : .set(value)
        }
        let path = pathText.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.isEmpty, !path.contains(where: \.isEmpty) else {
            throw JWTLintError(.notificationEdit, "'\(pathText)' is not a path of member names separated by dots (such as data.signedTransactionInfo.price)")
        }
        self.path = path
    }

    /// An edit of `path` (member names from the top).
    public init(path: [String], operation: Operation) {
        self.path = path
        self.operation = operation
    }

    /// `text` as JSON when it is a JSON value, else as a string.
    static func value(_ text: String) -> JSONValue {
        let wrapped = Array("{\"v\":".utf8) + Array(text.utf8) + Array("}".utf8)
        if !text.isEmpty, let object = DecodedToken.jsonObject(wrapped), let value = object["v"] { return value }
        return .string(text)
    }

    /// `payload` with this edit made.
    /// - Throws: a ``JWTLintError`` of kind ``JWTLintError/Kind/notificationEdit`` when the path leads nowhere: a member that is not there (for `set` and `remove`), one
    ///   that is (for `add`), or a step into something that is not an object or array.
    public func applied(to payload: JSONObject) throws(JWTLintError) -> JSONObject {
        try edit(.object(payload), at: path[...], walked: []).objectValue ?? payload
    }

    private func edit(_ value: JSONValue, at rest: ArraySlice<String>, walked: [String]) throws(JWTLintError) -> JSONValue {
        guard let name = rest.first else { return value }
        let here = (walked + [name]).joined(separator: ".")
        let last = rest.count == 1
        switch value {
        case .object(let object):
            let present = object.contains(name)
            if last {
                switch operation {
                case .set(let new):
                    guard present else { throw missing(here, in: object) }
                    return .object(object.setting(name, new))
                case .add(let new):
                    guard !present else { throw JWTLintError(.notificationEdit, "\(here) is already there; change it with --set") }
                    return .object(JSONObject(members: object.members + [JSONObject.Member(name: name, value: new)]))
                case .remove:
                    guard present else { throw missing(here, in: object) }
                    return .object(JSONObject(members: object.members.filter { $0.name != name }))
                }
            }
            guard let inner = object[name] else { throw missing(here, in: object) }
            return .object(object.setting(name, try edit(inner, at: rest.dropFirst(), walked: walked + [name])))
        case .array(var elements):
            guard let index = Int(name), index >= 0, index < elements.count || (last && index == elements.count && isAdd) else {
                throw JWTLintError(.notificationEdit, "\(here): \((walked).joined(separator: ".")) is an array of \(elements.count); there is no element \(name)")
            }
            if last {
                switch operation {
                case .set(let new), .add(let new):
                    if index == elements.count { elements.append(new) } else { elements[index] = new }
                case .remove:
                    elements.remove(at: index)
                }
                return .array(elements)
            }
            elements[index] = try edit(elements[index], at: rest.dropFirst(), walked: walked + [name])
            return .array(elements)
        case .string where (walked.last ?? "").hasPrefix("signed"):
            throw JWTLintError(.notificationEdit, "\(walked.joined(separator: ".")) is already a signed JWS, whose fields cannot be changed; give it as a decoded object to change them")
        default:
            throw JWTLintError(.notificationEdit, "\(here): \(walked.joined(separator: ".")) is \(value.typeNameWithArticle), which has no members")
        }
    }

    private var isAdd: Bool {
        if case .add = operation { return true }
        return false
    }

    private func missing(_ path: String, in object: JSONObject) -> JWTLintError {
        let names = object.members.map(\.name)
        let hint = isAdd ? "" : " (add a new member with --add)"
        return JWTLintError(.notificationEdit, "\(path) is not in the payload; the members there are \(names.isEmpty ? "none" : names.joined(separator: ", "))\(hint)")
    }
}

extension JSONValue {
    /// The object, when this is an object.
    var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }
}

