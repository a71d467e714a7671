import Testing
@testable import JWTLint

@Suite("Clearing freed memory")
struct MemoryClearingTests {
    /// Whether freed memory is really cleared is checked end to end, on a running jwtlint (which turns the switch
    /// on first thing), by `KeyHygieneTests.memoryHoldsNoKey` (Linux). In this test process the switch is never
    /// turned on: importing the library leaves the host's allocators alone.
    @Test("Turned on after OpenSSL and jansson have allocated, the switch reports that it could not take effect")
    func switchRefusesLateCalls() throws {
        _ = try VerificationKey.load(contentsOf: VectorFiles.path("keys/TESTKEYA01.jwk.json"))
        _ = SHA256.digest([1, 2, 3])
        #expect(!MemoryHygiene.clearFreedMemory())
        #expect(!OpenSSLMemory.clearsFreedMemory)
        #expect(!JSONParser.clearsFreedMemory)
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
