internal import COpenSSL

extension ES256PublicKey {
    /// Whether `signature` (64-byte raw `r || s`, both in range) is a valid ES256 signature of `message` under this
    /// key, by OpenSSL's one-shot `EVP_DigestVerify`. The reference path: ``ES256Verifier`` must agree with it.
    func isValidSignature(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        let der = ECDSASignature.der(fromRaw: signature)
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        defer { OpenSSLError.clearQueue() }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, pkey) == 1 else { return false }
        return EVP_DigestVerify(context, der, der.count, message, message.count) == 1
    }
}

/// Verifies many ES256 signatures with one key on one thread, reusing every OpenSSL object between calls.
///
/// Not thread-safe: make one per thread. Two paths:
/// - with a key prepared for bulk verification, ECDSA verification (FIPS 186-5 §6.4.2) done with OpenSSL's
///   primitives: w = s⁻¹ mod n, u1 = e·w, u2 = r·w, R = u1·G + u2·Q with both multiplications fixed-base, and
///   valid when R is not the point at infinity and x(R) mod n = r;
/// - otherwise SHA-256 with a reused digest context and `EVP_PKEY_verify` on a context initialised once.
final class ES256Verifier {
    let key: ES256PublicKey
    private let sha256: OpaquePointer
    private let digestContext: OpaquePointer
    private let verifyContext: OpaquePointer
    /// Present when the key is prepared for bulk verification.
    private let fixedBase: FixedBaseState?
    private var digest = [UInt8](repeating: 0, count: 32)
    private var der = [UInt8](repeating: 0, count: 72)

    /// The big numbers and points one fixed-base verification works with, allocated once.
    private final class FixedBaseState {
        let keyGroup: OpaquePointer
        let standardGroup: OpaquePointer
        let context: OpaquePointer
        let numbers: [OpaquePointer]  // r, s, e, w, u1, u2, x
        let points: [OpaquePointer]  // u1·G, u2·Q

        init?(keyGroup: OpaquePointer) {
            var numbers: [OpaquePointer] = []
            var points: [OpaquePointer] = []
            let context = BN_CTX_new()
            let standardGroup = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1)
            for _ in 0..<7 { if let number = BN_new() { numbers.append(number) } }
            if let standardGroup {
                for _ in 0..<2 { if let point = EC_POINT_new(standardGroup) { points.append(point) } }
            }
            guard let context, let standardGroup, numbers.count == 7, points.count == 2 else {
                BN_CTX_free(context)
                numbers.forEach { BN_free($0) }
                points.forEach { EC_POINT_free($0) }
                EC_GROUP_free(standardGroup)
                return nil
            }
            self.keyGroup = keyGroup
            self.standardGroup = standardGroup
            self.context = context
            self.numbers = numbers
            self.points = points
        }

        deinit {
            BN_CTX_free(context)
            numbers.forEach { BN_free($0) }
            points.forEach { EC_POINT_free($0) }
            EC_GROUP_free(standardGroup)
        }
    }

    /// A verifier for `key`, or `nil` when OpenSSL cannot allocate its contexts.
    init?(key: ES256PublicKey) {
        self.key = key
        let sha256 = EVP_MD_fetch(nil, "SHA256", nil)
        let digestContext = EVP_MD_CTX_new()
        let verifyContext = EVP_PKEY_CTX_new_from_pkey(nil, key.pkey, nil)
        var fixedBase: FixedBaseState? = nil
        if let keyGroup = key.fixedBaseGroup {
            fixedBase = FixedBaseState(keyGroup: keyGroup)
        }
        guard let sha256, let digestContext, let verifyContext, EVP_PKEY_verify_init(verifyContext) == 1,
            fixedBase != nil || key.fixedBaseGroup == nil
        else {
            EVP_MD_free(sha256)
            EVP_MD_CTX_free(digestContext)
            EVP_PKEY_CTX_free(verifyContext)
            OpenSSLError.clearQueue()
            return nil
        }
        self.sha256 = sha256
        self.digestContext = digestContext
        self.verifyContext = verifyContext
        self.fixedBase = fixedBase
    }

    deinit {
        EVP_MD_free(sha256)
        EVP_MD_CTX_free(digestContext)
        EVP_PKEY_CTX_free(verifyContext)
    }

    /// Whether `signature` (64-byte raw `r || s`, both already checked to lie in 1...n−1) is a valid ES256
    /// signature of `message`.
    func isValidSignature(_ signature: [UInt8], of message: UnsafeRawBufferPointer) -> Bool {
        defer { OpenSSLError.clearQueue() }
        var length: UInt32 = 0
        guard EVP_DigestInit_ex2(digestContext, sha256, nil) == 1,
            EVP_DigestUpdate(digestContext, message.baseAddress, message.count) == 1,
            EVP_DigestFinal_ex(digestContext, &digest, &length) == 1, length == 32
        else { return false }
        if let fixedBase {
            return verifyWithFixedBases(signature, state: fixedBase)
        }
        let derLength = ECDSASignature.der(fromRaw: signature, into: &der)
        return EVP_PKEY_verify(verifyContext, der, derLength, digest, 32) == 1
    }

    private func verifyWithFixedBases(_ signature: [UInt8], state: FixedBaseState) -> Bool {
        let numbers = state.numbers, points = state.points
        let (r, s, e, w, u1, u2, x) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6])
        let group = state.standardGroup
        let order = EC_GROUP_get0_order(group)
        let context = state.context
        let loaded = signature.withUnsafeBufferPointer { raw in
            BN_bin2bn(raw.baseAddress, 32, r) != nil && BN_bin2bn(raw.baseAddress! + 32, 32, s) != nil
        }
        guard loaded, BN_bin2bn(digest, 32, e) != nil,
            BN_mod_inverse(w, s, order, context) != nil,
            BN_mod_mul(u1, e, w, order, context) == 1,
            BN_mod_mul(u2, r, w, order, context) == 1,
            EC_POINT_mul(group, points[0], u1, nil, nil, context) == 1,
            EC_POINT_mul(state.keyGroup, points[1], u2, nil, nil, context) == 1,
            EC_POINT_add(group, points[0], points[0], points[1], context) == 1,
            EC_POINT_is_at_infinity(group, points[0]) == 0,
            EC_POINT_get_affine_coordinates(group, points[0], x, nil, context) == 1,
            BN_nnmod(x, x, order, context) == 1
        else { return false }
        return BN_cmp(x, r) == 0
    }
}
