import Foundation
import Testing

/// `jwtlint lint` on data the App Store signs, end to end: the flags, the verdict by Apple's status, the exit status.
@Suite("jwtlint lint on App Store-signed data, end to end")
struct SignedDataCommandTests {
    static func jws(_ name: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.vector("signed/cases.json")))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(document["cases"] as? [[String: Any]])
        return try #require(cases.first { $0["name"] as? String == name }?["jws"] as? String)
    }

    static let testRoot = CLI.vector("signed/chain/root.pem")

    @Test("A notification of the test chain, its root trusted, passes with Apple's verdict OK; without the root it fails")
    func notificationVerdicts() throws {
        let notification = try Self.jws("notification-ok")
        let trusted = try CLI.run(["lint", "--root", Self.testRoot, "--environment", "sandbox", "--bundle-id", "com.example.app", notification])
        #expect(trusted.status == 0, "\(trusted.standardOutput)\(trusted.standardError)")
        #expect(trusted.standardOutput.contains("profile apple-signed; Apple's verifier: OK (notification)"))
        #expect(trusted.standardOutput.contains(#""x5c":"(3 certificates)""#))
        let untrusted = try CLI.run(["lint", "--environment", "sandbox", "--bundle-id", "com.example.app", notification])
        #expect(untrusted.status == 1)
        #expect(untrusted.standardOutput.contains("Apple's verifier: VERIFICATION_FAILURE"))
        #expect(untrusted.standardOutput.contains("x5c.chain"))
    }

    @Test("The configuration file gives the signed-data settings (its root relative to its folder); flags replace them")
    func configurationFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-signed-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("chain"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: Self.testRoot, toPath: directory.appendingPathComponent("chain/root.pem").path)
        let config = directory.appendingPathComponent(".jwtlint.json").path
        try Data(#"{"bundleId": "com.example.app", "environment": "production", "appAppleId": 1234567890, "roots": ["chain/root.pem"], "at": "signed-date"}"#.utf8)
            .write(to: URL(fileURLWithPath: config))
        let production = try Self.jws("notification-production-ok")
        let configured = try CLI.run(["lint", "--config", config, production])
        #expect(configured.status == 0, "\(configured.standardOutput)\(configured.standardError)")
        #expect(configured.standardOutput.contains("Apple's verifier: OK (notification)"))
        // The flag wins over the file: sandbox expected, production data.
        let overridden = try CLI.run(["lint", "--config", config, "--environment", "sandbox", production])
        #expect(overridden.status == 1)
        #expect(overridden.standardOutput.contains("Apple's verifier: INVALID_ENVIRONMENT"))
        // So does --at: the test leaf expires in 2028.
        let later = try CLI.run(["lint", "--config", config, "--at", "now", "--now", "1893456000", production])
        #expect(later.status == 1 && later.standardOutput.contains("x5c.chain"))
    }

    @Test("JSON results carry verificationStatus and payloadType, and the summary counts the profile")
    func jsonMembers() throws {
        let run = try CLI.run([
            "lint", "--format", "json", "--root", Self.testRoot, "--environment", "production", "--app-apple-id", "1234567890",
            "--bundle-id", "com.example.app", try Self.jws("transaction-ok"),
        ])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let result = try #require((object["results"] as? [[String: Any]])?.first)
        #expect(result["profile"] as? String == "apple-signed")
        #expect(result["verificationStatus"] as? String == "INVALID_ENVIRONMENT")
        #expect(result["payloadType"] as? String == "transaction")
        #expect(((result["findings"] as? [[String: Any]]) ?? []).contains { $0["rule"] as? String == "signed-data.environment" })
        #expect((object["summary"] as? [String: Any]).flatMap { $0["profiles"] as? [String: Int] } == ["apple-signed": 1])
    }

    @Test("Bad values of the signed-data flags end the run with one line and exit 2", arguments: [
        ["--environment", "staging"], ["--app-apple-id", "abc"], ["--at", "yesterday"], ["--root", "/nonexistent/root.pem"],
        ["--root", CLI.vector("keys/TESTKEYA01.pub.pem")],
    ])
    func badFlags(_ flags: [String]) throws {
        let run = try CLI.run(["lint"] + flags + ["x.y.z"])
        #expect(run.status == 2)
        #expect(run.standardError.split(separator: "\n").count == 1, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let sandbox = ["--root", testRoot, "--environment", "sandbox", "--bundle-id", "com.example.app"]

    @Test("A notification body from a file lints with its nested transaction and renewal info verified")
    func notificationBodyFromFile() throws {
        let body = try JSONSerialization.data(withJSONObject: ["signedPayload": try Self.jws("notification-ok")])
        let path = try Self.write(String(decoding: body, as: UTF8.self) + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CLI.run(["lint", "--tokens-file", path] + Self.sandbox)
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains(":1, signedPayload, sha256"))
        #expect(run.standardOutput.contains("data.signedTransactionInfo: Apple's verifier: OK (transaction)"))
        #expect(run.standardOutput.contains("data.signedRenewalInfo: Apple's verifier: OK (renewal-info)"))
        let broken = try JSONSerialization.data(withJSONObject: ["signedPayload": try Self.jws("notification-nested-other-bundle")])
        let brokenPath = try Self.write(String(decoding: broken, as: UTF8.self))
        defer { try? FileManager.default.removeItem(atPath: brokenPath) }
        let failing = try CLI.run(["lint", "--tokens-file", brokenPath] + Self.sandbox)
        #expect(failing.status == 1)
        #expect(failing.standardOutput.contains("signed-data.bundle-id: data.signedTransactionInfo: bundleId is"))
    }

    @Test("A pretty-printed API response on standard input gives one result per signed member, named by its path")
    func prettyPrintedResponse() throws {
        let response: [String: Any] = [
            "data": [["subscriptionGroupIdentifier": "g1", "lastTransactions": [[
                "originalTransactionId": "2000000123456789", "status": 1,
                "signedTransactionInfo": try Self.jws("transaction-ok"), "signedRenewalInfo": try Self.jws("renewal-info-ok"),
            ]]]],
            "environment": "Sandbox",
        ]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: response, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
        let run = try CLI.run(["lint", "--format", "json"] + Self.sandbox + ["-"], input: text + "\n")
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.map { $0["member"] as? String } == [
            "data[0].lastTransactions[0].signedRenewalInfo", "data[0].lastTransactions[0].signedTransactionInfo",
        ])
        #expect(results.map { $0["verificationStatus"] as? String } == ["OK", "OK"])
    }

    @Test("JSON holding no signed member is no token: one token.format finding that says so, exit 1")
    func jsonWithoutSignedData() throws {
        let run = try CLI.run(["lint", "-"], input: "{\"status\": 0, \"note\": \"nothing signed\"}\n")
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("token.format: The input is JSON, not a token"))
    }

    @Test("Hostile JSON documents (never closing, nested past any limit, a million braces in strings) end in one verdict each")
    func hostileDocuments() throws {
        let neverCloses = "{\n" + String(repeating: "[\n", count: 200_000)
        let tooDeep = String(repeating: "{\"a\":", count: 5_000) + "1" + String(repeating: "}", count: 5_000) + "\n"
        let bracesInStrings = "{\"signedPayload\":\"" + String(repeating: "{[", count: 100_000) + "\"}\n"
        for input in [neverCloses, tooDeep, bracesInStrings] {
            let run = try CLI.run(["lint", "--format", "json", "-"], input: input)
            #expect(run.status == 1, "\(run.standardError)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
            #expect((object["results"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test("diagnose names Apple's status for signed data and ranks its cause first; clean data exits 0")
    func diagnoseSignedData() throws {
        let transaction = try Self.jws("transaction-ok")
        let production = try CLI.run(
            ["diagnose", "--root", Self.testRoot, "--environment", "production", "--app-apple-id", "1234567890", "--bundle-id", "com.example.app"],
            input: transaction + "\n")
        #expect(production.status == 1)
        #expect(production.standardOutput.contains("Apple's verifier would answer: INVALID_ENVIRONMENT (transaction)"))
        #expect(production.standardOutput.contains("1. The data's environment is not the verifier's (INVALID_ENVIRONMENT)  [signed-data.environment]"))
        let untrusted = try CLI.run(["diagnose", "--environment", "sandbox", "--bundle-id", "com.example.app"], input: transaction + "\n")
        #expect(untrusted.status == 1)
        #expect(untrusted.standardOutput.contains("1. The chain leads to a root the verifier does not trust"))
        let clean = try CLI.run(["diagnose"] + Self.sandbox, input: transaction + "\n")
        #expect(clean.status == 0, "\(clean.standardOutput)")
        #expect(clean.standardOutput.contains("Apple's verifier would answer: OK (transaction)"))
        #expect(clean.standardOutput.contains("jwtlint finds nothing wrong with this data under these settings"))
    }

    /// A JWS with this header and a transaction payload, signed with nothing that verifies.
    static func withHeader(_ header: [String: Any]) throws -> String {
        func segment(_ object: Any) throws -> String {
            try JSONSerialization.data(withJSONObject: object).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let payload: [String: Any] = ["transactionId": "1", "bundleId": "com.example.app", "environment": "Sandbox", "signedDate": 1_767_225_600_000]
        return try segment(header) + "." + segment(payload) + "." + String(repeating: "A", count: 86)
    }

    @Test("Hostile x5c chains (huge, truncated, garbage, looping, a thousand entries) each get a verdict, never a crash")
    func hostileChains() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.vector("signed/cases.json")))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let first = try #require((document["cases"] as? [[String: Any]])?.first?["jws"] as? String)
        let header = try #require(try JSONSerialization.jsonObject(
            with: Data(base64Encoded: Self.padded(String(first.prefix { $0 != "." })))!) as? [String: Any])
        let chain = try #require(header["x5c"] as? [String])
        let hostile: [[String: Any]] = [
            ["alg": "ES256", "x5c": [String(repeating: "QUFB", count: 12_000), chain[1], chain[2]]],  // 36 KB of garbage
            ["alg": "ES256", "x5c": [String(chain[0].prefix(200)), chain[1], chain[2]]],  // truncated
            ["alg": "ES256", "x5c": [chain[0], chain[0], chain[0]]],  // the leaf as its own issuer: a loop
            ["alg": "ES256", "x5c": [chain[2], chain[2], chain[2]]],  // the root three times
            ["alg": "ES256", "x5c": Array(repeating: chain[1], count: 1000)],
            ["alg": "ES256", "x5c": [1, true, ["nested"]]],
            ["alg": "ES256", "x5c": "abc"],
            ["alg": "ES256", "x5c": ["", "", ""]],
        ]
        let lines = try hostile.map(Self.withHeader).joined(separator: "\n") + "\n"
        let run = try CLI.run(["lint", "--format", "json", "--root", Self.testRoot, "--environment", "sandbox", "-"], input: lines)
        #expect(run.status == 1, "\(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == hostile.count)
        // Each fails: as signed data Apple's verifier refuses, or (over 64 KB) as an input too long to be one.
        for result in results {
            let rules = (result["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
            if let status = result["verificationStatus"] as? String {
                #expect(status != "OK", "\(rules)")
            } else {
                #expect(rules == ["token.format"])
            }
        }
    }

    static func padded(_ base64url: String) -> String {
        let standard = base64url.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        return standard + String(repeating: "=", count: (4 - standard.count % 4) % 4)
    }
}
