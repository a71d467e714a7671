internal import COpenSSL

/// Trusted root certificates, and the verification of a leaf through an intermediate to one of them as of a given
/// time: what OpenSSL's `X509_verify_cert` decides, with `X509_V_FLAG_X509_STRICT` as Apple's Python verifier sets
/// it. Owns one `X509_STORE` holding the roots, freed in `deinit`; each verification makes and frees its own
/// context, so one trust may be used from several threads.
///
/// Chains that verified are remembered (``rememberedChain(leaf:intermediate:at:)``): App Store data comes signed by
/// a handful of chains, so that thousands of transactions cost one verification each of those, and each JWS is
/// then only checked against its chain's validity window as of its own date. Intermediates that verified are
/// remembered too: data signed by a leaf seen for the first time under a known intermediate costs the leaf's own
/// verification only (see ``verifyUnderRememberedIntermediate(leaf:leafText:intermediateText:at:leafExtension:intermediateExtension:)``).
///
/// `@unchecked Sendable`: the `X509_STORE` is built in `init` and only read afterwards (OpenSSL locks a store's own
/// caches); the remembered chains and their counters change only under `lock`.
final class CertificateTrust: @unchecked Sendable {
    private let store: OpaquePointer
    /// The roots, in the order given.
    let roots: [X509Certificate]

    /// A chain that verified, and what the checks after it need: it verifies again at any time within the window.
    /// Immutable but for its use count and its leaf key prepared for bulk verification, both under the trust's lock.
    ///
    /// `@unchecked Sendable`: its `let`s are set once; `uses` and `preparedKey` are read and written only while
    /// the trust holds its lock (they are `fileprivate` so that nothing else can reach them).
    final class VerifiedChain: @unchecked Sendable {
        /// The verified chain, leaf first.
        let certificates: [X509Certificate]
        /// The latest `notBefore` and the earliest `notAfter` of its certificates, in Unix seconds: the chain
        /// verifies as of any time from the first up to, not including, the second (``covers(_:)``).
        let validFrom: Double, validUntil: Double
        /// Whether the leaf and the certificate after it have the extensions asked for.
        let leafHasExtension: Bool, intermediateHasExtension: Bool
        /// The leaf's ES256 key, or why it has none.
        let leafKey: Result<ES256PublicKey, JWTLintError>
        /// The root's DER in standard base64, as `x5c` writes it.
        let rootText: String
        /// How many JWS used the chain from memory.
        fileprivate var uses = 0
        /// The leaf's key with its fixed-base table, made once the chain has signed ``bulkThreshold`` JWS.
        fileprivate var preparedKey: ES256PublicKey?

        /// Whether the chain verifies as of `time`: OpenSSL counts a certificate valid from its `notBefore` second
        /// and expired from its `notAfter` second on.
        func covers(_ time: Double) -> Bool { time >= validFrom && time < validUntil }

        init(
            certificates: [X509Certificate], validFrom: Double, validUntil: Double, leafHasExtension: Bool, intermediateHasExtension: Bool,
            leafKey: Result<ES256PublicKey, JWTLintError>
        ) {
            self.certificates = certificates
            self.validFrom = validFrom
            self.validUntil = validUntil
            self.leafHasExtension = leafHasExtension
            self.intermediateHasExtension = intermediateHasExtension
            self.leafKey = leafKey
            self.rootText = certificates.last.map { Base64.encode($0.der) } ?? ""
        }
    }

    /// From this many JWS signed under one chain on, its leaf key is prepared for bulk verification (about 20 ms),
    /// as the batch engine prepares a given key.
    static let bulkThreshold = 1000

    /// Verified chains by their leaf and intermediate as `x5c` writes them (base64), bounded.
    private var verified: [String: VerifiedChain] = [:]
    /// Intermediates that verified to a root, by their `x5c` text, bounded by ``maximumRemembered`` too.
    private var verifiedIntermediates: [String: VerifiedIntermediate] = [:]
    private let lock = Lock()
    /// How many chains are remembered; past it the memory starts again (hostile data cannot make it grow).
    static let maximumRemembered = 64

