/// Values shown inside messages: quoted and escaped as JSON, shortened when long, so a hostile token cannot
/// break a line of output or flood it.
package enum JSONText {
    /// The longest value shown in a message, in characters.
    static let maximumShown = 80

    /// `"value"` with JSON escapes, cut to ``maximumShown`` characters with "…".
    package static func quoted(_ value: String) -> String {
        var bytes: [UInt8] = []
        let long = value.utf8.count > maximumShown && value.count > maximumShown
        JSONWriter.appendString(long ? String(value.prefix(maximumShown)) : value, to: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        return long ? text + "…" : text
    }
}
