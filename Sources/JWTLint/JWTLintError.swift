/// Why JWTLint could not do what was asked: a key that cannot be used, a token that cannot be signed, a certificate
/// or test chain that cannot be read or made, a notification edit or scenario that cannot be applied.
///
/// One error type, as jwt-kit's `JWTError` is: ``kind`` says what failed, for a test or a server to branch on;
/// ``message`` (also ``description``) says why in words, as the end of a sentence that names the thing (such as
/// "the key file KEY.p8 ..."). Match on the kind, never on the words.
public struct JWTLintError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed. New kinds may be added; a `switch` over kinds needs a `default`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// A key could not be read or used: unreadable, unrecognized, encrypted, not ES256, malformed; or OpenSSL
        /// could not sign with it.
        public static let key = Kind("key")
        /// A token could not be made: a lifetime out of range, a missing or malformed value, a kind no developer
        /// key signs, no randomness, OpenSSL failing to sign.
        public static let signing = Kind("signing")
        /// A certificate could not be read: empty, too large, not DER or PEM, no CERTIFICATE block.
        public static let certificate = Kind("certificate")
        /// A test chain could not be made, written or read.
        public static let testChain = Kind("testChain")
        /// A notification edit (`PATH=VALUE`) could not be read or applied to a payload.
        public static let notificationEdit = Kind("notificationEdit")
        /// A notification scenario file could not be read.
        public static let scenario = Kind("scenario")

        /// The kind's name, such as `key`.
        public var description: String { name }
    }

    /// What failed.
    public let kind: Kind
    /// Why, in words: the end of a sentence naming what failed.
    public let message: String

    /// An error of `kind` saying `message`.
    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

// Key errors. Every message reads as the end of "the key file <path> ...".
extension JWTLintError {
    /// The file could not be read: missing, a directory, not a regular file, unreadable, too large.
    package static func unreadable(_ reason: String) -> JWTLintError { JWTLintError(.key, reason) }
    /// The file is neither a PEM key nor a JWK.
    package static func unrecognized(_ reason: String) -> JWTLintError { JWTLintError(.key, reason) }
    /// The key is encrypted with a password.
    package static var encrypted: JWTLintError {
        JWTLintError(.key, "is encrypted; give the key unencrypted (Apple's .p8 downloads are), e.g. 'openssl pkcs8 -in KEY -nocrypt -out plain.p8' after decrypting, or its public key")
    }
    /// A real key, but of a kind ES256 cannot use (RSA, another curve, a certificate).
    package static func unsupportedKey(_ reason: String) -> JWTLintError { JWTLintError(.key, "cannot verify ES256 tokens: \(reason)") }
    /// Malformed key material.
    package static func invalidKey(_ reason: String) -> JWTLintError { JWTLintError(.key, "is not a usable key: \(reason)") }
}

// Signing errors, each the end of a sentence.
extension JWTLintError {
    /// The lifetime is not within the kind's limit.
    package static func lifetime(_ seconds: Int, maximum: Int) -> JWTLintError {
        JWTLintError(.signing, "a lifetime of \(seconds) s is refused: Apple accepts 1 to \(maximum) s (and 300 s is safest)")
    }
    /// A value the kind needs is missing, or is not of the form it takes: the claim and why.
    package static func value(claim: String, reason: String) -> JWTLintError { JWTLintError(.signing, "\(claim): \(reason)") }
    /// No key of the developer's signs this kind (App Store-signed data): why.
    package static func unsignable(_ reason: String) -> JWTLintError { JWTLintError(.signing, reason) }
    /// No random nonce could be made.
    package static var randomness: JWTLintError {
        JWTLintError(.signing, "no random nonce could be made (the system's random generator failed)")
    }
    /// OpenSSL could not sign.
    package static func signing(_ reason: String) -> JWTLintError { JWTLintError(.signing, "signing failed: \(reason)") }
}
