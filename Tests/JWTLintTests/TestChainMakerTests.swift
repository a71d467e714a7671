import Testing
@testable import JWTLint

@Suite("Test chains made at run time")
struct TestChainMakerTests {
    static let now = 1_767_225_600.0

    static func transaction(signedDate: Double) -> String {
        #"{"transactionId":"2000000000000001","originalTransactionId":"2000000000000001","bundleId":"com.example.app","productId":"com.example.monthly","#
            + #""purchaseDate":\#(Int64(signedDate * 1000)),"type":"Auto-Renewable Subscription","inAppOwnershipType":"PURCHASED","#
            + #""signedDate":\#(Int64(signedDate * 1000)),"environment":"Sandbox"}"#
    }

    @Test("Data signed by a new chain verifies as Apple's verifier would, with its root trusted, and only then")
    func signedDataVerifiesWithItsRoot() throws {
        let chain = try TestChainMaker.make(now: Self.now)
        let jws = try chain.sign(payload: Self.transaction(signedDate: Self.now))
        var options = LintOptions(now: Self.now, bundleID: "com.example.app", profile: .pinned(.appleSigned))
        options.environment = .sandbox
        options.trustedRoots = try TrustedRoots(adding: [chain.root], includingApple: false)
        let trusted = Linter(options: options).lint(jws)
        #expect(trusted.verificationStatus == .ok, "\(trusted.findings.map { "\($0.rule): \($0.message)" })")
        #expect(!trusted.hasErrors, "\(trusted.findings.map { "\($0.rule): \($0.message)" })")
        // Never verifiable against Apple's root: its keys are new.
        options.trustedRoots = .apple
        let apple = Linter(options: options).lint(jws)
        #expect(apple.verificationStatus == .verificationFailure)
        #expect(apple.findings.contains { $0.rule == .x5cChain })
    }

    @Test("Each chain has new keys, its PEM root reads back as its DER, and its leaf expires when it says")
    func chainsDiffer() throws {
        let first = try TestChainMaker.make(now: Self.now), second = try TestChainMaker.make(now: Self.now)
        #expect(first.root != second.root && first.leaf != second.leaf)
        #expect(try TrustedRoots.certificates(in: Array(first.rootPEM.utf8)) == [first.root])
        let leaf = try X509Certificate(der: first.leaf)
        #expect(leaf.hasExtension(oid: SignedDataCheck.leafOID))
        #expect(try X509Certificate(der: first.intermediate).hasExtension(oid: SignedDataCheck.intermediateOID))
        // Two years on, the leaf has expired: data signed then fails as of its signedDate.
        let late = Self.now + 3 * 31_556_952
        let jws = try first.sign(payload: Self.transaction(signedDate: late))
        var options = LintOptions(now: late, bundleID: "com.example.app", profile: .pinned(.appleSigned))
        options.trustedRoots = try TrustedRoots(adding: [first.root], includingApple: false)
        #expect(Linter(options: options).lint(jws).verificationStatus == .verificationFailure)
    }
}
