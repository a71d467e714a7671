import Testing
@testable import JWTLint

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Notifications made and signed as the App Store would")
struct NotificationTests {
    static let now = 1_767_225_600.0

    static func options(_ chain: TestChain, environment: SignedEnvironment, bundleID: String, appAppleID: Int64) throws -> LintOptions {
        var options = LintOptions(now: now, bundleID: bundleID, profile: .pinned(.appleSigned))
        options.environment = environment
        options.appAppleID = appAppleID
        options.trustedRoots = try TrustedRoots(adding: [chain.root], includingApple: false)
        return options
    }

    @Test("Every documented kind, signed by a test chain, is judged OK by jwtlint's signed-data check, nested data included",
          arguments: [SignedEnvironment.sandbox, .production])
    func everyKindVerifies(environment: SignedEnvironment) throws {
        let chain = try TestChain.make(now: Self.now)
        var subject = NotificationSubject()
        subject.bundleID = "com.example.notified"
        subject.appAppleID = 555
        subject.environment = environment
        let linter = Linter(options: try Self.options(chain, environment: environment, bundleID: subject.bundleID, appAppleID: 555))
        for kind in NotificationKind.all {
            let draft = NotificationFactory.draft(kind, subject: subject, now: Self.now)
            let result = linter.lint(try NotificationSigner.sign(draft, with: chain))
            let said = result.findings.map { "\($0.rule): \($0.message)" } + result.nested.flatMap { $0.result.findings.map { "\($0.rule): \($0.message)" } }
            #expect(result.verificationStatus == .ok, "\(kind): \(said)")
            #expect(!result.hasErrors, "\(kind): \(said)")
            #expect(result.nested.allSatisfy { $0.result.verificationStatus == .ok }, "\(kind): \(said)")
        }
    }

