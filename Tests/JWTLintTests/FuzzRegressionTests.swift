import Foundation
import Testing
import JWTLint

/// Replays the fuzz targets' inputs (`Hardening/Fuzz`, run by `Hardening/fuzz.sh`) through the same public calls as
/// each target, with the same checks: every input the fuzzer found a crash with, kept in `Vectors/fuzz/<Target>/`
/// once fixed, and every committed seed. Keep each function here in step with its target's source.
@Suite("Fuzz regressions and seeds")
struct FuzzRegressionTests {
    /// The fuzz targets, each with the folder of its committed seeds (`Hardening/Fuzz/seeds/…`), if any.
    static let targets: [(name: String, seeds: String?)] = [
        ("FuzzToken", nil), ("FuzzKey", "key"), ("FuzzRequest", "request"), ("FuzzConfig", "config"), ("FuzzOffer", nil),
    ]

    static let now: Double = 1_767_225_600
    static let issuer = "57246542-96fe-1a63-e053-0824d011072a"
    static let bundleID = "com.example.app"
    static let seedRoot = VectorFiles.root.deletingLastPathComponent().appendingPathComponent("Hardening/Fuzz/seeds")

    /// The regular files in `folder`, by name, without READMEs; none when the folder does not exist.
    static func files(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasSuffix(".md") }.map { folder.appendingPathComponent($0) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }

    /// Every input of `target`: its kept regressions, then its committed seeds, each with a name for messages.
    static func inputs(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        var urls = files(in: VectorFiles.url("fuzz/\(target)"))
        if let seeds = targets.first(where: { $0.name == target })?.seeds {
            urls += files(in: seedRoot.appendingPathComponent(seeds))
        }
        return try urls.map { url in
            ("\(url.deletingLastPathComponent().lastPathComponent)/\(url.lastPathComponent)", Array(try Data(contentsOf: url)))
        }
    }

    static func keyA() throws -> VerificationKey {
        try VectorFiles.key("keys/SubscriptionKey_TESTKEYA01.p8")
    }

    static func cleanToken() throws -> String {
        let cases = try #require(try VectorFiles.json("lint/cases.json")["cases"] as? [[String: Any]])
        return try #require(cases.first { $0["id"] as? String == "clean" }?["token"] as? String)
    }

    static func options(_ key: VerificationKey, expecting: Bool) -> LintOptions {
        LintOptions(
            now: now, key: key.publicKey, expectedKeyID: expecting ? "TESTKEYA01" : nil, keyIDFromFileName: key.keyIDFromFileName,
            issuer: expecting ? issuer : nil, bundleID: expecting ? bundleID : nil)
    }

    /// Every reporter as FuzzToken renders with, and whether it prints the token.
    static let formats: [(reporter: any Reporter, showsToken: Bool)] = [
        (TextReporter(colour: false, now: now), false), (TextReporter(colour: true, now: now), false), (JSONReporter(), false),
        (GitHubReporter(), false), (SARIFReporter(toolVersion: "0.0.0-fuzz"), false), (JUnitReporter(), false),
        (TextReporter(colour: false, now: now, showToken: true), true), (JSONReporter(showToken: true), true),
    ]

    static func render(_ results: [LintResult], input: String, with reporter: any Reporter) -> String {
        reporter.render(results.enumerated().map { index, result in
            ReportedResult(index: index, line: index + 1, file: "tokens.txt", input: input, result: result)
        })
    }

    /// A compact JWS of at least 40 base64url characters: what no report may print without `--show-token`.
    static func isSecret(_ token: String) -> Bool {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".utf8)
        return token.utf8.count >= 40 && token.utf8.allSatisfy(allowed.contains) && token.utf8.filter { $0 == UInt8(ascii: ".") }.count == 2
    }

