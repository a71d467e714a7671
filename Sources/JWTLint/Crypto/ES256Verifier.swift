internal import COpenSSL

extension ES256PublicKey {
    /// Whether `signature` (64-byte raw `r || s`, both in range) is a valid ES256 signature of `message` under this
    /// key. Signature format and range are the caller's to check first; a bad signature returns `false`.
    func isValidSignature(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        let der = ECDSASignature.der(fromRaw: signature)
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        defer { OpenSSLError.clearQueue() }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, pkey) == 1 else { return false }
        return EVP_DigestVerify(context, der, der.count, message, message.count) == 1
    }
}
