internal import COpenSSL

/// An RSA public key that verifies RS256 signatures (RSASSA-PKCS1-v1_5 with SHA-256): one of the keys Apple signs
/// Sign in with Apple identity tokens with.
///
/// `@unchecked Sendable`: the class owns one `EVP_PKEY`, freed in `deinit` and never changed after it is made; each
/// verification makes its own digest context, and OpenSSL allows concurrent verification with one key.
package final class RSAPublicKey: @unchecked Sendable {
    private let pkey: OpaquePointer
    /// The modulus's size in bits (2048 for Apple's keys).
    package let bits: Int

    /// The key with this modulus and exponent, big-endian, as a JWK's `n` and `e` hold them.
    /// - Throws: a ``JWTLintError`` of kind ``JWTLintError/Kind/key`` for a modulus under 2048 bits or over 8192, or an exponent that is not an odd number
    ///   above 1.
    package init(modulus: [UInt8], exponent: [UInt8]) throws(JWTLintError) {
        let significant = modulus.drop { $0 == 0 }
        let bits = significant.isEmpty ? 0 : significant.count * 8 - significant.first!.leadingZeroBitCount
        guard bits >= 2048 else { throw .invalidKey("the RSA modulus is \(bits) bits; RS256 keys have 2048 or more") }
        guard bits <= 8192 else { throw .invalidKey("the RSA modulus is \(bits) bits, more than any RS256 key") }
        let exponentDigits = exponent.drop { $0 == 0 }
        guard let last = exponentDigits.last, last & 1 == 1, exponentDigits.count <= 8, exponentDigits != [1] else {
            throw .invalidKey("the RSA exponent is not an odd number above 1")
        }
        let made = modulus.withUnsafeBufferPointer { n in
            exponent.withUnsafeBufferPointer { e in copenssl_rsa_public_key(n.baseAddress, n.count, e.baseAddress, e.count) }
        }
        guard let made else { throw .invalidKey("OpenSSL refused the RSA key: \(OpenSSLError.drainQueue())") }
        self.pkey = made
        self.bits = bits
    }

    deinit {
        EVP_PKEY_free(pkey)
    }

    /// The signature's length in bytes: the modulus's.
    package var signatureLength: Int { (bits + 7) / 8 }

    /// Whether `signature` is this key's RS256 signature of `message`.
    package func isValidSignature(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        guard let context = EVP_MD_CTX_new() else {
            OpenSSLError.clearQueue()
            return false
        }
        defer {
            EVP_MD_CTX_free(context)
            OpenSSLError.clearQueue()
        }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, pkey) == 1 else { return false }
        let result = signature.withUnsafeBufferPointer { signed in
            message.withUnsafeBufferPointer { input in
                EVP_DigestVerify(context, signed.baseAddress, signed.count, input.baseAddress, input.count)
            }
        }
        return result == 1
    }
}
