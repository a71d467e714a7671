import Testing
@testable import JWTLint

@Suite("Clearing freed memory")
struct MemoryClearingTests {
    @Test("OpenSSL clears the memory it frees: jwtlint set that up before OpenSSL's first allocation")
    func openSSLClearsFreedMemory() throws {
        _ = try VerificationKey.load(contentsOf: VectorFiles.path("keys/SubscriptionKey_TESTKEYA01.p8"))
        _ = SHA256.digest([1, 2, 3])
        #expect(OpenSSLMemory.clearsFreedMemory)
    }

    @Test("A private JWK is refused, and its d is never copied out of the JSON parser")
    func privateJWKIsRefused() throws {
        #expect(throws: KeyError.self) { try VerificationKey.load(contentsOf: VectorFiles.path("keys/bad/jwk-private.json")) }
        do {
            _ = try VerificationKey.load(contentsOf: VectorFiles.path("keys/bad/jwk-private.json"))
        } catch {
            #expect("\(error)".contains("is a private JWK"))
        }
    }
}
