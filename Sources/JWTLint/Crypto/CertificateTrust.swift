internal import COpenSSL

/// Trusted root certificates, and the verification of a leaf through an intermediate to one of them as of a given
/// time: what OpenSSL's `X509_verify_cert` decides, with `X509_V_FLAG_X509_STRICT` as Apple's Python verifier sets
/// it. Owns one `X509_STORE` holding the roots, freed in `deinit`; each verification makes and frees its own
/// context, so one trust may be used from several threads.
final class CertificateTrust: @unchecked Sendable {
    private let store: OpaquePointer
    /// The roots, in the order given.
    let roots: [X509Certificate]

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
