import JWTLint
import Testing

/// Finds the main package's `Vectors/` folder from this file's path.
enum Fixtures {
    static func path(_ relative: String) -> String {
        var path = "\(#filePath)"
        for _ in 0..<6 {  // …/Tests/Fixtures/Consumer/Tests/ConsumerTests/BatchTests.swift → the repository root
            path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        }
        return path + "/Vectors/" + relative
    }
}

@Suite("A batch of tokens on every core")
struct BatchTests {
    @Test("A thousand tokens lint in input order on every core, and the broken ones are found by their typed rule ID")
    func batchOnAllCores() throws {
        let key = try SigningKey.load(contentsOf: Fixtures.path("keys/SubscriptionKey_TESTKEYA01.p8"))
        let now: Int64 = 1_767_225_600
        let issuer = "57246542-96fe-1a63-e053-0824d011072a"
        // Every tenth token lives two hours: the signer refuses that, so it is made with an iat an hour and a half old.
        let tokens = try (0..<1000).map { index in
            try TokenSigner.token(
                key: key.privateKey, keyID: "TESTKEYA01", issuer: issuer, bundleID: "com.example.app",
                issuedAt: index % 10 == 0 ? now - 5400 : now - Int64(index % 60))
        }
        let linter = Linter(options: LintOptions(now: Double(now), key: key.privateKey.publicKey, issuer: issuer, bundleID: "com.example.app"))
        let results = linter.lint(lines: tokens, jobs: ProcessorCount.online)
        #expect(results.count == tokens.count)
        for (index, result) in results.enumerated() {
            if index % 10 == 0 {
                #expect(result.ruleIDs == [.expiration], "token \(index)")
                #expect(result.findings.first?.cause == .expired, "token \(index)")
            } else {
                #expect(result.findings.isEmpty, "token \(index): \(result.findings.map(\.message))")
            }
        }
    }
}