    @Test("Every FuzzToken input and sample token lints, decodes alike and reports without printing the token")
    func tokenInputs() throws {
        let key = try Self.keyA()
        let plain = Linter(options: Self.options(key, expecting: false))
        var strictOptions = Self.options(key, expecting: true)
        strictOptions.leeway = 0
        strictOptions.ruleSettings = [.headerType: .off, .issuedAt: .severity(.info), .headerEmbeddedKey: .severity(.error)]
        strictOptions.warningsAsErrors = true
        let strict = LintSession(linter: Linter(options: strictOptions))
        // As FuzzToken lints every input: a sandbox verifier of com.example.app that trusts the test chain.
        var signedOptions = Self.options(key, expecting: false)
        signedOptions.profile = .pinned(.appleSigned)
        signedOptions.environment = .sandbox
        signedOptions.bundleID = "com.example.app"
        let testRoot = try TrustedRoots.certificates(in: Array(try Data(contentsOf: VectorFiles.url("signed/chain/root.pem"))))
        signedOptions.trustedRoots = try TrustedRoots(adding: testRoot)
        let signedWithTestRoot = Linter(options: signedOptions)
        let samples = try String(contentsOf: VectorFiles.url("samples/tokens.txt"), encoding: .utf8)
            .split(separator: "\n").map { ("samples/tokens.txt", Array($0.utf8)) }
        for (name, bytes) in try Self.inputs("FuzzToken") + samples {
            let line = String(decoding: bytes, as: UTF8.self)
            let decoded = DecodedToken.decode(line)
            let results = [plain.lint(line), strict.lint(line)]
            let signed = signedWithTestRoot.lint(line)
            for result in results + [signed] {
                // What decodes strictly, lint reads the same; under apple-signed it may read more (Apple's reading).
                let readsMore = result.profile == .appleSigned
                #expect(decoded.header == nil ? (result.header == nil || readsMore) : result.header == decoded.header, "\(name)")
                #expect(decoded.claims == nil ? (result.claims == nil || readsMore) : result.claims == decoded.claims, "\(name)")
                #expect(result.findings.allSatisfy { RuleCatalog.rule($0.rule) != nil }, "\(name)")
                if result.signature == .verified {
                    #expect(!result.findings.contains { $0.rule.area == "signature" }, "\(name)")
                }
            }
            #expect(!results[1].findings.contains { $0.rule == .headerType || $0.severity == .warning }, "\(name)")
            // App Store-signed data: an error exactly when Apple's verifier would not answer OK.
            let failing = signed.verificationStatus != .ok || signed.nested.contains { $0.result.verificationStatus != .ok }
            #expect(signed.hasErrors == failing, "\(name): \(signed.verificationStatus.map { "\($0)" } ?? "-") with errors \(signed.hasErrors)")
            let token = TokenFingerprint.token(in: line)
            for format in Self.formats {
                let report = Self.render(results, input: line, with: format.reporter)
                #expect(format.showsToken || !Self.isSecret(token) || !report.contains(token), "\(name): \(type(of: format.reporter))")
            }
        }
    }

    @Test("Every FuzzKey input loads or is refused; a key that loads round-trips and verifies key A's token only if it is key A")
    func keyInputs() throws {
        let keyA = try Self.keyA()
        let token = try Self.cleanToken()
        let inputs = try Self.inputs("FuzzKey")
        #expect(!inputs.isEmpty)
        for (name, bytes) in inputs {
            guard let key = try? VerificationKey.parse(bytes, fileName: "SubscriptionKey_TESTKEYA01.p8") else { continue }
            let point = key.publicKey.uncompressedPoint
            #expect(point.count == 65 && point.first == 0x04, "\(name)")
            #expect(key.keyIDFromFileName == "TESTKEYA01", "\(name)")
            for text in [key.publicKey.pem, key.publicKey.jwk] {
                #expect((try? VerificationKey.parse(Array(text.utf8), fileName: nil))?.publicKey.uncompressedPoint == point, "\(name)")
            }
            let isKeyA = point == keyA.publicKey.uncompressedPoint
            for candidate in [key.publicKey, key.publicKey.preparedForBulkVerification()] {
                let result = Linter(options: LintOptions(now: Self.now, key: candidate)).lint(token)
                #expect((result.signature == .verified) == isKeyA, "\(name)")
            }
        }
    }

