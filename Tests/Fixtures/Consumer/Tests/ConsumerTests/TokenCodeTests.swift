// The example of the documentation article "Testing your token code with JWTLint"
// (Sources/JWTLint/JWTLint.docc/TestingYourTokenCode.md), as it is printed there.
import JWTLint
import Testing

@Suite("Our App Store Server API tokens")
struct TokenCodeTests {
    static let now: Int64 = 1_767_225_600
    static let issuer = "57246542-96fe-1a63-e053-0824d011072a"
    static let bundleID = "com.example.app"

    /// A test-only key, never one Apple knows.
    static func fixtureKey() throws -> SigningKey {
        try SigningKey.load(contentsOf: Fixtures.path("keys/SubscriptionKey_TESTKEYA01.p8"))
    }

    /// What Apple will check: the key, its ID, the issuer and bundle IDs, as of a fixed time.
    static func linter(for key: SigningKey) -> Linter {
        Linter(options: LintOptions(
            now: Double(now), key: key.privateKey.publicKey, expectedKeyID: "TESTKEYA01",
            issuer: issuer, bundleID: bundleID))
    }

    /// Stands in for your own server code that makes the bearer token.
    static func makeToken(key: SigningKey, issuedAt: Int64) throws -> String {
        try TokenSigner.token(key: key.privateKey, keyID: "TESTKEYA01", issuer: issuer, bundleID: bundleID, issuedAt: issuedAt)
    }

    @Test("The token our server makes lints with no findings")
    func cleanToken() throws {
        let key = try Self.fixtureKey()
        let result = Self.linter(for: key).lint(try Self.makeToken(key: key, issuedAt: Self.now))
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
        #expect(result.signature == .verified)
    }

    @Test("A token issued in milliseconds is caught by claims.iat")
    func millisecondsToken() throws {
        let key = try Self.fixtureKey()
        let result = Self.linter(for: key).lint(try Self.makeToken(key: key, issuedAt: Self.now * 1000))
        #expect(result.hasErrors)
        #expect(result.findings.contains { $0.rule == .issuedAt && $0.cause == .milliseconds })
    }
}
