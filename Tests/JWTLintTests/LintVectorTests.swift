import Foundation
import Testing
import JWTLint

/// Vectors/lint/cases.json: every case's complete expected findings (rule and severity) and exit status.
@Suite("The project's lint vectors")
struct LintVectorTests {
    struct Case: CustomStringConvertible, Sendable {
        let id: String, comment: String, token: String
        let keyPath: String?, kid: String?, issuer: String?, bundleID: String?, now: Double, leeway: Double
        let profile: ProfileChoice, expectedProfile: String
        let expected: [String], exit: Int
        var description: String { id }
    }

    static let cases: [Case] = {
        guard let file = try? VectorFiles.json("lint/cases.json"), let list = file["cases"] as? [[String: Any]] else { return [] }
        let defaultNow = (file["now"] as? NSNumber)?.doubleValue ?? 0
        return list.map { item in
            let options = item["options"] as? [String: Any] ?? [:]
            let keyPath: String?
            if options.keys.contains("key") {
                keyPath = options["key"] as? String
            } else {
                keyPath = "keys/SubscriptionKey_TESTKEYA01.p8"
            }
            let findings = (item["findings"] as? [[String: Any]] ?? []).map { "\($0["rule"] ?? "?")/\($0["severity"] ?? "?")" }
            return Case(
                id: item["id"] as? String ?? "?", comment: item["comment"] as? String ?? "", token: item["token"] as? String ?? "",
                keyPath: keyPath, kid: options["kid"] as? String, issuer: options["issuer"] as? String,
                bundleID: options["bundleId"] as? String, now: (options["now"] as? NSNumber)?.doubleValue ?? defaultNow,
                leeway: (options["leeway"] as? NSNumber)?.doubleValue ?? LintOptions.defaultLeeway,
                profile: ProfileChoice(name: options["profile"] as? String ?? "auto") ?? .auto,
                expectedProfile: item["profile"] as? String ?? "(missing)",
                expected: findings.sorted(), exit: item["exit"] as? Int ?? -1)
        }
    }()

    struct LoadedKey: Sendable {
        let standard: ES256PublicKey, prepared: ES256PublicKey, keyIDFromFileName: String?
    }

    /// Each key the cases use, loaded once, also prepared for bulk verification.
    static let keys: [String: LoadedKey] = {
        var keys: [String: LoadedKey] = [:]
        for path in Set(cases.compactMap(\.keyPath)) {
            guard let key = try? VectorFiles.key(path) else { continue }
            keys[path] = LoadedKey(
                standard: key.publicKey, prepared: key.publicKey.preparedForBulkVerification(), keyIDFromFileName: key.keyIDFromFileName)
        }
        return keys
    }()

    @Test("The corpus is present and covers every rule")
    func corpusCoversEveryRule() {
        #expect(Self.cases.count >= 80)
        #expect(Set(Self.cases.map(\.id)).count == Self.cases.count, "case IDs repeat")
        let covered = Set(Self.cases.flatMap { $0.expected.map { String($0.split(separator: "/")[0]) } })
        // offer.* rules have their own corpus (offers/cases.json), and so have the App Store-signed data rules
        // (signed/cases.json, SignedDataVectorTests); retention.* rules judge answers, not tokens (their examples,
        // and Tests/Notifications/check.py's receiver). The rules only Apple's RS256 identity tokens run have theirs
        // in services/tokens.json, verified with services/apple-keys.json (ServiceTokenTests); batch.* rules judge a
        // batch, not a token (their examples, and an end-to-end test of lint).
        let identityOnly = Set(Profile.signInWithAppleIdentity.ruleIDs).subtracting(Profile.all.filter { $0.name != .signInWithAppleIdentity }.flatMap(\.ruleIDs))
        for rule in RuleCatalog.all where rule.id.checkingCommand == nil && !["x5c", "signed-data", "batch"].contains(rule.id.area)
            && !identityOnly.contains(rule.id)
        {
            #expect(covered.contains(rule.id.rawValue), "no vector triggers \(rule.id)")
        }
        #expect(Self.cases.contains { $0.expected.isEmpty }, "no clean vector")
    }

    @Test("Each case gives exactly its expected findings and exit status, with and without the bulk tables", arguments: cases)
    func caseMatches(_ test: Case) throws {
        var variants: [(String, ES256PublicKey?, String?)] = [("no key", nil, nil)]
        if let keyPath = test.keyPath {
            let key = try #require(Self.keys[keyPath], "\(keyPath) did not load")
            #expect(key.prepared.isPreparedForBulkVerification, "the bulk variant would test the standard path")
            variants = [("standard", key.standard, key.keyIDFromFileName), ("bulk", key.prepared, key.keyIDFromFileName)]
        }
        for (name, key, keyID) in variants {
            let options = LintOptions(
                now: test.now, key: key, expectedKeyID: test.kid, keyIDFromFileName: keyID, issuer: test.issuer,
                bundleID: test.bundleID, leeway: test.leeway, profile: test.profile)
            let result = LintSession(linter: Linter(options: options)).lint(test.token)
            let actual = result.findings.map { "\($0.rule)/\($0.severity.rawValue)" }.sorted()
            #expect(result.profile.rawValue == test.expectedProfile, "\(test.id), \(name): judged as \(result.profile)")
            #expect(actual == test.expected, "\(test.id) (\(test.comment)), \(name): \(result.findings.map { "\($0.rule): \($0.message)" })")
            #expect((result.hasErrors ? 1 : 0) == test.exit, "\(test.id), \(name)")
        }
    }
}
