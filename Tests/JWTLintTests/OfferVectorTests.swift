import Foundation
import Testing
import JWTLint

/// Vectors/offers/cases.json: every legacy promotional offer case's complete expected findings, and the mistake named.
@Suite("The project's offer signature vectors")
struct OfferVectorTests {
    struct Case: CustomStringConvertible, Sendable {
        let id: String, request: LegacyOfferRequest, now: Double, expected: [String], mistake: String?, exit: Int
        var description: String { id }
    }

    static var document: [String: Any]? { try? VectorFiles.json("offers/cases.json") }

    static let cases: [Case] = (document?["cases"] as? [[String: Any]] ?? []).map { item in
        let text = { (name: String) in item[name] as? String ?? "" }
        return Case(
            id: text("id"),
            request: LegacyOfferRequest(
                bundleID: text("bundleId"), keyID: text("keyId"), productID: text("productId"), offerIdentifier: text("offerIdentifier"),
                appAccountToken: text("appAccountToken"), nonce: text("nonce"), timestamp: text("timestamp"), signature: text("signature")),
            now: (item["now"] as? NSNumber)?.doubleValue ?? 0,
            expected: (item["findings"] as? [[String: Any]] ?? []).map { "\($0["rule"] ?? "?")/\($0["severity"] ?? "?")" }.sorted(),
            mistake: item["mistake"] as? String, exit: item["exit"] as? Int ?? -1)
    }

    /// The mistake a case names, in the code of Vectors/gen/offers.py.
    static func code(_ mistake: OfferSignatureMistake, fieldNames: [String] = LegacyOfferRequest.fieldNames) -> String {
        switch mistake {
        case .nonceNotLowercased: return "nonce-case"
        case .appAccountTokenNotLowercased: return "token-case"
        case .appAccountTokenLeftOut: return "token-left-out"
        case .timestampInSeconds: return "timestamp-seconds"
        case .separator(let name):
            let separators = ["'|'": "|", "','": ",", "nothing": "", "U+2064 INVISIBLE PLUS": "\u{2064}"]
            return "separator:" + (separators[name] ?? name)
        case .keyID(let keyID): return "key-id:" + keyID
        case .bundleID(let bundleID): return "bundle-id:" + bundleID
        case .fieldOrder(let names): return "field-order:" + names.compactMap { fieldNames.firstIndex(of: $0).map(String.init) }.joined(separator: ",")
        }
    }

    @Test("The corpus is present, has a clean case, and triggers every offer rule")
    func corpusCoversEveryRule() {
        #expect(Self.cases.count >= 15)
        #expect(Self.cases.contains { $0.expected.isEmpty })
        let covered = Set(Self.cases.flatMap { $0.expected.map { String($0.split(separator: "/")[0]) } })
        for rule in RuleCatalog.all where rule.id.area == "offer" {
            #expect(covered.contains(rule.id.rawValue), "no offer case triggers \(rule.id)")
        }
    }

    @Test("Each case gives exactly its findings, exit status and named mistake", arguments: cases)
    func caseMatches(_ test: Case) throws {
        let key = try VectorFiles.key(Self.document?["key"] as? String ?? "")
        let result = LegacyOfferSignature.check(test.request, key: key.publicKey, now: test.now)
        #expect(result.findings.map { "\($0.rule)/\($0.severity.rawValue)" }.sorted() == test.expected, "\(test.id): \(result.findings.map(\.message))")
        #expect((result.hasErrors ? 1 : 0) == test.exit)
        let named = result.findings.compactMap { finding -> String? in
            if case .offerMistake(let mistake) = finding.cause { return Self.code(mistake) }
            return nil
        }
        #expect(named == (test.mistake.map { [$0] } ?? []), "\(test.id)")
    }
}