    @Test("A subscription's transaction and renewal info share the original transaction ID, and its dates are in order")
    func dataHangsTogether() throws {
        let subject = NotificationSubject()
        for kind in NotificationKind.all {
            let draft = NotificationFactory.draft(kind, subject: subject, now: Self.now)
            #expect(draft["notificationType"]?.stringValue == kind.type)
            #expect(draft["subtype"]?.stringValue == kind.subtype)
            guard case .object(let data)? = draft["data"], case .object(let transaction)? = data["signedTransactionInfo"] else { continue }
            #expect(transaction["originalTransactionId"]?.stringValue == subject.originalTransactionID, "\(kind)")
            let purchase = transaction.integer("purchaseDate"), original = transaction.integer("originalPurchaseDate")
            #expect(original <= purchase, "\(kind)")
            #expect(purchase <= Int64(Self.now * 1000), "\(kind)")
            if transaction.contains("expiresDate") { #expect(transaction.integer("expiresDate") > purchase, "\(kind)") }
            if case .object(let renewal)? = data["signedRenewalInfo"] {
                #expect(renewal["originalTransactionId"]?.stringValue == subject.originalTransactionID, "\(kind)")
                #expect(data["status"] != nil, "\(kind) has renewal info but no status")
            }
        }
        let expired = NotificationFactory.draft(try #require(NotificationKind.named("EXPIRED", "VOLUNTARY")), subject: subject, now: Self.now)
        guard case .object(let data)? = expired["data"], case .object(let transaction)? = data["signedTransactionInfo"] else {
            Issue.record("EXPIRED has no transaction")
            return
        }
        #expect(transaction.integer("expiresDate") < Int64(Self.now * 1000))
        #expect(data["status"] == .integer(2))
    }

    @Test("Every type and subtype pair is listed once, and named lookups find them")
    func kindsAreUnique() {
        #expect(Set(NotificationKind.all.map(\.description)).count == NotificationKind.all.count)
        #expect(NotificationKind.named("TEST", nil)?.summary.isEmpty == false)
        #expect(NotificationKind.named("SUBSCRIBED", nil) == nil)
        #expect(NotificationKind.named("EXTERNAL_PURCHASE_TOKEN", "CREATED") != nil)
    }

    @Test("Edits change, add and remove members at any depth, and say why a path leads nowhere")
    func edits() throws {
        let draft = NotificationFactory.draft(try #require(NotificationKind.named("DID_RENEW", nil)), subject: NotificationSubject(), now: Self.now)
        let priced = try NotificationDraftEdit(parsing: "data.signedTransactionInfo.price=1990").applied(to: draft)
        guard case .object(let data)? = priced["data"], case .object(let transaction)? = data["signedTransactionInfo"] else {
            Issue.record("no transaction")
            return
        }
        #expect(transaction["price"] == .integer(1990))
        let quoted = try NotificationDraftEdit(parsing: #"data.bundleId="1990""#).applied(to: draft)
        #expect(quoted["data"]?.objectValue?["bundleId"] == .string("1990"))
        let text = try NotificationDraftEdit(parsing: "data.bundleId=com.other.app").applied(to: draft)
        #expect(text["data"]?.objectValue?["bundleId"] == .string("com.other.app"))
        let added = try NotificationDraftEdit(parsing: "data.extra={\"a\":[1,2]}", adding: true).applied(to: draft)
        #expect(added["data"]?.objectValue?["extra"] == .object(JSONObject(members: [.init(name: "a", value: .array([.integer(1), .integer(2)]))])))
        let removed = try NotificationDraftEdit(parsing: "data.status", removing: true).applied(to: draft)
        #expect(removed["data"]?.objectValue?["status"] == nil)

        #expect(throws: JWTLintError.self) { try NotificationDraftEdit(parsing: "data.nothere=1").applied(to: draft) }
        #expect(throws: JWTLintError.self) { try NotificationDraftEdit(parsing: "data.status=1", adding: true).applied(to: draft) }
        #expect(throws: JWTLintError.self) { try NotificationDraftEdit(parsing: "data.status.deeper=1").applied(to: draft) }
        #expect(throws: JWTLintError.self) { try NotificationDraftEdit(parsing: "no-equals-sign") }
        #expect(throws: JWTLintError.self) { try NotificationDraftEdit(parsing: "data..status=1") }
        let signed = try NotificationDraftEdit(parsing: "data.signedTransactionInfo=\"eyJ.eyJ.sig\"").applied(to: draft)
        #expect(throws: JWTLintError.self) { try NotificationDraftEdit(parsing: "data.signedTransactionInfo.price=1").applied(to: signed) }
    }

    @Test("A chain written to a folder reads back and signs data that verifies with its root; a wrong key is refused")
    func chainFolder() throws {
        let folder = "/tmp/jwtlint-chain-test-\(getpid())"
        defer { _ = system("rm -rf '\(folder)' '\(folder)-2'") }
        let made = try TestChainDirectory.create(in: folder, now: Self.now, years: 2, force: false)
        var status = stat()
        #expect(stat(folder + "/leaf.key", &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(throws: JWTLintError.self) { try TestChainDirectory.create(in: folder, now: Self.now, years: 2, force: false) }
        let loaded = try TestChain.load(from: folder, now: Self.now)
        #expect(loaded.root == made.root && loaded.leaf == made.leaf)
        let draft = NotificationFactory.draft(try #require(NotificationKind.named("TEST", nil)), subject: NotificationSubject(), now: Self.now)
        let result = Linter(options: try Self.options(made, environment: .sandbox, bundleID: "com.example.app", appAppleID: 1)).lint(try NotificationSigner.sign(draft, with: loaded))
        #expect(result.verificationStatus == .ok)
        // Another chain's leaf key in this folder: the folder no longer hangs together.
        try TestChainDirectory.create(in: folder + "-2", now: Self.now, years: 2, force: false)
        #expect(system("cp '\(folder)-2/leaf.key' '\(folder)/leaf.key'") == 0)
        #expect(throws: JWTLintError.self) { try TestChain.load(from: folder, now: Self.now) }
        // Past its validity, it is refused with a way out.
        #expect(throws: JWTLintError.self) { try TestChain.load(from: folder + "-2", now: Self.now + 5 * 31_556_952) }
    }
}
