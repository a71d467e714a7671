import Foundation
import Testing

/// The commands on the tokens of Apple's other services, run as a user runs them: the built binary.
@Suite("Apple's other services' tokens, end to end")
struct ServiceCommandTests {
    static let team = "DEF123GHIJ"

    static func sign(_ flags: [String], now: Int) throws -> String {
        let run = try CLI.run(["sign", "--key", LintCommandTests.keyA, "--issuer", team, "--now", String(now)] + flags)
        #expect(run.status == 0, "\(run.standardError)")
        return run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("lint warns once over a batch whose APNs tokens change more often than every 20 minutes, and not when they do not")
    func apnsTokenUpdates() throws {
        let start = 1_767_225_600
        let often = try [0, 60, 1500].map { try Self.sign(["--profile", "apns"], now: start + $0) }
        let run = try CLI.run(["lint", "--profile", "apns", "--key", CLI.vector("keys/TESTKEYA01.pub.pem"), "--now", String(start + 1600), "--format", "json"] + often)
        #expect(run.status == 0, "a warning does not fail the run: \(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let batch = try #require(object["batchFindings"] as? [[String: Any]])
        #expect(batch.count == 1)
        #expect(batch.first?["rule"] as? String == "batch.token-updates")
        #expect((batch.first?["message"] as? String)?.contains("3 distinct APNs tokens") == true)
        let strict = try CLI.run(["lint", "--profile", "apns", "--key", CLI.vector("keys/TESTKEYA01.pub.pem"), "--now", String(start + 1600), "--warnings-as-errors"] + often)
        #expect(strict.status == 1)
        #expect(strict.standardOutput.contains("over the batch"))

        let sarif = try CLI.run(["lint", "--profile", "apns", "--key", CLI.vector("keys/TESTKEYA01.pub.pem"), "--now", String(start + 4000), "--format", "sarif"] + often)
        let sarifObject = try #require(try JSONSerialization.jsonObject(with: Data(sarif.standardOutput.utf8)) as? [String: Any])
        let results = try #require(((sarifObject["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["claims.iat", "claims.iat", "batch.token-updates"], "the tokens' findings (two over an hour old), then the batch's")

        let spaced = try [0, 1200, 2400].map { try Self.sign(["--profile", "apns"], now: start + $0) }
        let calm = try CLI.run(["lint", "--profile", "apns", "--key", CLI.vector("keys/TESTKEYA01.pub.pem"), "--now", String(start + 2500), "--format", "json"] + spaced)
        #expect(calm.status == 0)
        let calmObject = try #require(try JSONSerialization.jsonObject(with: Data(calm.standardOutput.utf8)) as? [String: Any])
        #expect(calmObject["batchFindings"] == nil, "no batch findings, no member: the report keeps its shape")
    }

    @Test("sign makes MapKit tokens that lint clean under mapkit and fail under apns; a MapKit JS token needs an origin")
    func mapKit() throws {
        let now = 1_767_225_600
        let server = try Self.sign(["--profile", "mapkit", "--scope", "server_api"], now: now)
        let clean = try CLI.run(["lint", "--profile", "mapkit", "--key", CLI.vector("keys/TESTKEYA01.pub.pem"), "--issuer", Self.team, "--now", String(now + 10), server])
        #expect(clean.status == 0, "\(clean.standardOutput)")
        let asAPNs = try CLI.run(["lint", "--profile", "apns", "--key", CLI.vector("keys/TESTKEYA01.pub.pem"), "--now", String(now + 10), server])
        #expect(asAPNs.status == 1)
        #expect(asAPNs.standardOutput.contains("claims.scope"))
        let refused = try CLI.run(["sign", "--key", LintCommandTests.keyA, "--issuer", Self.team, "--profile", "mapkit", "--scope", "mapkit_js"])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("origin"))
    }

    @Test("lint verifies an identity token with the key its kid picks from a JWK Set, and names a kid outside the set")
    func identityTokens() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: CLI.vector("services/tokens.json")))) as? [String: Any])
        let now = String(((document["generatedAt"] as? Int) ?? 0) + 1)
        let tokens = try #require(document["tokens"] as? [[String: Any]]).filter { $0["profile"] as? String == "sign-in-with-apple-identity" }
        let clean = try #require(tokens.first { $0["expect"] == nil })
        let keySet = CLI.vector("services/apple-keys.json")
        let run = try CLI.run([
            "lint", "--key", keySet, "--client-id", "com.example.app", "--nonce", clean["nonce"] as? String ?? "", "--now", now,
            clean["token"] as? String ?? "",
        ])
        #expect(run.status == 0, "\(run.standardOutput)")
        #expect(run.standardOutput.contains("signature verified; profile sign-in-with-apple-identity"))
        let unknown = try #require(tokens.first { $0["expect"] as? String == "signature.key-set" })
        let refused = try CLI.run(["lint", "--key", keySet, "--client-id", "com.example.app", "--now", now, unknown["token"] as? String ?? ""])
        #expect(refused.status == 1)
        #expect(refused.standardOutput.contains("signature.key-set"))
        #expect(refused.standardOutput.contains("names no key of the set"))
    }
}
