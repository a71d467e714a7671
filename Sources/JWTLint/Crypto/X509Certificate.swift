internal import COpenSSL
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// One X.509 certificate, parsed by OpenSSL from DER. Owns its `X509`, freed in `deinit`; never changed after it is
/// made, so it may be shared across threads (hence `@unchecked Sendable`). What callers need is copied out as Swift
/// values.
final class X509Certificate: @unchecked Sendable {
    let x509: OpaquePointer
    /// The DER it was read from.
    let der: [UInt8]

    /// The largest certificate read: Apple's are about 1 KB; anything near this is not a certificate of theirs.
    static let maximumSize = 16 * 1024

    /// Reads one DER certificate. Bytes after it are ignored, as OpenSSL's `d2i_X509_bio` (which Apple's Python
    /// verifier reads with) ignores them.
    init(der: [UInt8]) throws(JWTLintError) {
        guard !der.isEmpty else { throw JWTLintError(.certificate, "it is empty") }
        guard der.count <= X509Certificate.maximumSize else {
            throw JWTLintError(.certificate, "it is \(der.count) bytes, over the \(X509Certificate.maximumSize)-byte limit for a certificate")
        }
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_X509(nil, &cursor, buffer.count)
        }
        guard let parsed else { throw JWTLintError(.certificate, "it is not a DER X.509 certificate (\(OpenSSLError.drainQueue()))") }
        self.x509 = parsed
        self.der = der
    }

    deinit {
        X509_free(x509)
    }

    /// Whether the certificate has an extension with this dotted OID, critical or not.
    func hasExtension(oid: String) -> Bool {
        guard let object = OBJ_txt2obj(oid, 1) else {
            OpenSSLError.clearQueue()
            return false
        }
        defer { ASN1_OBJECT_free(object) }
        return X509_get_ext_by_OBJ(x509, object, -1) >= 0
    }

    /// The start of the validity period, in Unix seconds.
    var notBefore: Double? { Self.seconds(X509_get0_notBefore(x509)) }
    /// The end of the validity period, in Unix seconds.
    var notAfter: Double? { Self.seconds(X509_get0_notAfter(x509)) }

    /// The subject's common name, or the whole subject when it has none, for messages.
    var subjectName: String {
        guard let name = X509_get_subject_name(x509) else { return "(no subject)" }
        var buffer = [CChar](repeating: 0, count: 256)
        if X509_NAME_get_text_by_NID(name, NID_commonName, &buffer, Int32(buffer.count)) > 0 {
            return Self.text(buffer)
        }
        guard let line = X509_NAME_oneline(name, nil, 0) else { return "(no subject)" }
        defer { copenssl_free(line) }
        return String(cString: line)
    }

    /// The certificate's public key, when it is an EC P-256 key (what ES256 needs).
    ///
    /// The key OpenSSL decoded with the certificate is shared when the SubjectPublicKeyInfo is the one DER encoding of
    /// an uncompressed P-256 key (Apple's leaves): OpenSSL checked the point when it read the certificate, and
    /// encoding and decoding the key again through OpenSSL 3's generic encoders costs as much as reading the certificate.
    /// - Throws: ``JWTLintError`` for any other key.
    func es256PublicKey() throws(JWTLintError) -> ES256PublicKey {
        guard let key = X509_get0_pubkey(x509) else {
            OpenSSLError.clearQueue()
            throw .invalidKey("the certificate's public key cannot be read")
        }
        var output: UnsafeMutablePointer<UInt8>? = nil
        let length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x509), &output)
        guard length > 0, let output else {
            OpenSSLError.clearQueue()
            throw .invalidKey("the certificate's public key cannot be encoded")
        }
        let spki = Array(UnsafeBufferPointer(start: output, count: Int(length)))
        copenssl_free(output)
        let prefix = ES256PublicKey.p256SPKIPrefix
        if spki.count == prefix.count + 65, spki.starts(with: prefix), spki[prefix.count] == 0x04 {
            return try ES256PublicKey(sharing: key, uncompressedPoint: Array(spki[prefix.count...]))
        }
        return try ES256PublicKey(subjectPublicKeyInfo: spki)
    }

    private static func seconds(_ time: UnsafePointer<ASN1_TIME>?) -> Double? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else {
            OpenSSLError.clearQueue()
            return nil
        }
        return Double(timegm(&parts))
    }

    private static func text(_ buffer: [CChar]) -> String {
        let end = buffer.firstIndex(of: 0) ?? buffer.endIndex
        return String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
