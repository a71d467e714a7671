import Foundation
import Testing
@testable import JWTLint

/// Data signed by the test chain (Vectors/gen/signed_data.py), each case with the verdict of Apple's Python
/// SignedDataVerifier for its settings: jwtlint's verificationStatus must be the same, and its exit status follow.
@Suite("App Store-signed data agrees with Apple's verifier")
struct SignedDataVectorTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String, jws: String, environment: String, bundleID: String, appAppleID: Int64?, roots: [String]
        let expected: String, payloadType: String, nested: [String: String]
        var description: String { name }
    }

    static var document: [String: Any]? { try? VectorFiles.json("signed/cases.json") }
    static let cases: [Case] = (document?["cases"] as? [[String: Any]] ?? []).map { entry in
        let settings = entry["settings"] as? [String: Any] ?? [:]
        return Case(
            name: entry["name"] as? String ?? "?", jws: entry["jws"] as? String ?? "",
            environment: settings["environment"] as? String ?? "", bundleID: settings["bundleId"] as? String ?? "",
            appAppleID: (settings["appAppleId"] as? NSNumber)?.int64Value, roots: settings["roots"] as? [String] ?? [],
            expected: (entry["expected"] as? [String: Any])?["verificationStatus"] as? String ?? "",
            payloadType: entry["payloadType"] as? String ?? "",
            nested: Dictionary(uniqueKeysWithValues: ((entry["expected"] as? [String: Any])?["nested"] as? [[String: Any]] ?? []).map {
                ($0["member"] as? String ?? "?", $0["verificationStatus"] as? String ?? "?")
            }))
    }

    static func testRoot() throws -> [UInt8] {
        let pem = try Data(contentsOf: VectorFiles.url("signed/chain/root.pem"))
        return try #require(try TrustedRoots.certificates(in: Array(pem)).first)
    }

    static func options(_ test: Case) throws -> LintOptions {
        // Pinned, as calling Apple's verifier is: "not.a.jws" is App Store data only because it is given as such.
        var options = LintOptions(now: 1_767_225_600, bundleID: test.bundleID, profile: .pinned(.appleSigned))
        options.environment = try #require(SignedEnvironment(rawValue: test.environment))
        options.appAppleID = test.appAppleID
        options.trustedRoots = test.roots.contains("test") ? try TrustedRoots(adding: [try testRoot()], includingApple: test.roots.contains("apple")) : .apple
        return options
    }

    @Test("auto picks apple-signed for every case that decodes: by x5c, or by a payload of App Store data")
    func autoPicksAppleSigned() throws {
        for test in Self.cases where test.name != "not-a-jws" && test.name != "segments-standard-alphabet" {
            var options = try Self.options(test)
            options.profile = .auto
            #expect(Linter(options: options).lint(test.jws).profile == .appleSigned, "\(test.name)")
        }
    }

    @Test("A leaf first seen under an intermediate that verified before gets the verdict and findings of a chain never seen")
    func rememberedIntermediateGivesTheSameVerdicts() throws {
        let shared = try TrustedRoots(adding: [try Self.testRoot()], includingApple: false)
        let warm = try #require(Self.cases.first { $0.name == "transaction-ok" })
        var warmOptions = try Self.options(warm)
        warmOptions.trustedRoots = shared
        #expect(Linter(options: warmOptions).lint(warm.jws).verificationStatus == .ok)
        var compared = 0
        for test in Self.cases where test.roots == ["test"] {
            let fresh = Linter(options: try Self.options(test)).lint(test.jws)
            var options = try Self.options(test)
            options.trustedRoots = shared
            let remembered = Linter(options: options).lint(test.jws)
            #expect(remembered.verificationStatus == fresh.verificationStatus, "\(test.name)")
            #expect(remembered.findings == fresh.findings, "\(test.name)")
            #expect(remembered.signature == fresh.signature, "\(test.name)")
            compared += 1
        }
        #expect(compared > 20)
    }

    @Test("A chain verified once is remembered only within its validity window: the same data as of 2030 fails, as of 2026 passes again")
    func rememberedChainsKeepTheirWindow() throws {
        let test = try #require(Self.cases.first { $0.name == "transaction-ok" })
        var options = try Self.options(test)
        let linter = Linter(options: options)
        let first = linter.lint(test.jws)
        #expect(first.verificationStatus == .ok)
        // The same TrustedRoots (and so the same memory of chains), now as of 2030, after the test leaf expired (2028).
        options.chainTime = .now
        options.now = 1_893_456_000
        let later = Linter(options: options).lint(test.jws)
        #expect(later.verificationStatus == .verificationFailure)
        #expect(later.findings.contains { $0.rule == .x5cChain && $0.cause == .expired })
        let again = linter.lint(test.jws)
        #expect(again.verificationStatus == .ok && again.findings == first.findings)
    }

    @Test("At the leaf's notAfter second a remembered chain is expired, as OpenSSL counts it for a chain never seen")
    func rememberedChainsEndAtNotAfter() throws {
        let test = try #require(Self.cases.first { $0.name == "transaction-ok" })
        var options = try Self.options(test)
        #expect(Linter(options: options).lint(test.jws).verificationStatus == .ok)
        options.chainTime = .now
        // The test leaf's notAfter, 2028-01-01T00:00:00Z: the chain's window ends there.
        options.now = 1_830_297_600
        let remembered = Linter(options: options).lint(test.jws)
        options.trustedRoots = try TrustedRoots(adding: [try Self.testRoot()], includingApple: false)
        let fresh = Linter(options: options).lint(test.jws)
        #expect(fresh.findings.contains { $0.rule == .x5cChain && $0.cause == .expired })
        #expect(remembered.verificationStatus == fresh.verificationStatus)
        #expect(remembered.findings == fresh.findings)
    }

    @Test("The cases trigger every x5c and signed-data rule")
    func casesCoverEveryRule() throws {
        var triggered = Set<RuleID>()
        for test in Self.cases {
            triggered.formUnion(Linter(options: try Self.options(test)).lint(test.jws).ruleIDs)
        }
        for rule in RuleCatalog.all where ["x5c", "signed-data"].contains(rule.id.area) {
            #expect(triggered.contains(rule.id), "no signed-data case triggers \(rule.id)")
        }
    }

    @Test("Padding and a duplicate member, which Apple's verifier reads, are warnings in signed data and errors in a bearer token")
    func applesReadingIsOnlyForSignedData() throws {
        for (name, rule) in [("segments-padded", RuleID.tokenEncoding), ("payload-duplicate-bundle-id", .tokenDuplicateKey)] {
            let test = try #require(Self.cases.first { $0.name == name })
            var options = try Self.options(test)
            let signed = Linter(options: options).lint(test.jws)
            let severities = signed.findings.filter { $0.rule == rule }.map(\.severity)
            #expect(!severities.isEmpty && severities.allSatisfy { $0 == .warning }, "\(name)")
            options.profile = .pinned(.appStoreServerAPI)
            let bearer = Linter(options: options).lint(test.jws)
            #expect(bearer.findings.contains { $0.rule == rule && $0.severity == .error }, "\(name)")
        }
    }

    @Test("There are cases for every status Apple's verifier gives")
    func everyStatusIsCovered() {
        let statuses = Set(Self.cases.map(\.expected))
        #expect(statuses == ["OK", "VERIFICATION_FAILURE", "INVALID_APP_IDENTIFIER", "INVALID_CERTIFICATE", "INVALID_CHAIN_LENGTH", "INVALID_ENVIRONMENT"])
    }

    @Test("jwtlint's verificationStatus is Apple's, and it fails exactly the data Apple's verifier does", arguments: cases)
    func agreesWithApple(_ test: Case) throws {
        let result = Linter(options: try Self.options(test)).lint(test.jws)
        #expect(result.profile == .appleSigned)
        #expect(result.verificationStatus?.rawValue == test.expected, "\(result.findings.map { "\($0.rule): \($0.message)" })")
        // A notification's nested transaction and renewal info are verified too, each as Apple's verifier would.
        let nested = Dictionary(uniqueKeysWithValues: result.nested.map { ($0.member, $0.result.verificationStatus?.rawValue ?? "-") })
        #expect(nested == test.nested)
        let failing = test.expected != "OK" || test.nested.values.contains { $0 != "OK" }
        #expect(result.hasErrors == failing, "\(result.findings.map { "\($0.rule)/\($0.severity): \($0.message)" })")
        if test.payloadType != "unknown", result.claims != nil {
            let expectedType = test.payloadType.replacingOccurrences(of: "([a-z])([A-Z])", with: "$1-$2", options: .regularExpression).lowercased()
            #expect(result.payloadType?.rawValue == expectedType)
        }
    }
}

