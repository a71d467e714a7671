internal import COpenSSL

/// A curve whose generator's multiples are precomputed (OpenSSL's `EC_GROUP_precompute_mult`), so that multiplying
/// that point is a fixed-base multiplication: a few additions instead of hundreds of doublings. The generator is the
/// curve's own or a public key's point (the group then stands for "multiples of this key"), for verifying many
/// signatures by one key: a bulk ES256 key (``ES256PublicKey/preparedForBulkVerification()``) and a remembered
/// intermediate's P-384 key (``FixedBaseIssuerKey``).
enum FixedBaseTable {
    /// `curve` (an OpenSSL NID) with `point` (SEC 1 encoding) as its generator, or the curve's own generator when
    /// `point` is `nil`, and its multiples precomputed; `nil` when the point is not on the curve or OpenSSL cannot
    /// precompute. The caller owns the group (`EC_GROUP_free`).
    static func make(curve: Int32, generator point: [UInt8]?) -> OpaquePointer? {
        guard let standard = EC_GROUP_new_by_curve_name(curve) else { return nil }
        defer { EC_GROUP_free(standard) }
        guard let group = EC_GROUP_new_by_curve_name(curve) else { return nil }
        let context = BN_CTX_new()
        let generator = EC_POINT_new(group)
        defer {
            BN_CTX_free(context)
            EC_POINT_free(generator)
            OpenSSLError.clearQueue()
        }
        guard let context, let generator else {
            EC_GROUP_free(group)
            return nil
        }
        if let point {
            guard EC_POINT_oct2point(group, generator, point, point.count, context) == 1,
                EC_GROUP_set_generator(group, generator, EC_GROUP_get0_order(standard), EC_GROUP_get0_cofactor(standard)) == 1
            else {
                EC_GROUP_free(group)
                return nil
            }
        }
        guard copenssl_precompute_mult(group, context) == 1 else {
            EC_GROUP_free(group)
            return nil
        }
        return group
    }
}
