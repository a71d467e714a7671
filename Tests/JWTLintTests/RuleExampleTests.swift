import Testing
@testable import JWTLint

@Suite("Rule catalog and examples")
struct RuleExampleTests {
    static let rules = RuleCatalog.all

    /// The findings an example gets: from the linter, or for a legacy promotional offer example, from the offer
    /// signature check, or for an answer to a realtime request, from the realtime answer check.
    static func findings(_ example: RuleExample) throws -> [Finding] {
        if let realtime = example.realtime {
            let key = try example.key.map { try VerificationKey.parse(Array($0.utf8), fileName: nil).publicKey }
            let answer = RealtimeAnswer(status: realtime.status, body: Array(example.input.utf8), seconds: realtime.seconds)
            let expected = RealtimeAnswerExpectations(
                originalTransactionID: realtime.originalTransactionID, bundleID: example.bundleID ?? "com.example.app", key: key, now: example.now)
            return RealtimeAnswerCheck.check(answer, expecting: expected).findings
        }
        if let lines = example.batchLines {
            let batch = BatchLinter(linter: Linter(options: example.options), jobs: 1, delivery: .results { _ in })
            for line in lines { batch.add(BatchInput(line)) }
            batch.finish()
            return batch.summary.batchFindings
        }
        if let offer = example.offer {
            let key = try VerificationKey.parse(Array((example.key ?? "").utf8), fileName: nil).publicKey
            return LegacyOfferSignature.check(offer, key: key, now: example.now).findings
        }
        return try lint(example).findings
    }

    static func lint(_ example: RuleExample) throws -> LintResult {
        var options = example.options
        if let key = example.key {
            options.use(try KeyMaterial.parse(Array(key.utf8), fileName: nil))
        }
        options.keyIDFromFileName = example.keyFileName.flatMap(VerificationKey.keyID(fromFileName:))
        return Linter(options: options).lint(example.input)
    }

    @Test("Every rule's triggering examples produce a finding of that rule, at the severity they state", arguments: rules)
    func triggeringExamplesTrigger(_ rule: RuleDescription) throws {
        #expect(!rule.triggeringExamples.isEmpty, "\(rule.id) has no triggering example")
        for example in rule.triggeringExamples {
            let findings = try Self.findings(example)
            let severity = example.severity ?? rule.defaultSeverity
            #expect(
                findings.contains { $0.rule == rule.id && $0.severity == severity },
                "\(rule.id) example '\(example.note)' (\(example.file):\(example.line)) did not trigger at \(severity); got \(findings.map { "\($0.rule)/\($0.severity)" })")
        }
    }

    @Test("Every rule's non-triggering examples produce no finding of that rule", arguments: rules)
    func nonTriggeringExamplesDoNotTrigger(_ rule: RuleDescription) throws {
        #expect(!rule.nonTriggeringExamples.isEmpty, "\(rule.id) has no non-triggering example")
        for example in rule.nonTriggeringExamples {
            let own = try Self.findings(example).filter { $0.rule == rule.id }
            #expect(own.isEmpty, "\(rule.id) example '\(example.note)' (\(example.file):\(example.line)) triggered: \(own.map(\.message))")
        }
    }

    @Test("Rule IDs are unique and shaped area.name: lower case, or a claim's own name after claims.")
    func ruleIDsAreUniqueAndWellFormed() {
        let ids = Self.rules.map(\.id.rawValue)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let parts = id.split(separator: ".")
            #expect(parts.count == 2, "\(id)")
            #expect(["token", "header", "claims", "signature", "batch", "x5c", "signed-data", "offer", "retention"].contains(String(parts[0])), "\(id)")
            if parts[0] == "claims" {
                #expect(parts[1].allSatisfy { ($0.isLetter || $0 == "_") && $0.isASCII }, "\(id)")
            } else {
                #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" }, "\(id)")
            }
        }
    }

    @Test("Every rule ID has exactly one description in the catalog, in the order of RuleID")
    func catalogCoversEveryRuleID() {
        #expect(Self.rules.map(\.id) == RuleID.allCases)
    }

    @Test("The profiles' written-out names, positions and definitions are those of ProfileName, with one default kind")
    func profileNamesMatch() {
        #expect(ProfileName.names == ProfileName.allCases.map(\.rawValue))
        #expect(ProfileName.allCases.map(\.position) == Array(ProfileName.allCases.indices))
        #expect(Profile.all.map(\.name) == ProfileName.allCases, "Profile.definitions lists the profiles out of ProfileName's order")
        #expect(Profile.all.filter { $0.recognition == .defaultKind }.count == 1, "exactly one profile is the default kind")
    }

    @Test("Every JWS rule runs under at least one profile, and every profile runs the token and signature rules")
    func everyRuleHasAProfile() {
        for rule in Self.rules {
            #expect(RuleCatalog.profiles(running: rule.id).isEmpty == (rule.id.checkingCommand != nil), "\(rule.id)")
        }
        for profile in Profile.all {
            // App Store-signed data is verified with its leaf's key, never with one given: no signature.unverified.
            let expected = profile.name == .appleSigned ? 7 : 8
            #expect(profile.ruleIDs.filter { $0.area == "token" || $0.area == "signature" }.count == expected, "\(profile.name)")
            #expect(profile.ruleIDs == profile.ruleIDs.sorted(), "\(profile.name) runs its rules out of report order")
        }
    }

    @Test("Every rule has a summary, an explanation, a source and a fix")
    func everyRuleIsDocumented() {
        for rule in Self.rules {
            #expect(!rule.summary.isEmpty && !rule.explanation.isEmpty && !rule.source.isEmpty && !rule.fix.isEmpty, "\(rule.id)")
        }
    }

    @Test("The public contract's rule IDs are all in the catalog")
    func contractRuleIDsExist() {
        let contract = [
            "token.format", "token.encoding", "token.json", "token.duplicate-key", "header.alg", "header.kid", "header.typ",
            "header.embedded-key", "claims.iss", "claims.iat", "claims.exp", "claims.lifetime", "claims.aud", "claims.bid",
            "signature.encoding", "signature.mismatch", "signature.unverified",
        ]
        for id in contract {
            #expect(RuleCatalog.rule(id: id) != nil, "\(id)")
        }
    }

    @Test("Every finding the linter emits names a rule in the catalog")
    func findingsUseCatalogRules() throws {
        let known = Set(Self.rules.map(\.id))
        for rule in Self.rules {
            for example in rule.triggeringExamples + rule.nonTriggeringExamples {
                for finding in try Self.findings(example) {
                    #expect(known.contains(finding.rule), "\(finding.rule)")
                }
            }
        }
    }

    @Test("Findings are reported token rules first, then header, claims, signature")
    func findingsComeInPipelineOrder() throws {
        let example = RuleExample.token(
            header: #"{"alg":"none","kid":"x"}"#, claims: #"{"aud":"x","bid":"","bid":""}"#, "many problems")
        let areas = try Self.lint(example).findings.map { String($0.rule.area) }
        let rank = ["token": 0, "header": 1, "claims": 2, "signature": 3]
        #expect(areas.count >= 6)
        #expect(areas.map { rank[$0] ?? -1 } == areas.map { rank[$0] ?? -1 }.sorted(), "\(areas)")
    }
}
