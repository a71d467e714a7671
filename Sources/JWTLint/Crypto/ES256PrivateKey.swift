internal import COpenSSL

/// A P-256 private key that signs ES256 tokens. Owns one OpenSSL `EVP_PKEY`, freed in `deinit` (OpenSSL clears
/// the private scalar when it frees it). Its material is never exposed or printed.
public final class ES256PrivateKey: @unchecked Sendable {
    private let pkey: OpaquePointer
    /// The matching public key.
    public let publicKey: ES256PublicKey

    /// Reads a PKCS#8 (or SEC 1) EC P-256 private key in DER, the contents of Apple's `.p8`.
    /// - Throws: ``KeyError`` when the DER is malformed or the key is not EC P-256.
    public init(privateKeyDER der: [UInt8]) throws(KeyError) {
        publicKey = try ES256PublicKey(privateKeyDER: der)
        let parsed = try ES256PublicKey.decodePrivateKey(der)
        pkey = parsed
    }

    deinit { EVP_PKEY_free(pkey) }

    /// The ES256 signature of `message` in JWS form: raw `r || s`, 64 bytes.
    /// - Throws: ``KeyError/invalidKey(_:)`` if OpenSSL fails to sign.
    public func sign(_ message: [UInt8]) throws(KeyError) -> [UInt8] {
        try ES256PrivateKey.raw(fromDER: signDER(message))
    }

    /// The ECDSA P-256 SHA-256 signature of `message` in DER (`ECDSA-Sig-Value`), as the legacy promotional offer
    /// signature carries it.
    /// - Throws: ``KeyError/invalidKey(_:)`` if OpenSSL fails to sign.
    public func signDER(_ message: [UInt8]) throws(KeyError) -> [UInt8] {
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

    /// `r || s`, 32 bytes each, from a DER `ECDSA-Sig-Value`.
    private static func raw(fromDER der: [UInt8]) throws(KeyError) -> [UInt8] {
        let signature: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_ECDSA_SIG(nil, &cursor, buffer.count)
        }
        guard let signature else { throw .invalidKey("OpenSSL returned a malformed signature") }
        defer { ECDSA_SIG_free(signature) }
        var output = [UInt8](repeating: 0, count: 64)
        let written = output.withUnsafeMutableBufferPointer { buffer in
            BN_bn2binpad(ECDSA_SIG_get0_r(signature), buffer.baseAddress, 32)
                + BN_bn2binpad(ECDSA_SIG_get0_s(signature), buffer.baseAddress! + 32, 32)
        }
        guard written == 64 else { throw .invalidKey("OpenSSL returned a malformed signature") }
        return output
    }
}
