import Foundation
import Testing
import JWTLint

/// Profiles and the legacy offer signature, end to end: lint picks and pins profiles, sign makes every kind,
/// decode shows the kind, offer-signature verifies and names mistakes.
@Suite("Profiles and offer signatures, end to end")
struct ProfileCommandTests {
    static let keyA = LintCommandTests.keyA
    static let issuer = "57246542-96fe-1a63-e053-0824d011072a"

    /// A token made by `jwtlint sign` for this profile with key A (key B for App Store Connect), at --now.
    static func signed(_ profile: String, _ extra: [String]) throws -> String {
        let key = profile == "app-store-connect-api" ? CLI.vector("keys/AuthKey_TESTKEYB02.p8") : keyA
        let run = try CLI.run(["sign", "--profile", profile, "--key", key, "--now", LintCommandTests.now] + extra)
        #expect(run.status == 0, "\(profile): \(run.standardError)")
        return run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static var kinds: [(String, [String])] {
        [
            ("app-store-server-api", ["--issuer", issuer, "--bundle-id", "com.example.app"]),
            ("promotional-offer", ["--issuer", issuer, "--bundle-id", "com.example.app", "--product", "p.monthly", "--offer", "o1", "--transaction-id", "2000000000000001"]),
            ("introductory-offer-eligibility", ["--issuer", issuer, "--bundle-id", "com.example.app", "--product", "p.monthly", "--transaction-id", "2000000000000001", "--allow-introductory-offer", "true"]),
            ("app-store-connect-api", ["--individual", "--scope", "GET /v1/apps"]),
        ]
    }

    @Test("sign makes every kind; lint judges each under its profile (auto, or pinned for App Store Connect) and passes it")
    func signThenLint() throws {
        for (profile, extra) in Self.kinds {
            let token = try Self.signed(profile, extra)
            let key = profile == "app-store-connect-api" ? CLI.vector("keys/TESTKEYB02.pub.pem") : CLI.vector("keys/TESTKEYA01.pub.pem")
            let pin = profile == "app-store-connect-api" ? ["--profile", profile, "--kid", "TESTKEYB02"] : ["--kid", "TESTKEYA01"]
            let run = try CLI.run(["lint", "--key", key, "--now", LintCommandTests.now, "--format", "json"] + pin + [token])
            #expect(run.status == 0, "\(profile): \(run.standardOutput)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
            let result = try #require((object["results"] as? [[String: Any]])?.first)
            #expect(result["profile"] as? String == profile)
            #expect((object["summary"] as? [String: Any])?["profiles"] as? [String: Int] == [profile: 1])
        }
    }

    @Test("sign builds an Advanced Commerce request from a JSON file, and refuses one its own rules reject")
    func signAdvancedCommerce() throws {
        let request = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-request-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: request) }
        try RuleExample.cleanAdvancedCommerceRequest.write(to: request, atomically: true, encoding: .utf8)
        let token = try Self.signed("advanced-commerce-in-app", ["--issuer", Self.issuer, "--bundle-id", "com.example.app", "--request", request.path])
        let decode = try CLI.run(["decode", "--now", LintCommandTests.now, token])
        #expect(decode.standardOutput.contains("\"operation\": \"CREATE_ONE_TIME_CHARGE\""), "the request is shown decoded")
        #expect(decode.standardOutput.contains("Kind: Advanced Commerce in-app request (profile advanced-commerce-in-app"))
        try #"{"operation":"CREATE_SUBSCRIPTION","version":"1","requestInfo":{"requestReferenceId":"f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e"}}"#
            .write(to: request, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["sign", "--profile", "advanced-commerce-in-app", "--key", Self.keyA, "--issuer", Self.issuer, "--bundle-id", "com.example.app", "--request", request.path])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("request.currency"), "\(refused.standardError)")
        #expect(refused.standardOutput.isEmpty)
    }

    @Test("sign refuses flags the profile does not use, and a missing one it needs")
    func signFlags() throws {
        let lifetime = try CLI.run(["sign", "--profile", "promotional-offer", "--key", Self.keyA, "--issuer", Self.issuer, "--bundle-id", "b", "--product", "p", "--offer", "o", "--lifetime", "60"])
        #expect(lifetime.status == 2)
        #expect(lifetime.standardError.contains("--lifetime does not apply to --profile promotional-offer"))
        let missing = try CLI.run(["sign", "--profile", "promotional-offer", "--key", Self.keyA, "--issuer", Self.issuer, "--bundle-id", "b", "--product", "p"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("needs --offer"))
    }

    @Test("A pinned profile fails a token of another kind, naming the kind it looks like")
    func pinnedProfileNamesTheKind() throws {
        let promotional = try Self.signed("promotional-offer", Self.kinds[1].1)
        let run = try CLI.run(["lint", "--key", Self.keyA, "--now", LintCommandTests.now, "--profile", "app-store-server-api", promotional])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("profile app-store-server-api"))
        #expect(run.standardOutput.contains("claims.aud: aud is \"promotional-offer\", the audience of a promotional offer signature (profile promotional-offer)"))
        let bad = try CLI.run(["lint", "--profile", "storekit", promotional])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("the profiles are auto, app-store-server-api"))
    }

    @Test("The configuration file's profile applies, and --profile overrides it")
    func configurationProfile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent(".jwtlint.json")
        try #"{"profile": "promotional-offer"}"#.write(to: config, atomically: true, encoding: .utf8)
        let server = LintCommandTests.clean
        let pinned = try CLI.run(["lint", "--config", config.path, "--now", LintCommandTests.now, server])
        #expect(pinned.status == 1)
        #expect(pinned.standardOutput.contains("profile promotional-offer"))
        let overridden = try CLI.run(["lint", "--config", config.path, "--profile", "auto", "--now", LintCommandTests.now, server])
        #expect(overridden.status == 0)
        #expect(overridden.standardOutput.contains("profile app-store-server-api"))
    }

    @Test("Every output format names the profile")
    func formatsNameTheProfile() throws {
        let promotional = try Self.signed("promotional-offer", Self.kinds[1].1)
        let common = ["lint", "--now", LintCommandTests.now, "--profile", "introductory-offer-eligibility", promotional]
        let github = try CLI.run(common + ["--format", "github"])
        #expect(github.standardOutput.contains("[introductory-offer-eligibility]: aud is"))
        let sarif = try CLI.run(common + ["--format", "sarif"])
        #expect(sarif.standardOutput.contains(#""properties":{"profile":"introductory-offer-eligibility"}"#))
        let junit = try CLI.run(common + ["--format", "junit"])
        #expect(junit.standardOutput.contains(#"<property name="profile" value="introductory-offer-eligibility"/>"#))
    }

    static let offerArguments = [
        "offer-signature", "--key", CLI.vector("keys/TESTKEYA01.pub.pem"), "--kid", "TESTKEYA01", "--bundle-id", "com.example.app",
        "--product", "com.example.app.monthly", "--offer", "winback.50", "--nonce", "c2a5f9e1-3b7d-4e0a-9f51-6d2c8b4a7e13",
        "--timestamp", "1767225570000", "--app-account-token", "7e3fb20b-4cdb-47cc-936d-99d65f608138", "--now", "1767225600",
    ]

    /// A legacy offer signature by key A over `payload`.
    static func offerSignature(_ payload: String) throws -> String {
        Base64.encode(try SigningKey.load(contentsOf: CLI.vector("keys/SubscriptionKey_TESTKEYA01.p8")).privateKey.signDER(Array(payload.utf8)))
    }

    @Test("offer-signature: exit 0 for Apple's payload, 1 naming the mistake, 2 for unusable input; JSON as lint's")
    func offerSignature() throws {
        let fields = ["com.example.app", "TESTKEYA01", "com.example.app.monthly", "winback.50", "7e3fb20b-4cdb-47cc-936d-99d65f608138",
                      "c2a5f9e1-3b7d-4e0a-9f51-6d2c8b4a7e13", "1767225570000"]
        let good = try Self.offerSignature(fields.joined(separator: "\u{2063}"))
        let ok = try CLI.run(Self.offerArguments + [good])
        #expect(ok.status == 0, "\(ok.standardOutput)\(ok.standardError)")
        #expect(ok.standardOutput.contains("ok; signature verified; profile legacy-promotional-offer"))
        #expect(!ok.standardOutput.contains(good), "the signature is not echoed")
        let piped = try Self.offerSignature(fields.joined(separator: "|"))
        let mistake = try CLI.run(Self.offerArguments + ["--format", "json", piped])
        #expect(mistake.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(mistake.standardOutput.utf8)) as? [String: Any])
        let result = try #require((object["results"] as? [[String: Any]])?.first)
        #expect(result["profile"] as? String == "legacy-promotional-offer")
        #expect(result["signature"] as? String == "invalid")
        let finding = try #require((result["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "offer.signature")
        #expect((finding["message"] as? String)?.contains("joined by '|'") == true)
        #expect(Set(object.keys) == ["results", "summary"])
        let unusable = try CLI.run(["offer-signature", "--key", "/nonexistent.p8"] + Array(Self.offerArguments.dropFirst(3)) + [good])
        #expect(unusable.status == 2)
        #expect(unusable.standardError.contains("/nonexistent.p8"), "\(unusable.standardError)")
    }
}