@Suite("Reading signed data out of Apple's JSON documents")
struct SignedDataDocumentTests {
    @Test("Every signed member is found, in document order, named by its path; other members are not")
    func membersAndPaths() throws {
        let text = #"""
            {"signedTransactions":["a.b.c","d.e.f"],"data":[{"lastTransactions":[{"signedTransactionInfo":"g.h.i","signedRenewalInfo":"j.k.l","status":1}]}],
             "notificationHistory":[{"signedPayload":"m.n.o","sendAttemptResult":"SUCCESS"}],"signedDate":5,"appAppleId":1}
            """#
        let items = try #require(SignedDataDocument.items(in: text))
        #expect(items.map(\.member) == [
            "signedTransactions[0]", "signedTransactions[1]", "data[0].lastTransactions[0].signedTransactionInfo",
            "data[0].lastTransactions[0].signedRenewalInfo", "notificationHistory[0].signedPayload",
        ])
        #expect(items.map(\.jws) == ["a.b.c", "d.e.f", "g.h.i", "j.k.l", "m.n.o"])
        #expect(SignedDataDocument.items(in: "{not json") == nil)
        #expect(SignedDataDocument.items(in: #"{"status":0}"#) == [])
        #expect(SignedDataDocument.looksLikeDocument("  {\"a\":1}") && !SignedDataDocument.looksLikeDocument("eyJ.a.b"))
    }
}

@Suite("The built-in Apple root")
struct AppleRootTests {
    @Test("The built-in Apple Root CA - G3 is the certificate Apple publishes: its SHA-256 fingerprint and the committed copy")
    func builtInRootIsApples() throws {
        let fingerprint = SHA256.digest(AppleRootCertificates.rootCAG3).map { String(format: "%02x", $0) }.joined()
        #expect(fingerprint == "63343abfb89a6a03ebb57e9b3f5fa7be7c4f5c756f3017b3a8c488c3653e9179")
        #expect(fingerprint == AppleRootCertificates.rootCAG3Fingerprint)
        let copy = try Data(contentsOf: VectorFiles.url("signed/chain/AppleRootCA-G3.cer"))
        #expect(Array(copy) == AppleRootCertificates.rootCAG3)
        #expect(AppleRootCertificates.rootCAG3Certificate.subjectName == "Apple Root CA - G3")
        #expect(TrustedRoots.apple.count == 1)
    }
}

/// Real App Store-signed data from public repositories (Vectors/signed/real.json): it verifies with Apple's root
/// alone, as of its own signedDate, as Apple's verifier found; notifications with their nested data.
@Suite("Real App Store-signed data")
struct RealSignedDataTests {
    struct Sample: CustomStringConvertible, Sendable {
        let name: String, jws: String, environment: String, bundleID: String, appAppleID: Int64?, expected: String, source: String
        var description: String { name }
    }

    static var document: [String: Any]? { try? VectorFiles.json("signed/real.json") }
    static let samples: [Sample] = (document?["samples"] as? [[String: Any]] ?? []).map { entry in
        let settings = entry["settings"] as? [String: Any] ?? [:]
        let source = entry["source"] as? [String: Any] ?? [:]
        return Sample(
            name: entry["name"] as? String ?? "?", jws: entry["jws"] as? String ?? "",
            environment: settings["environment"] as? String ?? "", bundleID: settings["bundleId"] as? String ?? "",
            appAppleID: (settings["appAppleId"] as? NSNumber)?.int64Value,
            expected: (entry["expected"] as? [String: Any])?["verificationStatus"] as? String ?? "",
            source: "\(source["repository"] as? String ?? "?")/\(source["path"] as? String ?? "?")")
    }

    @Test("There are real transactions, renewal info and notifications, sandbox and production, each with its source")
    func corpusIsThere() {
        #expect(Self.samples.count >= 5)
        #expect(Set(Self.samples.map(\.environment)) == ["Sandbox", "Production"])
        #expect(Self.samples.allSatisfy { !$0.source.contains("?") })
    }

    @Test("Each verifies with Apple's root alone (no --root), as of its signedDate, as Apple's verifier found", arguments: samples)
    func verifiesWithAppleRoot(_ sample: Sample) throws {
        var options = LintOptions(now: 1_767_225_600, bundleID: sample.bundleID)
        options.environment = try #require(SignedEnvironment(rawValue: sample.environment))
        options.appAppleID = sample.appAppleID
        let result = Linter(options: options).lint(sample.jws)
        #expect(result.profile == .appleSigned)
        #expect(result.verificationStatus?.rawValue == sample.expected, "\(result.findings.map { "\($0.rule): \($0.message)" })")
        #expect(result.signature == .verified)
        #expect(!result.hasErrors, "\(result.findings.map { "\($0.rule): \($0.message)" })")
        #expect(result.nested.allSatisfy { $0.result.verificationStatus == .ok })
        // Checked as of now instead of its signedDate, an old leaf may have expired: never a different chain verdict otherwise.
        options.chainTime = .now
        let asOfNow = Linter(options: options).lint(sample.jws)
        #expect(asOfNow.verificationStatus == .ok || asOfNow.findings.contains { $0.rule == .x5cChain && $0.cause == .expired })
    }
}
