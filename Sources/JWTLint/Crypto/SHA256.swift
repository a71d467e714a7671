internal import COpenSSL

/// SHA-256 of a byte string, with OpenSSL's one-shot digest.
package enum SHA256 {
    /// The 32-byte digest of `bytes`.
    package static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let done = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &output, &length, EVP_sha256(), nil)
        }
        OpenSSLError.clearQueue()
        precondition(done == 1 && length == 32, "SHA-256 is unavailable")
        return output
    }
}
