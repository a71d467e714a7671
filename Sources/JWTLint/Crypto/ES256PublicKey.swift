internal import COpenSSL

/// A P-256 public key, ready to verify ES256 signatures. Holds no private key material.
///
/// Owns one OpenSSL `EVP_PKEY` and, once it is prepared for many tokens (a ``BatchLinter`` does that past a thousand), an `EC_GROUP` whose generator
/// is this key's point, with OpenSSL's fixed-base table; both are freed in `deinit`. Neither is changed after it
/// is made, and OpenSSL allows concurrent verification and point multiplication with them, so sharing a key
/// across threads is safe: that is why it is `@unchecked Sendable`.
public final class ES256PublicKey: @unchecked Sendable {
    let pkey: OpaquePointer
    /// P-256 with this key's point as generator and its multiples precomputed, or `nil`.
    let fixedBaseGroup: OpaquePointer?
    /// The public point in uncompressed form: `0x04 || x || y`, 65 bytes.
    public let uncompressedPoint: [UInt8]

    private init(pkey: OpaquePointer, point: [UInt8], fixedBaseGroup: OpaquePointer? = nil) {
        self.pkey = pkey
        self.uncompressedPoint = point
        self.fixedBaseGroup = fixedBaseGroup
    }

    deinit {
        EVP_PKEY_free(pkey)
        if let fixedBaseGroup { EC_GROUP_free(fixedBaseGroup) }
    }

    /// Whether verifications use the precomputed table (see ``preparedForBulkVerification()``).
    package var isPreparedForBulkVerification: Bool { fixedBaseGroup != nil }

    /// The same key with a table of multiples of its point precomputed (about 20 ms, 150 KB), which makes each
    /// verification about twice as fast. Worth it from about a thousand tokens. Returns `self` when it is already
    /// prepared, or when OpenSSL cannot precompute (verification then takes the standard path).
    package func preparedForBulkVerification() -> ES256PublicKey {
        guard fixedBaseGroup == nil, let group = FixedBaseTable.make(curve: NID_X9_62_prime256v1, generator: uncompressedPoint) else { return self }
        guard EVP_PKEY_up_ref(pkey) == 1 else {
            EC_GROUP_free(group)
            return self
        }
        return ES256PublicKey(pkey: pkey, point: uncompressedPoint, fixedBaseGroup: group)
    }

    /// The key as a public JWK: `{"kty":"EC","crv":"P-256","x":…,"y":…}`.
    package var jwk: String {
        #"{"kty":"EC","crv":"P-256","x":""# + Base64URL.encode(x) + #"","y":""# + Base64URL.encode(y) + #""}"#
    }

    /// The RFC 7638 JWK thumbprint: base64url of SHA-256 over `{"crv":"P-256","kty":"EC","x":…,"y":…}`.
    package var thumbprint: String {
        let canonical = #"{"crv":"P-256","kty":"EC","x":""# + Base64URL.encode(x) + #"","y":""# + Base64URL.encode(y) + #""}"#
        return Base64URL.encode(SHA256.digest(Array(canonical.utf8)))
    }

    /// The key as a SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`).
    package var pem: String {
        PEMBlock.armored(ES256PublicKey.p256SPKIPrefix + uncompressedPoint, label: "PUBLIC KEY")
    }

    /// The x coordinate, 32 bytes big-endian.
    package var x: [UInt8] { Array(uncompressedPoint[1...32]) }
    /// The y coordinate, 32 bytes big-endian.
    package var y: [UInt8] { Array(uncompressedPoint[33...64]) }

    /// Makes a key from its affine coordinates (32 bytes each), as a JWK gives them.
    /// - Throws: a ``JWTLintError`` of kind ``JWTLintError/Kind/key`` when the point is not on P-256.
    package convenience init(x: [UInt8], y: [UInt8]) throws(JWTLintError) {
        guard x.count == 32, y.count == 32 else {
            throw .invalidKey("the coordinates must be 32 bytes each for P-256 (x has \(x.count), y has \(y.count))")
        }
        try self.init(uncompressedPoint: [0x04] + x + y)
    }

    /// Makes a key from an uncompressed point `0x04 || x || y`.
    /// - Throws: a ``JWTLintError`` of kind ``JWTLintError/Kind/key`` when the point is not on P-256.
    package convenience init(uncompressedPoint point: [UInt8]) throws(JWTLintError) {
        let pkey = try ES256PublicKey.makePublicKey(point: point)
        self.init(pkey: pkey, point: point)
    }

