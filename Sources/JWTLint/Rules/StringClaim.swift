extension RuleDescription {
    /// The value of `name` in `object` when it is a string. Otherwise `nil`, after adding the `missing` finding
    /// when it is absent, or a `.wrongType` one ("<subject> is an integer, not <expected>.") when it is not a string:
    /// the "missing / not a string" start of every check of a string member.
    func string(
        _ name: String, in object: JSONObject, subject: String, expected: String = "a string", ifMissing missing: @autoclosure () -> Finding,
        into findings: inout [Finding]
    ) -> String? {
        guard let value = object[name] else {
            findings.append(missing())
            return nil
        }
        guard let text = value.stringValue else {
            findings.append(finding(.wrongType, "\(subject) is \(value.typeNameWithArticle), not \(expected)."))
            return nil
        }
        return text
    }
}

/// A claim that must be a non-empty string, read: the one check "missing / not a string / empty / padded with
/// whitespace" that every identifier claim starts with.
enum StringClaim {
    /// Absent.
    case missing
    /// Present but unusable: the cause and message say why.
    case invalid(FindingCause, String)
    /// A non-empty string without whitespace around it.
    case value(String)

    static func read(_ name: String, in claims: JSONObject) -> StringClaim {
        guard let value = claims[name] else { return .missing }
        guard let text = value.stringValue else {
            return .invalid(.wrongType, "\(name) is \(value.typeNameWithArticle), not a string.")
        }
        if text.isEmpty { return .invalid(.empty, "\(name) is empty.") }
        if Whitespace.isAround(text) {
            return .invalid(.whitespace, "\(name) \(JSONText.quoted(text)) has whitespace around it.")
        }
        return .value(text)
    }
}
