internal import COpenSSL

/// An intermediate certificate's P-384 key prepared to verify many leaves' signatures: an OpenSSL key for the same
/// point whose ECDSA verification multiplies both the curve's generator and the point from precomputed tables
/// (`fixed_base_issuer.h` says how, and why everything else stays OpenSSL's). OpenSSL 3.0 verifies P-384 with generic
/// code, so that each leaf seen for the first time under a known intermediate costs one slow verification; with the
/// tables it costs about 40% of it. Making the key costs about two verifications (the point's table), once per
/// intermediate; the generator's table is made once per process.
///
/// Owns its `EVP_PKEY` (holding the `EC_KEY`), the point's table and the table pair the key refers to, all freed in
/// `deinit`; the key never leaves this class, so nothing uses it after the tables are freed. `@unchecked Sendable`:
/// nothing is changed after `init`, and OpenSSL only reads keys and precomputed groups while it verifies, so that
/// threads may verify with one key at once (each verification allocates its own numbers and points).
final class FixedBaseIssuerKey: @unchecked Sendable {
    private let pkey: OpaquePointer
    private let keyTable: OpaquePointer
    private let tables: UnsafeMutablePointer<copenssl_fixed_base_tables>

    /// What every key shares: P-384's generator table and the EC method that verifies with the tables. Made on first
    /// use and kept for the life of the process (keys refer to both).
    private final class Shared: @unchecked Sendable {
        let generatorTable: OpaquePointer
        let method: OpaquePointer

        init?() {
            guard copenssl_fixed_base_available() == 1,
                let generatorTable = FixedBaseTable.make(curve: NID_secp384r1, generator: nil)
            else { return nil }
            guard let method = copenssl_fixed_base_new_method() else {
                EC_GROUP_free(generatorTable)
                return nil
            }
            self.generatorTable = generatorTable
            self.method = method
        }
    }

    private static let shared = Shared()

    /// The key of `certificate` with its tables, or `nil` when it is not an EC key on P-384 with a named curve, or
    /// when this libcrypto lacks the functions the tables need (verification then stays OpenSSL's own).
    convenience init?(certificate: X509Certificate) {
        guard let point = Self.p384Point(of: certificate) else { return nil }
        self.init(p384Point: point)
    }

    /// The key at `point` (SEC 1 encoding) on P-384 with its tables, or `nil` when the point is not on the curve or
    /// this libcrypto lacks the functions the tables need.
    init?(p384Point point: [UInt8]) {
        guard let shared = Self.shared, let keyTable = FixedBaseTable.make(curve: NID_secp384r1, generator: point) else { return nil }
        let tables = UnsafeMutablePointer<copenssl_fixed_base_tables>.allocate(capacity: 1)
        tables.initialize(to: copenssl_fixed_base_tables(generator_table: shared.generatorTable, key_table: keyTable))
        let made = point.withUnsafeBufferPointer { buffer in
            copenssl_fixed_base_key(shared.method, NID_secp384r1, buffer.baseAddress, buffer.count, tables)
        }
        guard let made else {
            OpenSSLError.clearQueue()
            tables.deallocate()
            EC_GROUP_free(keyTable)
            return nil
        }
        self.pkey = made
        self.keyTable = keyTable
        self.tables = tables
    }

    deinit {
        EVP_PKEY_free(pkey)  // first: the key refers to the tables
        tables.deallocate()
        EC_GROUP_free(keyTable)
    }

    /// `X509_verify_cert(context)` for a context whose trusted certificate is `issuer`, the certificate this key was
    /// made from, with the leaf's signature checked by this key (`copenssl_verify_with_issuer_key`): 1 when the
    /// chain verified, 0 or less when not or when the context could not be set up.
    func verifyCertificate(in context: OpaquePointer, issuer: X509Certificate) -> Int32 {
        withExtendedLifetime(issuer) {
            guard copenssl_use_issuer_key(context, pkey, issuer.x509) == 1 else { return 0 }
            return X509_verify_cert(context)
        }
    }

    /// A hash an ECDSA signature is made with: SHA-384 as certificates signed with ecdsa-with-SHA384 use, the others to
    /// test a digest shorter and longer than P-384's order.
    enum Digest: Sendable { case sha256, sha384, sha512 }

    /// Whether `signature` (DER) is a valid ECDSA signature with `digest` of `message` under the key, by
    /// `EVP_DigestVerify` as `X509_verify` calls it for a certificate signed with ecdsa-with-SHA384. Leaves are
    /// verified through ``verifyCertificate(in:issuer:)``; this is how the tests give the key Wycheproof's cases.
    func isValidSignature(der signature: [UInt8], of message: [UInt8], digest: Digest = .sha384) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer {
            EVP_MD_CTX_free(context)
            OpenSSLError.clearQueue()
        }
        let algorithm = switch digest {
        case .sha256: EVP_sha256()
        case .sha384: EVP_sha384()
        case .sha512: EVP_sha512()
        }
        guard EVP_DigestVerifyInit(context, nil, algorithm, nil, pkey) == 1 else { return false }
        return EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
    }

    /// The public point of `certificate`'s key when it is EC on P-384: OpenSSL names the group for a named curve, and
    /// for explicit parameters equal to P-384's too (a certificate with explicit parameters fails the chain's strict
    /// checks before the key is used).
    private static func p384Point(of certificate: X509Certificate) -> [UInt8]? {
        defer { OpenSSLError.clearQueue() }
        guard let key = X509_get0_pubkey(certificate.x509), EVP_PKEY_get_base_id(key) == EVP_PKEY_EC else { return nil }
        var name = [CChar](repeating: 0, count: 32)
        var nameLength = 0
        guard EVP_PKEY_get_group_name(key, &name, name.count, &nameLength) == 1,
            String(decoding: name.prefix(nameLength).map { UInt8(bitPattern: $0) }, as: UTF8.self) == "secp384r1"
        else { return nil }
        var point = [UInt8](repeating: 0, count: 97)
        var length = 0
        guard EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, &point, point.count, &length) == 1, length > 0 else { return nil }
        return Array(point.prefix(length))
    }
}
