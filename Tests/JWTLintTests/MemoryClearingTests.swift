import Testing
@testable import JWTLint

@Suite("Clearing freed memory")
struct MemoryClearingTests {
    /// Whether freed memory is really cleared is checked end to end, on a running jwtlint, by
    /// `KeyHygieneTests.memoryHoldsNoKey` (Linux); this checks the set-up that makes it so.
    @Test("OpenSSL accepted jwtlint's clearing allocator: no OpenSSL call came before jwtlint's set-up")
    func openSSLTookTheClearingAllocator() throws {
        _ = try VerificationKey.load(contentsOf: VectorFiles.path("keys/SubscriptionKey_TESTKEYA01.p8"))
        _ = SHA256.digest([1, 2, 3])
        #expect(OpenSSLMemory.clearsFreedMemory)
    }

    @Test("A private JWK is refused with a reason that says so")
    func privateJWKIsRefused() throws {
        #expect {
            try VerificationKey.load(contentsOf: VectorFiles.path("keys/bad/jwk-private.json"))
        } throws: { error in
            "\(error)".contains("is a private JWK")
        }
    }
}
