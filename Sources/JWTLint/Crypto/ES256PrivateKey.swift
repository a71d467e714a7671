internal import COpenSSL

/// A P-256 private key that signs ES256 tokens. Owns one OpenSSL `EVP_PKEY`, freed in `deinit` (OpenSSL clears
/// the private scalar when it frees it). Its material is never exposed or printed.
///
/// `@unchecked Sendable`: the `EVP_PKEY` is never changed after `init`, and each signature makes its own OpenSSL
/// context, which OpenSSL allows from any number of threads.
public final class ES256PrivateKey: @unchecked Sendable {
    private let pkey: OpaquePointer
    /// The matching public key.
    public let publicKey: ES256PublicKey

    /// Reads a PKCS#8 (or SEC 1) EC P-256 private key in DER, the contents of Apple's `.p8`.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/key`` when the DER is malformed or the key is not EC P-256.
    package init(privateKeyDER der: [UInt8]) throws(JWTLintError) {
        publicKey = try ES256PublicKey(privateKeyDER: der)
        let parsed = try ES256PublicKey.decodePrivateKey(der)
        pkey = parsed
    }

    deinit { EVP_PKEY_free(pkey) }

    /// The ES256 signature of `message` in JWS form: raw `r || s`, 64 bytes.
    /// - Throws: a ``JWTLintError`` of kind ``JWTLintError/Kind/key`` if OpenSSL fails to sign.
    package func sign(_ message: [UInt8]) throws(JWTLintError) -> [UInt8] {
        guard let raw = ECDSASignature.raw(fromDER: try signDER(message)) else {
            throw .invalidKey("OpenSSL returned a malformed signature")
        }
        return raw
    }

    /// The ECDSA P-256 SHA-256 signature of `message` in DER (`ECDSA-Sig-Value`), as the legacy promotional offer
    /// signature carries it.
    /// - Throws: a ``JWTLintError`` of kind ``JWTLintError/Kind/key`` if OpenSSL fails to sign.
    package func signDER(_ message: [UInt8]) throws(JWTLintError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw .invalidKey("out of memory") }
        defer { EVP_MD_CTX_free(context) }
        defer { OpenSSLError.clearQueue() }
        var length = 0
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, pkey) == 1,
            EVP_DigestSign(context, nil, &length, message, message.count) == 1
        else { throw .invalidKey("signing failed (\(OpenSSLError.drainQueue()))") }
        var der = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &der, &length, message, message.count) == 1 else {
            throw .invalidKey("signing failed (\(OpenSSLError.drainQueue()))")
        }
        return Array(der.prefix(length))
    }
}
