internal import COpenSSL

/// Makes a certificate chain shaped like the one the App Store signs with, for tests only: a P-384 root and
/// intermediate and a P-256 leaf, the intermediate with Apple's OID 1.2.840.113635.100.6.2.1 and the leaf with
/// 1.2.840.113635.100.6.11.1, each CA signed with ECDSA SHA-384. Every key is new and random, so nothing it signs
/// can verify against Apple Root CA - G3. Its names say TEST ONLY.
package enum TestChainMaker {
    /// A chain valid from 400 days before `now` (so that it signs a year-long notification scenario that ends now)
    /// to `years` years after it.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/testChain`` when OpenSSL cannot make a key or a certificate.
    package static func make(now: Double, years: Int = 2) throws(JWTLintError) -> TestChain {
        var made = try makeWithKeys(now: now, years: years)
        made.keys.clear()
        return made.chain
    }

    /// A chain as ``make(now:years:)`` makes it, with its three private keys (PKCS#8 DER) for writing to files.
    /// The caller clears the keys (``TestChainKeys/clear()``) once they are written.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/testChain`` when OpenSSL cannot make a key or a certificate.
    package static func makeWithKeys(now: Double, years: Int) throws(JWTLintError) -> (chain: TestChain, keys: TestChainKeys) {
        let start = Int64(now) - 400 * 86_400
        let end = Int64(now) + Int64(years) * 31_556_952
        let rootKey = try generateKey(curve: "P-384")
        defer { EVP_PKEY_free(rootKey) }
        let intermediateKey = try generateKey(curve: "P-384")
        defer { EVP_PKEY_free(intermediateKey) }
        let leafKey = try generateKey(curve: "P-256")
        defer { EVP_PKEY_free(leafKey) }
        let serialBase = Int(start & 0x7FFF_FFFF)

        let root = try certificate(
            subject: "jwtlint Test Root CA (TEST ONLY)", key: rootKey, issuer: nil, issuerKey: rootKey, serial: serialBase,
            notBefore: start, notAfter: end + 86_400, authority: true, oid: nil)
        defer { X509_free(root) }
        let intermediate = try certificate(
            subject: "jwtlint Test Intermediate CA (TEST ONLY)", key: intermediateKey, issuer: root, issuerKey: rootKey, serial: serialBase + 1,
            notBefore: start, notAfter: end + 3600, authority: true, oid: SignedDataCheck.intermediateOID)
        defer { X509_free(intermediate) }
        let leaf = try certificate(
            subject: "jwtlint Test Signing Leaf (TEST ONLY)", key: leafKey, issuer: intermediate, issuerKey: intermediateKey, serial: serialBase + 2,
            notBefore: start, notAfter: end, authority: false, oid: SignedDataCheck.leafOID)
        defer { X509_free(leaf) }

        var keys = TestChainKeys(root: try privateKeyDER(rootKey), intermediate: try privateKeyDER(intermediateKey), leaf: try privateKeyDER(leafKey))
        let signingKey: ES256PrivateKey
        do {
            signingKey = try ES256PrivateKey(privateKeyDER: keys.leaf)
        } catch {
            keys.clear()
            throw JWTLintError(.testChain, "the leaf key cannot be read back: \(error)")
        }
        let chain = TestChain(root: try der(root), intermediate: try der(intermediate), leaf: try der(leaf), signingKey: signingKey)
        return (chain, keys)
    }

    private static func generateKey(curve: String) throws(JWTLintError) -> OpaquePointer {
        defer { OpenSSLError.clearQueue() }
        guard let key = copenssl_ec_generate(curve) else {
            throw JWTLintError(.testChain, "no \(curve) key (\(OpenSSLError.drainQueue()))")
        }
        return key
    }

    /// An X.509 v3 certificate for `key`, signed by `issuerKey` (self-signed when `issuer` is nil), with the
    /// extensions OpenSSL's strict verification wants: basic constraints, key usage, subject and authority key IDs.
    private static func certificate(
        subject: String, key: OpaquePointer, issuer: OpaquePointer?, issuerKey: OpaquePointer, serial: Int, notBefore: Int64,
        notAfter: Int64, authority: Bool, oid: String?
    ) throws(JWTLintError) -> OpaquePointer {
        defer { OpenSSLError.clearQueue() }
        guard let certificate = X509_new() else { throw JWTLintError(.testChain, "out of memory") }
        var done = false
        defer { if !done { X509_free(certificate) } }
        guard X509_set_version(certificate, 2) == 1,
            ASN1_INTEGER_set(X509_get_serialNumber(certificate), serial) == 1,
            ASN1_TIME_set(X509_getm_notBefore(certificate), time_t(notBefore)) != nil,
            ASN1_TIME_set(X509_getm_notAfter(certificate), time_t(notAfter)) != nil,
            X509_set_pubkey(certificate, key) == 1
        else { throw JWTLintError(.testChain, "\(subject): \(OpenSSLError.drainQueue())") }
        let name = X509_get_subject_name(certificate)
        for (field, value) in [
            ("CN", subject), ("OU", "jwtlint (TEST ONLY, never trust)"), ("O", "jwtlint"), ("C", "US"),
        ] {
            let bytes = Array(value.utf8)
            guard X509_NAME_add_entry_by_txt(name, field, MBSTRING_ASC, bytes, Int32(bytes.count), -1, 0) == 1 else {
                throw JWTLintError(.testChain, "\(subject): \(OpenSSLError.drainQueue())")
            }
        }
        let issuerName = issuer.map { X509_get_subject_name($0) } ?? name
        guard X509_set_issuer_name(certificate, issuerName) == 1 else { throw JWTLintError(.testChain, "\(subject): \(OpenSSLError.drainQueue())") }

        var extensions = [
            ("basicConstraints", authority ? "critical,CA:TRUE" : "critical,CA:FALSE"),
            ("keyUsage", authority ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature"),
            ("subjectKeyIdentifier", "hash"),
            ("authorityKeyIdentifier", "keyid:always"),
        ]
        if let oid { extensions.append((oid, "ASN1:NULL")) }
        for (extensionName, value) in extensions {
            guard copenssl_add_extension(certificate, issuer ?? certificate, extensionName, value) == 1 else {
                throw JWTLintError(.testChain, "\(subject), \(extensionName): \(OpenSSLError.drainQueue())")
            }
        }
        // Every issuer here is P-384, and signs with SHA-384, as Apple's CAs do.
        guard X509_sign(certificate, issuerKey, EVP_sha384()) > 0 else { throw JWTLintError(.testChain, "\(subject): \(OpenSSLError.drainQueue())") }
        done = true
        return certificate
    }

    private static func der(_ certificate: OpaquePointer) throws(JWTLintError) -> [UInt8] {
        defer { OpenSSLError.clearQueue() }
        var buffer: UnsafeMutablePointer<UInt8>? = nil
        let length = i2d_X509(certificate, &buffer)
        guard length > 0, let buffer else { throw JWTLintError(.testChain, "a certificate cannot be written as DER") }
        defer { copenssl_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }

    private static func privateKeyDER(_ key: OpaquePointer) throws(JWTLintError) -> [UInt8] {
        defer { OpenSSLError.clearQueue() }
        var buffer: UnsafeMutablePointer<UInt8>? = nil
        let length = i2d_PrivateKey(key, &buffer)
        guard length > 0, let buffer else { throw JWTLintError(.testChain, "the leaf key cannot be written as DER") }
        defer {
            copenssl_cleanse(buffer, Int(length))
            copenssl_free(buffer)
        }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }
}

/// The private keys of a test chain, PKCS#8 DER, held only to be written to files (mode 0600) and then cleared.
package struct TestChainKeys {
    package var root: [UInt8]
    package var intermediate: [UInt8]
    package var leaf: [UInt8]

    /// Overwrites the keys' bytes.
    package mutating func clear() {
        PEMBlock.clear(&root)
        PEMBlock.clear(&intermediate)
        PEMBlock.clear(&leaf)
    }
}

/// A test chain shaped like Apple's (P-384 root and intermediate with Apple's marker OIDs, P-256 leaf), and the
/// leaf's key, which signs data as the App Store would. Test suites trust its root instead of Apple's; nothing it
/// signs verifies to Apple Root CA - G3.
public struct TestChain: Sendable {
    /// The root certificate, DER: what a verifier under test must be told to trust.
    public let root: [UInt8]
    /// The intermediate certificate, DER.
    public let intermediate: [UInt8]
    /// The leaf certificate, DER.
    public let leaf: [UInt8]
    /// The leaf's private key.
    let signingKey: ES256PrivateKey

    init(root: [UInt8], intermediate: [UInt8], leaf: [UInt8], signingKey: ES256PrivateKey) {
        self.root = root
        self.intermediate = intermediate
        self.leaf = leaf
        self.signingKey = signingKey
    }

    /// A new chain with random keys, valid from 400 days before `now` (Unix seconds) to `years` years after it.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/testChain`` when OpenSSL cannot make a key or a certificate.
    public static func make(now: Double, years: Int = 2) throws(JWTLintError) -> TestChain {
        try TestChainMaker.make(now: now, years: years)
    }

    /// The chain that `jwtlint chain create` wrote into `folder`, checked as of `now` (Unix seconds).
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/testChain`` naming the file that is missing or wrong.
    package static func load(from folder: String, now: Double) throws(JWTLintError) -> TestChain {
        try TestChainDirectory.load(from: folder, now: now)
    }

    /// The `x5c` header value: leaf, intermediate, root, each base64 DER.
    package var x5c: [String] { [leaf, intermediate, root].map(Base64.encode) }

    /// The root as PEM, for a verifier under test to trust.
    public var rootPEM: String { PEMBlock.armored(root, label: "CERTIFICATE") }

    /// A JWS of `payload` (a JSON object's text) signed by the leaf, with `alg` ES256 and this chain in `x5c`, as the
    /// App Store signs its data.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/key`` when signing fails.
    public func sign(payload: String) throws(JWTLintError) -> String {
        let header = "{\"alg\":\"ES256\",\"x5c\":[" + x5c.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
        let signingInput = Base64URL.encode(header) + "." + Base64URL.encode(payload)
        return signingInput + "." + Base64URL.encode(try signingKey.sign(Array(signingInput.utf8)))
    }
}
