// The Swift example of the README's "Testing your server against jwtlint serve", as it is printed there.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JWTLint
import Testing

@Suite("Our App Store Server API client against jwtlint serve")
struct StandInClientTests {
    static let issuer = "57246542-96fe-1a63-e053-0824d011072a"

    /// Starts `jwtlint serve` (from $JWTLINT, else PATH) on a free port; its first line is the base URL.
    static func startStandIn(root: String) throws -> (Process, URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["JWTLINT"] ?? "/usr/bin/env")
        let serve = ["serve", "--key", Fixtures.path("keys/SubscriptionKey_TESTKEYA01.p8"), "--issuer", issuer,
                     "--bundle-id", "com.example.app", "--port", "0", "--write-root", root]
        process.arguments = ProcessInfo.processInfo.environment["JWTLINT"] == nil ? ["jwtlint"] + serve : serve
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line += byte
        }
        return (process, try #require(URL(string: String(decoding: line, as: UTF8.self))))
    }

    /// Stands in for your own server code: the token and the request it sends.
    static func transactionRequest(_ base: URL, bundleID: String) throws -> URLRequest {
        let key = try SigningKey.load(contentsOf: Fixtures.path("keys/SubscriptionKey_TESTKEYA01.p8"))
        let token = try TokenSigner.token(
            key: key.privateKey, keyID: "TESTKEYA01", issuer: issuer, bundleID: bundleID, issuedAt: Int64(Date().timeIntervalSince1970))
        var request = URLRequest(url: base.appendingPathComponent("inApps/v1/transactions/2000000000000011"))
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        return request
    }

    @Test("Our token is accepted and the transaction verifies; a wrong bundle ID gets Apple's 401, with the rule named")
    func transactionInfo() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stand-in-root-\(UUID()).pem").path
        let (server, base) = try Self.startStandIn(root: root)
        defer { server.terminate() }

        let (body, response) = try await URLSession.shared.data(for: try Self.transactionRequest(base, bundleID: "com.example.app"))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let answer = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let jws = try #require(answer["signedTransactionInfo"] as? String)
        // Verify as Apple's SignedDataVerifier would, trusting the stand-in's test root (never in production).
        var options = LintOptions(now: Date().timeIntervalSince1970, bundleID: "com.example.app", profile: .pinned(.appleSigned))
        options.environment = .sandbox
        options.trustedRoots = try TrustedRoots(adding: TrustedRoots.certificates(in: Array(try Data(contentsOf: URL(fileURLWithPath: root)))))
        #expect(Linter(options: options).lint(jws).verificationStatus == .ok)

        let (_, refused) = try await URLSession.shared.data(for: try Self.transactionRequest(base, bundleID: "com.example.other"))
        let http = try #require(refused as? HTTPURLResponse)
        #expect(http.statusCode == 401)
        #expect(http.value(forHTTPHeaderField: "X-JWTLint-Findings")?.contains("claims.bid") == true)
    }
}