    /// Shares `pkey`, an OpenSSL key already read and checked as the P-256 key at `point` (a certificate's), adding a
    /// reference to it.
    convenience init(sharing pkey: OpaquePointer, uncompressedPoint point: [UInt8]) throws(JWTLintError) {
        guard point.count == 65, point[0] == 0x04, EVP_PKEY_up_ref(pkey) == 1 else {
            OpenSSLError.clearQueue()
            throw .invalidKey("the public point is not an uncompressed P-256 point")
        }
        self.init(pkey: pkey, point: point)
    }

    /// Reads a SubjectPublicKeyInfo (the DER inside `BEGIN PUBLIC KEY`).
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/key`` when the DER is malformed or the key is not EC P-256.
    package convenience init(subjectPublicKeyInfo der: [UInt8]) throws(JWTLintError) {
        // The one DER encoding of an uncompressed P-256 key (RFC 5480) is read directly: OpenSSL's generic decoder
        // costs more than the rest of a one-token run. Any other encoding goes through OpenSSL.
        if der.count == ES256PublicKey.p256SPKIPrefix.count + 65, der.starts(with: ES256PublicKey.p256SPKIPrefix) {
            try self.init(uncompressedPoint: Array(der[ES256PublicKey.p256SPKIPrefix.count...]))
            return
        }
        let parsed = try ES256PublicKey.decodeWhole(der, what: "public key", as: "DER SubjectPublicKeyInfo") { d2i_PUBKEY(nil, &$0, $1) }
        defer { EVP_PKEY_free(parsed) }
        try ES256PublicKey.requireP256(parsed)
        let point = try ES256PublicKey.publicPoint(of: parsed)
        try self.init(uncompressedPoint: point)
    }

    /// `SEQUENCE { SEQUENCE { id-ecPublicKey, prime256v1 }, BIT STRING (0 unused bits) }`, up to the point.
    static let p256SPKIPrefix: [UInt8] = [
        0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D,
        0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
    ]

    /// Derives the public key from a PKCS#8 (or SEC 1) EC private key in DER, the contents of Apple's `.p8`.
    ///
    /// The public point is computed from the private scalar, and checked against the copy the file may carry.
    /// The private scalar is cleared from memory before this returns; the caller clears `der`.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/key`` when the DER is malformed, the key is not EC P-256, or the copies disagree.
    package convenience init(privateKeyDER der: [UInt8]) throws(JWTLintError) {
        let parsed = try ES256PublicKey.decodePrivateKey(der)
        defer { EVP_PKEY_free(parsed) }
        try ES256PublicKey.requireP256(parsed)
        let derived = try ES256PublicKey.derivePublicPoint(fromPrivate: parsed)
        if let embedded = try? ES256PublicKey.publicPoint(of: parsed), embedded != derived {
            throw .invalidKey("the public key stored in the file does not match its private key")
        }
        try self.init(uncompressedPoint: derived)
    }

    // MARK: - OpenSSL plumbing

