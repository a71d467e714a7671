/// The app and the customer a made-up notification is about: what `jwtlint notify` takes from `--bundle-id`,
/// `--app-apple-id` and `--environment`, and the products and original transaction that tie one customer's
/// notifications together.
public struct NotificationSubject: Sendable, Hashable {
    /// The app's bundle ID (`bundleId` everywhere).
    public var bundleID = "com.example.app"
    /// The app's Apple ID (`appAppleId`), which Apple's verifier checks in production.
    public var appAppleID: Int64 = 1_234_567_890
    /// Where the notification says it comes from: `Sandbox` or `Production`.
    public var environment: SignedEnvironment = .sandbox
    /// The auto-renewable subscription the customer has.
    public var subscriptionProductID = "com.example.app.monthly"
    /// The subscription a customer changes to (an upgrade, a downgrade), in the same group.
    public var otherSubscriptionProductID = "com.example.app.yearly"
    /// The subscription group of both.
    public var subscriptionGroupID = "21000001"
    /// The consumable bought once (refunds, consumption requests, one-time charges).
    public var oneTimeProductID = "com.example.app.coins100"
    /// The customer's original transaction ID, the same in every notification about them.
    public var originalTransactionID: String
    /// When the customer first bought the subscription, in Unix milliseconds, for notifications that must agree on
    /// it (a scenario's); `nil` lets each notification put it three periods before its own purchase.
    public var originalPurchaseDate: Int64?
    /// When the last paid period ended, in Unix milliseconds, once renewals have been failing (a scenario's billing
    /// retry): expired and billing-retry notifications keep that end date.
    public var paidThroughDate: Int64?

    /// A subject with the defaults and a new random original transaction ID.
    public init() {
        originalTransactionID = Self.newTransactionID()
    }

    /// A transaction ID as Apple's look: 16 digits, starting with 2000000.
    package static func newTransactionID() -> String {
        let bytes = RandomBytes.make(9) ?? [UInt8](repeating: 7, count: 9)
        return "2000000" + String(decoding: bytes.map { UInt8(ascii: "0") + $0 % 10 }, as: UTF8.self)
    }
}
