/// What a ``LintSession`` keeps between the tokens it lints, on its one thread: the last header decoded (tokens of
/// one signer share it byte for byte, and App Store data carries three certificates in it) and a verifier per key
/// it verified with (App Store data is verified with its leaf's key, not a given one).
final class SessionMemory {
    /// The last header segment, as bytes of the token, and what decoding it gave.
    var headerSegment: ArraySlice<UInt8> = []
    var header: JSONObject?
    var headerSegmentFindings: [Finding] = []
    var headerParseFindings: [Finding] = []
    var hasHeader = false

    /// The last chain verified from memory, by its `x5c` leaf and intermediate and the trust that verified it:
    /// data of one chain finds it without building and hashing a key of two certificates each time.
    var chainLeaf = "", chainIntermediate = ""
    var chain: CertificateTrust.VerifiedChain?
    var chainTrust: CertificateTrust?

    /// Verifiers by key, few: keys are kept so that an identifier is never reused while remembered.
    private var verifiers: [(key: ES256PublicKey, verifier: ES256Verifier)] = []
    private static let maximumVerifiers = 8

    /// A verifier for `key` on this thread, made once.
    func verifier(for key: ES256PublicKey) -> ES256Verifier? {
        if let found = verifiers.first(where: { $0.key === key }) { return found.verifier }
        guard let made = ES256Verifier(key: key) else { return nil }
        if verifiers.count >= Self.maximumVerifiers { verifiers.removeFirst() }
        verifiers.append((key, made))
        return made
    }
}
