/// Why a key could not be used. Every case reads as the end of "the key file <path> ...".
public enum KeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read: missing, a directory, not a regular file, unreadable, too large.
    case unreadable(String)
    /// The file is neither a PEM key nor a JWK.
    case unrecognized(String)
    /// The key is encrypted with a password.
    case encrypted
    /// A real key, but of a kind ES256 cannot use (RSA, another curve, a certificate).
    case unsupportedKey(String)
    /// Malformed key material.
    case invalidKey(String)

    /// One plain sentence fragment saying what is wrong.
    public var description: String {
        switch self {
        case .unreadable(let reason): return reason
        case .unrecognized(let reason): return reason
        case .encrypted:
            return "is encrypted; give the key unencrypted (Apple's .p8 downloads are), e.g. 'openssl pkcs8 -in KEY -nocrypt -out plain.p8' after decrypting, or its public key"
        case .unsupportedKey(let reason): return "cannot verify ES256 tokens: \(reason)"
        case .invalidKey(let reason): return "is not a usable key: \(reason)"
        }
    }
}
