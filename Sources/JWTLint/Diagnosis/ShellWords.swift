/// Splits a shell command line into words the way a POSIX shell would for a pasted `curl` command: single
/// quotes, double quotes (with `\"`, `\\`, `\$`, `` \` `` escapes), `$'…'` quoting, backslash escapes, and
/// backslash-newline line continuations. No expansion is performed.
enum ShellWords {
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var scalars = Array(text.unicodeScalars)[...]
        func finish() {
            if inWord { words.append(current) }
            current = ""
            inWord = false
        }
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\\":
                guard let next = scalars.popFirst() else { break }
                if next == "\n" { continue }  // line continuation
                if next == "\r", scalars.first == "\n" {
                    scalars.removeFirst()
                    continue
                }
                current.unicodeScalars.append(next)
                inWord = true
            case "'":
                inWord = true
                while let next = scalars.popFirst(), next != "'" { current.unicodeScalars.append(next) }
            case "\"":
                inWord = true
                while let next = scalars.popFirst(), next != "\"" {
                    if next == "\\", let escaped = scalars.first, "\"\\$`\n".unicodeScalars.contains(escaped) {
                        scalars.removeFirst()
                        if escaped != "\n" { current.unicodeScalars.append(escaped) }
                    } else {
                        current.unicodeScalars.append(next)
                    }
                }
            case "$" where scalars.first == "'":
                scalars.removeFirst()
                inWord = true
                while let next = scalars.popFirst(), next != "'" {
                    guard next == "\\", let escaped = scalars.popFirst() else {
                        current.unicodeScalars.append(next)
                        continue
                    }
                    switch escaped {
                    case "n": current += "\n"
                    case "t": current += "\t"
                    case "r": current += "\r"
                    default: current.unicodeScalars.append(escaped)
                    }
                }
            case " ", "\t", "\n", "\r":
                finish()
            default:
                current.unicodeScalars.append(scalar)
                inWord = true
            }
        }
        finish()
        return words
    }
}
