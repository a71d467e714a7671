/// Values shown inside messages: quoted and escaped as JSON, shortened when long, so a hostile token cannot
/// break a line of output or flood it.
enum JSONText {
    /// The longest value shown in a message, in characters.
    static let maximumShown = 80

    /// `"value"` with JSON escapes, cut to ``maximumShown`` characters with "…".
    static func quoted(_ value: String) -> String {
        var text = ""
        let shortened = value.count > maximumShown ? String(value.prefix(maximumShown)) : value
        JSONWriter.appendString(shortened, to: &text)
        return value.count > maximumShown ? text + "…" : text
    }
}
