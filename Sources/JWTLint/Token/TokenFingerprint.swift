/// A short, stable name for a token that does not reveal it: the first 6 bytes of its SHA-256, in hex.
///
/// Reports print it instead of the token, so a CI log never holds a usable bearer token, yet the same token can be
/// recognised across runs and logs.
package enum TokenFingerprint {
    /// The fingerprint of the token in `input` (the same for the bare token and its `Bearer` forms).
    package static func of(_ input: String) -> String {
        let digest = SHA256.digest(Array(token(in: input).utf8))
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest.prefix(6) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The token in `input`, without its `Bearer` or header prefix; the input itself when it holds none.
    package static func token(in input: String) -> String {
        if case .token(let token) = TokenInput.extractToken(from: input) { return String(decoding: token, as: UTF8.self) }
        return input
    }
}
