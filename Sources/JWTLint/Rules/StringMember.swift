extension LintRule {
    /// The value of `name` in `object` when it is a string. Otherwise `nil`, after adding the `missing` finding
    /// when it is absent (none for an optional member), or a `.wrongType` one ("<subject> is an integer, not
    /// <expected>.") when it is not a string: the "missing / not a string" start of every check of a string member.
    /// The rule's description is read only to report: a member as it should be costs no copy of it.
    static func string(
        _ name: String, in object: JSONObject, subject: String, expected: String = "a string", ifMissing missing: @autoclosure () -> Finding?,
        into findings: inout [Finding]
    ) -> String? {
        guard let value = object[name] else {
            if let missing = missing() { findings.append(missing) }
            return nil
        }
        guard let text = value.stringValue else {
            findings.append(description.finding(.wrongType, "\(subject) is \(value.typeNameWithArticle), not \(expected)."))
            return nil
        }
        return text
    }

    /// The value of the identifier claim `name`: a string, not empty, without whitespace around it. Otherwise `nil`,
    /// after adding the finding that says why (`missing` when it is absent, if it is required).
    static func identifier(_ name: String, in claims: JSONObject, ifMissing missing: @autoclosure () -> Finding?, into findings: inout [Finding]) -> String? {
        guard let text = string(name, in: claims, subject: name, ifMissing: missing(), into: &findings) else { return nil }
        if text.isEmpty {
            findings.append(description.finding(.empty, "\(name) is empty."))
            return nil
        }
        if Whitespace.isAround(text) {
            findings.append(description.finding(.whitespace, "\(name) \(JSONText.quoted(text)) has whitespace around it."))
            return nil
        }
        return text
    }
}
