import Foundation
import Testing
@testable import JWTLint

@Suite("Notification scenarios: one customer over time")
struct NotificationScenarioTests {
    static let now = 1_767_225_600.0

    @Test("Each built-in scenario is, byte for byte, its sample file in Vectors/scenarios, and every sample is built in")
    func builtInsAreTheSamples() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: VectorFiles.path("scenarios")).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files == NotificationScenario.builtInTexts.map(\.file).sorted())
        #expect(NotificationScenario.builtIn.count == NotificationScenario.builtInTexts.count, "a built-in text does not parse")
        for (file, text) in NotificationScenario.builtInTexts {
            let sample = try String(contentsOfFile: VectorFiles.path("scenarios/\(file)"), encoding: .utf8)
            #expect(sample == text, "\(file)")
            #expect(NotificationScenario.builtIn(named: String(file.dropLast(5))) != nil, "\(file) is not named after its scenario")
        }
    }

    @Test("Every built-in scenario signs at times in order, ending now, about one customer whose first purchase all agree on",
          arguments: NotificationScenario.builtIn)
    func scenarioHangsTogether(_ scenario: NotificationScenario) throws {
        let subject = NotificationSubject()
        let drafts = try scenario.drafts(subject: subject, endingAt: Self.now)
        #expect(drafts.count == scenario.steps.count)
        let signed = drafts.map { $0.integer("signedDate") }
        #expect(signed == signed.sorted() && Set(signed).count == signed.count)
        #expect(signed.last == Int64(Self.now * 1000))
        var firstPurchases = Set<Int64>()
        var transactionOfPeriod: [Int64: String] = [:]
        var lastPurchase: Int64 = 0
        for (draft, step) in zip(drafts, scenario.steps) {
            #expect(draft["notificationType"]?.stringValue == step.kind.type)
            guard case .object(let data)? = draft["data"], case .object(let transaction)? = data["signedTransactionInfo"] else { continue }
            #expect(transaction["originalTransactionId"]?.stringValue == subject.originalTransactionID, "\(step.kind)")
            firstPurchases.insert(transaction.integer("originalPurchaseDate"))
            let purchase = transaction.integer("purchaseDate")
            #expect(purchase >= lastPurchase, "\(step.kind): the purchase date goes back in time")
            lastPurchase = purchase
            #expect(purchase <= draft.integer("signedDate"), "\(step.kind): bought after it was signed")
            let id = transaction["transactionId"]?.stringValue ?? ""
            #expect(transactionOfPeriod[purchase, default: id] == id, "\(step.kind): another transaction ID for the same period")
            transactionOfPeriod[purchase] = id
        }
        #expect(firstPurchases.count <= 1, "\(scenario.name): first purchases \(firstPurchases)")
    }

    @Test("After a failed renewal, later notifications keep the paid period's end until a renewal succeeds")
    func billingRetryKeepsThePaidEnd() throws {
        let scenario = try #require(NotificationScenario.builtIn(named: "billing-retry-expiry"))
        let expires = try scenario.drafts(subject: NotificationSubject(), endingAt: Self.now).compactMap { draft -> Int64? in
            guard case .object(let data)? = draft["data"], case .object(let transaction)? = data["signedTransactionInfo"] else { return nil }
            return transaction.integer("expiresDate")
        }
        #expect(expires.count == 4 && Set(expires).count == 1, "\(expires)")
    }

    @Test("Durations are whole numbers of s, m, h or d; anything else is refused", arguments: [
        ("90s", 90.0), ("15m", 900), ("12h", 43_200), ("30d", 2_592_000), ("0d", 0),
    ] as [(String, Double)])
    func durations(_ text: String, _ seconds: Double) {
        #expect(NotificationScenario.duration(text) == seconds)
    }

    @Test("Scenario files that are not scenarios are refused with a sentence naming the problem", arguments: [
        #"{"scenario":"x","steps":[]}"#, #"{"steps":[{"notification":"TEST"}]}"#, #"{"scenario":"Has Spaces","steps":[{"notification":"TEST"}]}"#,
        #"{"scenario":"x","steps":[{"notification":"TEST","after":"1w"}]}"#, #"{"scenario":"x","steps":[{"notification":"TEST","after":"-1d"}]}"#,
        #"{"scenario":"x","steps":[{"notification":"NOPE"}]}"#, #"{"scenario":"x","steps":[{"notification":"TEST","sets":{}}]}"#,
        #"{"scenario":"x","steps":[{"notification":"TEST"},{"notification":"TEST","after":"400d"}]}"#,
        #"{"scenario":"x","steps":[{"notification":"TEST","remove":["a..b"]}]}"#, "[1]", "",
    ])
    func refused(_ text: String) {
        #expect(throws: JWTLintError.self) { try NotificationScenario(parsing: Array(text.utf8)) }
    }
}
