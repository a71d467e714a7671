import Foundation
import Testing
import JWTLint

/// Tokens made for test key A by Apple's own app-store-server-library and by PyJWT (Vectors/real/generate.sh)
/// lint with no error, checked at the time they were made.
@Suite("Tokens from Apple's library and PyJWT")
struct RealTokenTests {
    struct Token: CustomStringConvertible, Sendable {
        let source: String, token: String
        var description: String { source }
    }

    static let generatedAt: Double? = ((try? VectorFiles.json("real/tokens.json"))?["generatedAt"] as? NSNumber)?.doubleValue
    static let tokens: [Token] = ((try? VectorFiles.json("real/tokens.json"))?["tokens"] as? [[String: Any]] ?? []).map {
        Token(source: $0["source"] as? String ?? "?", token: $0["token"] as? String ?? "")
    }

    @Test("Tokens from Apple's library and from PyJWT are both present")
    func bothSourcesPresent() {
        #expect(Self.tokens.contains { $0.source.contains("app-store-server-library") })
        #expect(Self.tokens.contains { $0.source.contains("PyJWT") })
    }

    @Test("Each lints with no error finding and a verified signature", arguments: tokens)
    func lintsClean(_ token: Token) throws {
        let generatedAt = try #require(Self.generatedAt)
        let key = try VectorFiles.key("keys/SubscriptionKey_TESTKEYA01.p8")
        let options = LintOptions(
            now: generatedAt + 1, key: key.publicKey, keyIDFromFileName: key.keyIDFromFileName,
            issuer: "57246542-96fe-1a63-e053-0824d011072a", bundleID: "com.example.app")
        let result = Linter(options: options).lint(token.token)
        #expect(!result.hasErrors, "\(token.source): \(result.findings.map { "\($0.rule): \($0.message)" })")
        #expect(result.signature == .verified)
    }
}
