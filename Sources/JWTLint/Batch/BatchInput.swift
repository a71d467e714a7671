/// One input of a ``BatchLinter``: an input line (a token, `Bearer <token>` or `Authorization: Bearer <token>`), or
/// what a line reader found instead of one, and where it came from.
public struct BatchInput: Sendable {
    /// What the input holds.
    public enum Content: Sendable {
        /// An input line.
        case text(String)
        /// A line too long to be a token, of this many bytes: it is reported by its length, never read whole.
        case oversized(byteCount: Int)
        /// A line that is not UTF-8: its first byte that is not ASCII and that byte's offset in the line.
        case notUTF8(byte: UInt8, offset: Int)
    }

    /// What the input holds.
    public let content: Content
    /// Its line number, from 1, when it was read from a stream or file.
    public let line: Int?
    /// The file it was read from, when reports should name one.
    public let file: String?
    /// The member of a JSON document it was taken from (``SignedDataDocument``), when it was.
    public let member: String?

    /// An input from anywhere.
    public init(content: Content, line: Int? = nil, file: String? = nil, member: String? = nil) {
        self.content = content
        self.line = line
        self.file = file
        self.member = member
    }

    /// An input line, optionally with its line number and file.
    public init(_ text: String, line: Int? = nil, file: String? = nil, member: String? = nil) {
        self.init(content: .text(text), line: line, file: file, member: member)
    }

    /// A rough size, for bounding read-ahead.
    var size: Int {
        if case .text(let text) = content { return text.utf8.count }
        return 16
    }
}