    /// Why a chain did not verify.
    struct Failure: Error, Sendable, Equatable {
        /// OpenSSL's `X509_V_ERR_*` code (0 when the store could not be set up).
        let code: Int32
        /// OpenSSL's words for it: "certificate has expired".
        let reason: String
        /// The position in the chain it concerns: 0 the leaf, 1 the intermediate, 2 the root.
        let depth: Int
    }

    /// A trust anchored in `roots` (none: nothing verifies).
    init(roots: [X509Certificate]) {
        guard let store = X509_STORE_new() else { fatalError("X509_STORE_new failed: out of memory") }
        for root in roots {
            // Adding the same root twice is harmless: OpenSSL keeps one.
            if X509_STORE_add_cert(store, root.x509) != 1 { OpenSSLError.clearQueue() }
        }
        self.store = store
        self.roots = roots
    }

    deinit {
        X509_STORE_free(store)
    }

    /// The chain of the `x5c` entries `leafText` and `intermediateText` when it verified before and `time` is within
    /// its window: no certificate is read and nothing verified again.
    /// The key to verify with comes along: the leaf's, prepared for bulk verification once the chain is much used.
    func rememberedChain(leaf leafText: String, intermediate intermediateText: String, at time: Double) -> (chain: VerifiedChain, preparedKey: ES256PublicKey?)? {
        let found = lock.withLock { verified[leafText + "." + intermediateText] }
        guard let chain = found, chain.covers(time) else { return nil }
        return (chain, use(chain))
    }

    /// Counts one more JWS verified under `chain` (which this trust verified) and returns its leaf key prepared
    /// for bulk verification, once it is much used: the thread that reaches the threshold prepares it.
    func use(_ chain: VerifiedChain) -> ES256PublicKey? {
        let (prepare, prepared) = lock.withLock {
            chain.uses += 1
            return (chain.uses == Self.bulkThreshold, chain.preparedKey)
        }
        if prepare, case .success(let key) = chain.leafKey {
            let preparedKey = key.preparedForBulkVerification()
            lock.withLock { chain.preparedKey = preparedKey }
            return preparedKey
        }
        return prepared
    }

    /// Verifies as ``verify(leaf:intermediate:at:)`` does, and remembers a chain that verified under the `x5c`
    /// entries it was read from, and its intermediate.
    func verifyRemembering(
        leaf: X509Certificate, intermediate: X509Certificate, leafText: String, intermediateText: String, at time: Double,
        leafExtension: String, intermediateExtension: String
    ) -> Result<VerifiedChain, Failure> {
        verify(leaf: leaf, intermediate: intermediate, at: time).map { certificates in
            let intermediate = VerifiedIntermediate(certificates: certificates)
            return remember(
                certificates, leafText: leafText, intermediateText: intermediateText, at: time, leafExtension: leafExtension,
                intermediateExtension: intermediateExtension, intermediate: intermediate)
        }
    }

    /// The chain of a leaf seen for the first time under an intermediate that verified before, within its window:
    /// only the leaf is verified (and the intermediate's `x5c` entry need not be read). `nil` when the intermediate
    /// is not remembered or the leaf does not verify under it; the caller then verifies the whole chain, which says why.
    func verifyUnderRememberedIntermediate(
        leaf: X509Certificate, leafText: String, intermediateText: String, at time: Double, leafExtension: String, intermediateExtension: String
    ) -> VerifiedChain? {
        guard let known = rememberedIntermediate(intermediateText, at: time), case .success(let certificates) = known.verify(leaf: leaf, at: time)
        else { return nil }
        return remember(
            certificates, leafText: leafText, intermediateText: intermediateText, at: time, leafExtension: leafExtension,
            intermediateExtension: intermediateExtension, intermediate: nil)
    }

