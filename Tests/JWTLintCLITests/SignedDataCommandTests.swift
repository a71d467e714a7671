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
}
