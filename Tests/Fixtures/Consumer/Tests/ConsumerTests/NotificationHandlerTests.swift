// The README's Swift example of "Testing your notification handler", as it is printed there.
import JWTLint
import Testing

@Suite("Our notification handler, fed notifications signed as the App Store signs them")
struct NotificationHandlerTests {
    static let now = 1_767_225_600.0

    /// Stands in for your handler: it verifies as Apple's SignedDataVerifier would, trusting the test root (never
    /// in production), and returns the notification's type and its transaction's product.
    static func handle(signedPayload: String, trusting root: [UInt8]) throws -> (type: String, product: String?) {
        var options = LintOptions(now: now, bundleID: "com.example.app", profile: .pinned(.appleSigned))
        options.environment = .sandbox
        options.trustedRoots = try TrustedRoots(adding: [root], includingApple: false)
        let result = Linter(options: options).lint(signedPayload)
        guard result.verificationStatus == .ok, let type = result.claims?["notificationType"]?.stringValue else {
            throw HandlerError.refused(result.verificationStatus?.rawValue ?? "not verified")
        }
        let transaction = result.nested.first { $0.member == "data.signedTransactionInfo" }?.result.claims
        return (type, transaction?["productId"]?.stringValue)
    }

    enum HandlerError: Error { case refused(String) }

    @Test("A renewal to another product is handled; the same notification from another chain is refused")
    func renewal() throws {
        let chain = try TestChain.make(now: Self.now)
        let kind = try #require(NotificationKind.named("DID_RENEW", nil))
        var draft = NotificationFactory.draft(kind, subject: NotificationSubject(), now: Self.now)
        draft = try NotificationDraftEdit(parsing: "data.signedTransactionInfo.productId=com.example.app.yearly").applied(to: draft)

        let handled = try Self.handle(signedPayload: try NotificationSigner.sign(draft, with: chain), trusting: chain.root)
        #expect(handled.type == "DID_RENEW" && handled.product == "com.example.app.yearly")

        let stranger = try TestChain.make(now: Self.now)
        #expect(throws: HandlerError.self) {
            try Self.handle(signedPayload: try NotificationSigner.sign(draft, with: stranger), trusting: chain.root)
        }
    }

    @Test("Every step of a built-in scenario is handled, in order")
    func scenario() throws {
        let chain = try TestChain.make(now: Self.now)
        let lifecycle = try #require(NotificationScenario.builtIn(named: "subscription-lifecycle"))
        let types = try lifecycle.drafts(subject: NotificationSubject(), endingAt: Self.now).map { draft in
            try Self.handle(signedPayload: try NotificationSigner.sign(draft, with: chain), trusting: chain.root).type
        }
        #expect(types == ["SUBSCRIBED", "DID_RENEW", "DID_FAIL_TO_RENEW", "DID_RENEW", "DID_CHANGE_RENEWAL_STATUS", "EXPIRED"])
    }
}