    @Test("Every FuzzRequest input is read and diagnosed, with its causes ranked")
    func requestInputs() throws {
        let options = Self.options(try Self.keyA(), expecting: true)
        let inputs = try Self.inputs("FuzzRequest")
        #expect(!inputs.isEmpty)
        for (name, bytes) in inputs {
            let split = bytes.firstIndex(of: 0)
            let request = CapturedRequest.parse(String(decoding: bytes[..<(split ?? bytes.count)], as: UTF8.self))
            let response = split.map { AppleResponse.parse(String(decoding: bytes[($0 + 1)...], as: UTF8.self)) }
            let diagnosis = Diagnosis.diagnose(request, response: response, options: options)
            #expect(!diagnosis.causes.isEmpty, "\(name)")
            #expect(zip(diagnosis.causes, diagnosis.causes.dropFirst()).allSatisfy { $0.likelihood >= $1.likelihood }, "\(name)")
            #expect((diagnosis.result == nil) == (request.tokenLine == nil), "\(name)")
        }
    }

    @Test("Every FuzzConfig input is read or refused with its file and line, and its rule settings apply")
    func configInputs() throws {
        let keyA = try Self.keyA()
        let token = try Self.cleanToken()
        let path = "/project/.jwtlint.json"
        let inputs = try Self.inputs("FuzzConfig")
        #expect(!inputs.isEmpty)
        for (name, bytes) in inputs {
            let configuration: Configuration
            do {
                configuration = try Configuration.parse(bytes, path: path)
            } catch {
                #expect(error.path == path && (error.line ?? 1) >= 1, "\(name)")
                continue
            }
            if let key = configuration.key { #expect(key.hasPrefix("/"), "\(name)") }
            var options = LintOptions(
                now: Self.now, key: keyA.publicKey, expectedKeyID: configuration.keyID, keyIDFromFileName: keyA.keyIDFromFileName,
                issuer: configuration.issuer, bundleID: configuration.bundleID, leeway: configuration.leeway ?? LintOptions.defaultLeeway)
            options.ruleSettings = configuration.rules
            options.warningsAsErrors = configuration.warningsAsErrors ?? false
            for finding in Linter(options: options).lint(token).findings {
                switch configuration.rules[finding.rule] {
                case .off?: Issue.record("\(name): \(finding.rule) is off but reported")
                case .severity(let severity)?:
                    #expect(finding.severity == (options.warningsAsErrors && severity == .warning ? .error : severity), "\(name)")
                case nil: break
                }
            }
        }
    }

    @Test("Every FuzzOffer input (kept regressions, the offer cases and Apple's offers, as its seeds) is checked with only offer findings")
    func offerInputs() throws {
        let key = try Self.keyA()
        let names = ["bundleId", "keyId", "productId", "offerIdentifier", "appAccountToken", "nonce", "timestamp", "signature"]
        var inputs = try Self.inputs("FuzzOffer")
        for file in ["offers/cases.json", "real/tokens.json"] {
            let object = try VectorFiles.json(file)
            let offers = (object["cases"] ?? object["offers"]) as? [[String: Any]] ?? []
            inputs += offers.map { offer in (file, Array(names.map { offer[$0] as? String ?? "" }.joined(separator: "\n").utf8)) }
        }
        #expect(inputs.count >= 20)
        for (name, bytes) in inputs {
            var fields = String(decoding: bytes, as: UTF8.self).split(separator: "\n", maxSplits: 7, omittingEmptySubsequences: false).map(String.init)
            while fields.count < 8 { fields.append("") }
            let request = LegacyOfferRequest(
                bundleID: fields[0], keyID: fields[1], productID: fields[2], offerIdentifier: fields[3], appAccountToken: fields[4],
                nonce: fields[5], timestamp: fields[6], signature: fields[7])
            let result = LegacyOfferSignature.check(request, key: key.publicKey, now: Self.now, otherKeyIDs: ["TESTKEYA01"])
            #expect(result.findings.allSatisfy { $0.rule.area == "offer" }, "\(name)")
            #expect(result.findings.allSatisfy { !$0.message.unicodeScalars.contains { $0.value < 0x20 } }, "\(name)")
            if result.signature == .verified { #expect(!result.findings.contains { $0.rule == .offerSignature }, "\(name)") }
        }
    }

    @Test("Vectors/fuzz holds a folder per fuzz target at most, and says what it is for")
    func regressionFolders() throws {
        let folder = VectorFiles.url("fuzz")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("README.md").path))
        let names = (try FileManager.default.contentsOfDirectory(atPath: folder.path)).filter { $0 != "README.md" }
        #expect(Set(names).isSubset(of: Self.targets.map(\.name)), "\(names)")
    }
}
