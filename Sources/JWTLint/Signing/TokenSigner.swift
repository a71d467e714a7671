/// Makes App Store Server API tokens the way Apple's own libraries do: header `alg`, `kid`, `typ`; claims `iss`,
/// `iat`, `exp`, `aud`, `bid`; five minutes by default.
public enum TokenSigner {
    /// Apple's limit on `exp − iat`.
    public static let maximumLifetime = 3600
    /// The lifetime Apple's libraries use.
    public static let defaultLifetime = 300

    /// Why a token cannot be made.
    public enum SigningError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The lifetime is not 1...3600 seconds.
        case lifetime(Int)
        /// OpenSSL could not sign.
        case signing(String)

        public var description: String {
            switch self {
            case .lifetime(let seconds):
                return "a lifetime of \(seconds) s is refused: Apple accepts at most \(TokenSigner.maximumLifetime) s (and 300 s is safest)"
            case .signing(let reason):
                return "signing failed: \(reason)"
            }
        }
    }

    /// A signed token.
    /// - Parameters:
    ///   - issuedAt: `iat`, whole Unix seconds; `exp` is `issuedAt + lifetime`.
    /// - Throws: ``SigningError``.
    public static func token(
        key: ES256PrivateKey, keyID: String, issuer: String, bundleID: String, issuedAt: Int64,
        lifetime: Int = TokenSigner.defaultLifetime
    ) throws(SigningError) -> String {
        guard lifetime > 0, lifetime <= maximumLifetime else { throw .lifetime(lifetime) }
        var header = JSONWriter()
        header.raw(#"{"alg":"ES256","kid":"#)
        header.string(keyID)
        header.raw(#","typ":"JWT"}"#)
        var claims = JSONWriter()
        claims.raw(#"{"iss":"#)
        claims.string(issuer)
        claims.raw(#","iat":"#)
        claims.value(.integer(issuedAt))
        claims.raw(#","exp":"#)
        claims.value(.integer(issuedAt + Int64(lifetime)))
        claims.raw(#","aud":"appstoreconnect-v1","bid":"#)
        claims.string(bundleID)
        claims.raw("}")
        let signingInput = Base64URL.encode(header.bytes) + "." + Base64URL.encode(claims.bytes)
        do {
            let signature = try key.sign(Array(signingInput.utf8))
            return signingInput + "." + Base64URL.encode(signature)
        } catch {
            throw .signing("\(error)")
        }
    }
}