    /// The chain `certificates` (verified as of `time`), remembered by its `x5c` entries, with `intermediate`
    /// remembered too when given.
    private func remember(
        _ certificates: [X509Certificate], leafText: String, intermediateText: String, at time: Double, leafExtension: String,
        intermediateExtension: String, intermediate: VerifiedIntermediate?
    ) -> VerifiedChain {
        let starts = certificates.compactMap(\.notBefore), ends = certificates.compactMap(\.notAfter)
        // A certificate whose dates cannot be read is verified anew each time: an empty window.
        let window = starts.count == certificates.count && ends.count == certificates.count
            ? (starts.max() ?? time, ends.min() ?? time) : (time, time - 1)
        let leafKey: Result<ES256PublicKey, JWTLintError>
        do {
            leafKey = .success(try certificates[0].es256PublicKey())
        } catch {
            leafKey = .failure(error)
        }
        let chain = VerifiedChain(
            certificates: certificates, validFrom: window.0, validUntil: window.1,
            leafHasExtension: certificates[0].hasExtension(oid: leafExtension),
            intermediateHasExtension: certificates.count > 1 && certificates[1].hasExtension(oid: intermediateExtension), leafKey: leafKey)
        lock.withLock {
            if verified.count >= Self.maximumRemembered { verified.removeAll(keepingCapacity: true) }
            verified[leafText + "." + intermediateText] = chain
            if let intermediate {
                if verifiedIntermediates.count >= Self.maximumRemembered { verifiedIntermediates.removeAll(keepingCapacity: true) }
                verifiedIntermediates[intermediateText] = intermediate
            }
        }
        return chain
    }

    /// The intermediate of the `x5c` entry `text`, when it verified to a root before and `time` is within the
    /// window of both.
    private func rememberedIntermediate(_ text: String, at time: Double) -> VerifiedIntermediate? {
        let found = lock.withLock { verifiedIntermediates[text] }
        guard let found, found.covers(time) else { return nil }
        return found
    }

    /// Verifies `leaf` through `intermediate` (given as untrusted) to a trusted root, as of `time` (Unix seconds).
    /// - Returns: The verified chain, leaf first, as the certificates given (the root one of ``roots``).
    func verify(leaf: X509Certificate, intermediate: X509Certificate, at time: Double) -> Result<[X509Certificate], Failure> {
        guard let context = X509_STORE_CTX_new() else { return .failure(Failure(code: 0, reason: "out of memory", depth: 0)) }
        defer { X509_STORE_CTX_free(context) }
        guard let untrusted = copenssl_x509_stack_new() else { return .failure(Failure(code: 0, reason: "out of memory", depth: 0)) }
        defer { copenssl_x509_stack_free(untrusted) }
        // The stack only borrows the intermediate: freeing the stack (not its elements) leaves it to its owner.
        guard copenssl_x509_stack_push(untrusted, intermediate.x509) > 0, X509_STORE_CTX_init(context, store, leaf.x509, untrusted) == 1 else {
            let reason = OpenSSLError.drainQueue()
            return .failure(Failure(code: 0, reason: reason, depth: 0))
        }
        X509_STORE_CTX_set_flags(context, UInt(X509_V_FLAG_X509_STRICT))
        X509_STORE_CTX_set_time(context, 0, time_t(time.rounded(.down)))
        let verified = X509_verify_cert(context)
        OpenSSLError.clearQueue()
        guard verified == 1 else {
            let code = X509_STORE_CTX_get_error(context)
            let reason = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "error \(code)"
            return .failure(Failure(code: code, reason: reason, depth: Int(X509_STORE_CTX_get_error_depth(context))))
        }
        guard let chain = X509_STORE_CTX_get0_chain(context) else {
            return .failure(Failure(code: 0, reason: "no chain", depth: 0))
        }
        let known = [leaf, intermediate] + roots
        var result: [X509Certificate] = []
        for index in 0..<copenssl_x509_stack_count(chain) {
            let element = copenssl_x509_stack_get(chain, index)
            guard let match = known.first(where: { $0.x509 == element }) else {
                return .failure(Failure(code: 0, reason: "the verified chain holds a certificate that was not given", depth: Int(index)))
            }
            result.append(match)
        }
        return .success(result)
    }
}