    /// Runs an OpenSSL `d2i_*` decoder over all of `der`; the caller frees the key it returns.
    /// - Throws: a ``JWTLintError`` of kind ``JWTLintError/Kind/key`` when it fails or leaves bytes over.
    static func decodeWhole(
        _ der: [UInt8], what: String, as format: String,
        _ decode: (inout UnsafePointer<UInt8>?, Int) -> OpaquePointer?
    ) throws(JWTLintError) -> OpaquePointer {
        var trailing = false
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            let key = decode(&cursor, buffer.count)
            trailing = cursor != buffer.baseAddress.map { $0 + buffer.count }
            return key
        }
        guard let parsed else {
            throw .invalidKey("the \(what) is not valid \(format) (\(OpenSSLError.drainQueue()))")
        }
        guard !trailing else {
            EVP_PKEY_free(parsed)
            throw .invalidKey("the \(what) has bytes after its DER encoding")
        }
        return parsed
    }

    /// Decodes a PKCS#8 (or SEC 1) private key; the caller frees it.
    static func decodePrivateKey(_ der: [UInt8]) throws(JWTLintError) -> OpaquePointer {
        try decodeWhole(der, what: "private key", as: "PKCS#8 DER") { d2i_AutoPrivateKey(nil, &$0, $1) }
    }

    private static func requireP256(_ pkey: OpaquePointer) throws(JWTLintError) {
        let type = EVP_PKEY_get_base_id(pkey)
        guard type == EVP_PKEY_EC else {
            let name: String
            switch type {
            case EVP_PKEY_RSA, EVP_PKEY_RSA_PSS: name = "an RSA key"
            case EVP_PKEY_ED25519: name = "an Ed25519 key"
            case EVP_PKEY_ED448: name = "an Ed448 key"
            case EVP_PKEY_DSA: name = "a DSA key"
            default: name = "not an elliptic-curve key"
            }
            throw .unsupportedKey("it is \(name); ES256 needs an EC P-256 key")
        }
        var buffer = [CChar](repeating: 0, count: 64)
        var length = 0
        guard EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, &buffer, buffer.count, &length) == 1 else {
            OpenSSLError.clearQueue()
            throw .unsupportedKey("its curve could not be read; ES256 needs P-256")
        }
        let curve = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard curve == "prime256v1" else {
            let shown = ["secp384r1": "P-384", "secp521r1": "P-521", "secp256k1": "secp256k1"][curve] ?? curve
            throw .unsupportedKey("it is on the curve \(shown); ES256 needs P-256")
        }
    }

    /// The key's public point, uncompressed.
    private static func publicPoint(of pkey: OpaquePointer) throws(JWTLintError) -> [UInt8] {
        var length = 0
        guard EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY, nil, 0, &length) == 1, length > 0, length <= 133 else {
            OpenSSLError.clearQueue()
            throw .invalidKey("the key's public point could not be read")
        }
        var encoded = [UInt8](repeating: 0, count: length)
        guard EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY, &encoded, encoded.count, &length) == 1 else {
            OpenSSLError.clearQueue()
            throw .invalidKey("the key's public point could not be read")
        }
        return try uncompressed(Array(encoded.prefix(length)))
    }

    /// Re-encodes any valid P-256 point encoding (compressed or not) as uncompressed.
    private static func uncompressed(_ encoded: [UInt8]) throws(JWTLintError) -> [UInt8] {
        if encoded.count == 65, encoded[0] == 0x04 { return encoded }
        guard let group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1) else { throw .invalidKey("P-256 is unavailable") }
        defer { EC_GROUP_free(group) }
        guard let point = EC_POINT_new(group) else { throw .invalidKey("out of memory") }
        defer { EC_POINT_free(point) }
        guard EC_POINT_oct2point(group, point, encoded, encoded.count, nil) == 1 else {
            OpenSSLError.clearQueue()
            throw .invalidKey("the public point is not on P-256")
        }
        return try encode(point, in: group)
    }

    private static func encode(_ point: OpaquePointer, in group: OpaquePointer) throws(JWTLintError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 65)
        let written = EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, &output, output.count, nil)
        guard written == 65 else {
            OpenSSLError.clearQueue()
            throw .invalidKey("the public point could not be encoded")
        }
        return output
    }

    /// Computes d·G from the private scalar d.
    private static func derivePublicPoint(fromPrivate pkey: OpaquePointer) throws(JWTLintError) -> [UInt8] {
        var scalar: OpaquePointer? = nil
        guard EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_PRIV_KEY, &scalar) == 1, let scalar else {
            OpenSSLError.clearQueue()
            throw .invalidKey("the file holds no private scalar")
        }
        defer { BN_clear_free(scalar) }
        guard let group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1) else { throw .invalidKey("P-256 is unavailable") }
        defer { EC_GROUP_free(group) }
        guard BN_is_zero(scalar) == 0, BN_cmp(scalar, EC_GROUP_get0_order(group)) < 0 else {
            throw .invalidKey("the private scalar is out of range for P-256")
        }
        guard let point = EC_POINT_new(group) else { throw .invalidKey("out of memory") }
        defer { EC_POINT_free(point) }
        guard EC_POINT_mul(group, point, scalar, nil, nil, nil) == 1 else {
            OpenSSLError.clearQueue()
            throw .invalidKey("the public key could not be derived from the private key")
        }
        return try encode(point, in: group)
    }

    private static func makePublicKey(point: [UInt8]) throws(JWTLintError) -> OpaquePointer {
        guard point.count == 65, point[0] == 0x04 else { throw .invalidKey("the public point is not an uncompressed P-256 point") }
        guard let made = point.withUnsafeBufferPointer({ copenssl_p256_public_key($0.baseAddress, $0.count) }) else {
            OpenSSLError.clearQueue()
            throw .invalidKey("the point is not on the P-256 curve")
        }
        guard let checker = EVP_PKEY_CTX_new_from_pkey(nil, made, nil) else {
            EVP_PKEY_free(made)
            throw .invalidKey("out of memory")
        }
        defer { EVP_PKEY_CTX_free(checker) }
        guard EVP_PKEY_public_check(checker) == 1 else {
            EVP_PKEY_free(made)
            OpenSSLError.clearQueue()
            throw .invalidKey("the point is not a valid P-256 public key")
        }
        return made
    }
}
