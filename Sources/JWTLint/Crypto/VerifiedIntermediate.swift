internal import COpenSSL

/// An intermediate that verified to a trusted root, kept to verify new leaves under it: OpenSSL's
/// `X509_verify_cert` with the intermediate as the one trusted certificate (`X509_V_FLAG_PARTIAL_CHAIN`) and the
/// same strict flags, so a new leaf costs its own signature's verification (one P-384 verification for Apple's
/// chain) rather than the intermediate's too.
///
/// Only a success is taken from it: what concerns the intermediate and the root was checked when the intermediate
/// verified, as of any time it ``covers(_:)``, and does not depend on the leaf, except a root's name constraints
/// and the RFC 3779 IP address and AS number resources (OpenSSL checks a leaf's against the whole chain), so an
/// intermediate under a root with name constraints, or one that carries either resource extension, is not kept. A failure is verified again from the root by
/// the caller, so that it is reported as for a chain never seen.
///
/// From the second leaf on, an intermediate with a P-384 key verifies leaves' signatures with its key prepared with
/// fixed-base tables (``FixedBaseIssuerKey``): OpenSSL still builds and checks the chain, and the verify step it
/// calls checks what its own does for this chain (the intermediate's and the leaf's validity at the time, the leaf
/// issued by the intermediate, the leaf's signature with `X509_verify`), with that key.
///
/// Owns one `X509_STORE` holding the intermediate, freed in `deinit`. `@unchecked Sendable`: the store is built in
/// `init` and only read afterwards (OpenSSL locks a store's own caches), as ``CertificateTrust``'s; the prepared key
/// is set once, under `lock`.
final class VerifiedIntermediate: @unchecked Sendable {
    private let store: OpaquePointer
    private let lock = Lock()
    /// `nil` until a second leaf is verified under the intermediate; then the prepared key, or `.some(nil)` when it has none.
    private var issuerKey: FixedBaseIssuerKey??
    /// Makes the prepared key from the intermediate: ``FixedBaseIssuerKey/init(certificate:)``, or in tests a key that
    /// shows whether it is the one that checks leaves' signatures.
    private let makeIssuerKey: @Sendable (X509Certificate) -> FixedBaseIssuerKey?
    /// The intermediate and the root it verified to.
    let intermediate: X509Certificate, root: X509Certificate
    /// The latest `notBefore` and the earliest `notAfter` of the intermediate and the root, in Unix seconds.
    let validFrom: Double, validUntil: Double

    /// Whether the intermediate and the root are valid as of `time`: from their `notBefore` second, and expired from
    /// their `notAfter` second on, as OpenSSL counts it.
    func covers(_ time: Double) -> Bool { time >= validFrom && time < validUntil }

    /// Keeps the intermediate of `certificates` (leaf, intermediate, root, as ``CertificateTrust/verify(leaf:intermediate:at:)``
    /// returned them); `nil` when it cannot, or should not, be kept.
    init?(
        certificates: [X509Certificate],
        makeIssuerKey: @escaping @Sendable (X509Certificate) -> FixedBaseIssuerKey? = { FixedBaseIssuerKey(certificate: $0) }
    ) {
        guard certificates.count == 3 else { return nil }
        let (intermediate, root) = (certificates[1], certificates[2])
        guard X509_get_ext_by_NID(root.x509, NID_name_constraints, -1) < 0,
            X509_get_ext_by_NID(intermediate.x509, NID_sbgp_ipAddrBlock, -1) < 0,
            X509_get_ext_by_NID(intermediate.x509, NID_sbgp_autonomousSysNum, -1) < 0,
            let from = [intermediate.notBefore, root.notBefore].compactMap({ $0 }).max(),
            let until = [intermediate.notAfter, root.notAfter].compactMap({ $0 }).min(),
            intermediate.notBefore != nil, root.notBefore != nil, intermediate.notAfter != nil, root.notAfter != nil,
            let store = X509_STORE_new()
        else {
            OpenSSLError.clearQueue()
            return nil
        }
        guard X509_STORE_add_cert(store, intermediate.x509) == 1 else {
            OpenSSLError.clearQueue()
            X509_STORE_free(store)
            return nil
        }
        self.store = store
        self.makeIssuerKey = makeIssuerKey
        (self.intermediate, self.root, self.validFrom, self.validUntil) = (intermediate, root, from, until)
    }

    deinit {
        X509_STORE_free(store)
    }

    /// Verifies `leaf` as issued by the intermediate, as of `time` (within the window), with the flags of a whole
    /// chain's verification.
    /// - Returns: The chain, leaf, intermediate and root; or a failure that says only that it did not verify here
    ///   (the caller verifies anew to say why).
    func verify(leaf: X509Certificate, at time: Double) -> Result<[X509Certificate], CertificateTrust.Failure> {
        let failure = CertificateTrust.Failure(code: 0, reason: "not verified under the remembered intermediate", depth: 0)
        guard let context = X509_STORE_CTX_new() else { return .failure(failure) }
        defer {
            X509_STORE_CTX_free(context)
            OpenSSLError.clearQueue()
        }
        guard X509_STORE_CTX_init(context, store, leaf.x509, nil) == 1 else { return .failure(failure) }
        X509_STORE_CTX_set_flags(context, UInt(X509_V_FLAG_X509_STRICT) | UInt(X509_V_FLAG_PARTIAL_CHAIN))
        X509_STORE_CTX_set_time(context, 0, time_t(time.rounded(.down)))
        let verified = preparedKey()?.verifyCertificate(in: context, issuer: intermediate) ?? X509_verify_cert(context)
        guard verified == 1, let chain = X509_STORE_CTX_get0_chain(context), copenssl_x509_stack_count(chain) == 2,
            copenssl_x509_stack_get(chain, 0) == leaf.x509, copenssl_x509_stack_get(chain, 1) == intermediate.x509
        else { return .failure(failure) }
        return .success([leaf, intermediate, root])
    }

    /// Whether leaves are verified with the intermediate's key prepared with fixed-base tables (from the second leaf on,
    /// for a P-384 intermediate).
    var usesFixedBaseKey: Bool {
        lock.withLock {
            if case .some(.some) = issuerKey { return true }
            return false
        }
    }

    /// The intermediate's key with fixed-base tables, made at the first call: at the second leaf seen under the
    /// intermediate, since most intermediates sign one leaf in a run. `nil` when it has none (not P-384), and to
    /// another thread while it is being made.
    private func preparedKey() -> FixedBaseIssuerKey? {
        let known = lock.withLock { () -> FixedBaseIssuerKey?? in
            defer { if issuerKey == nil { issuerKey = .some(nil) } }
            return issuerKey
        }
        switch known {
        case .some(let key): return key
        case .none:
            let made = makeIssuerKey(intermediate)
            lock.withLock { issuerKey = .some(made) }
            return made
        }
    }
}
