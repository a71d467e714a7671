/// One kind of App Store Server Notification V2: a `notificationType`, its `subtype` (or none), what happened, and
/// what the payload carries. ``all`` lists every pair Apple documents.
///
/// Sources: Apple's `notificationType` and `subtype` pages
/// (developer.apple.com/documentation/appstoreservernotifications/notificationtype, …/subtype), checked against
/// the `NotificationTypeV2` and `Subtype` enums of Apple's Python, Swift, Java and Node libraries (the same 23
/// types and 17 subtypes; `CREATED` and `ACTIVE_TOKEN_REMINDER`, documented since June 2025, are in none of them).
public struct NotificationKind: Sendable, Hashable, CustomStringConvertible {
    /// The `notificationType`, such as `DID_RENEW`.
    public let type: String
    /// The `subtype`, such as `BILLING_RECOVERY`, or `nil` for none.
    public let subtype: String?
    /// What the notification tells, in a few words.
    public let summary: String
    /// What the payload carries besides the notification's own members.
    let contents: Contents

    /// The payload's part, and for `data`, the customer's purchase it describes.
    enum Contents: Sendable, Hashable {
        /// `data` with the app's identity only (a `TEST`).
        case appOnly
        /// `data` with a transaction, and for a subscription its renewal info and status.
        case purchase(Purchase)
        /// `summary`, of a renewal date extension for many customers.
        case summary
        /// `externalPurchaseToken`; `reportsTokenType` adds the custom link token's `tokenType` and expiry.
        case externalPurchaseToken(reportsTokenType: Bool)
        /// `appData` with `signedAppTransactionInfo`.
        case appData
    }

    /// The state of the purchase a `data` notification carries, which the factory turns into consistent data.
    struct Purchase: Sendable, Hashable {
        enum Product: Sendable, Hashable { case subscription, consumable }
        var product: Product = .subscription
        /// The subscription's `status` (1 active, 2 expired, 3 billing retry, 4 grace period, 5 revoked).
        var status: Int64 = 1
        /// Whether the transaction is a renewal rather than a purchase.
        var renewal = false
        /// Whether the transaction is revoked (refunded, or Family Sharing withdrawn).
        var revoked = false
        var familyShared = false
        var autoRenew = true
        /// The renewal info's `expirationIntent`, for an expired subscription.
        var expirationIntent: Int64?
        var priceIncreaseStatus: Int64?
        /// Whether the customer switches product at the next renewal (`autoRenewProductId` differs).
        var changesProduct = false
        /// Whether the transaction redeemed a promotional offer.
        var offer = false
        var consumptionRequestReason: String?
        /// Whether the expiry was extended.
        var extended = false
    }

    /// The name a user types: `DID_RENEW` or `DID_RENEW/BILLING_RECOVERY`.
    public var description: String { subtype.map { "\(type)/\($0)" } ?? type }

    /// The kind with this type and subtype, if Apple documents the pair.
    public static func named(_ type: String, _ subtype: String?) -> NotificationKind? {
        all.first { $0.type == type && $0.subtype == subtype }
    }

    private init(_ type: String, _ subtype: String?, _ summary: String, _ contents: Contents) {
        self.type = type
        self.subtype = subtype
        self.summary = summary
        self.contents = contents
    }

    private static func purchase(_ change: (inout Purchase) -> Void = { _ in }) -> Contents {
        var purchase = Purchase()
        change(&purchase)
        return .purchase(purchase)
    }

    /// Every type and subtype pair Apple documents, in Apple's order of types.
    public static let all: [NotificationKind] = [
        NotificationKind("SUBSCRIBED", "INITIAL_BUY", "the customer subscribed for the first time", purchase()),
        NotificationKind("SUBSCRIBED", "RESUBSCRIBE", "the customer subscribed again, after it expired", purchase()),
        NotificationKind("DID_CHANGE_RENEWAL_PREF", "UPGRADE", "the customer upgraded; it takes effect at once", purchase { $0.changesProduct = true }),
        NotificationKind("DID_CHANGE_RENEWAL_PREF", "DOWNGRADE", "the customer downgraded; it takes effect at the next renewal", purchase { $0.changesProduct = true }),
        NotificationKind("DID_CHANGE_RENEWAL_PREF", nil, "the customer cancelled a downgrade", purchase()),
        NotificationKind("DID_CHANGE_RENEWAL_STATUS", "AUTO_RENEW_ENABLED", "the customer turned automatic renewal back on", purchase()),
        NotificationKind("DID_CHANGE_RENEWAL_STATUS", "AUTO_RENEW_DISABLED", "the customer (or Apple, after a refund) turned automatic renewal off", purchase { $0.autoRenew = false }),
        NotificationKind("OFFER_REDEEMED", "UPGRADE", "the customer redeemed an offer to upgrade", purchase { $0.offer = true }),
        NotificationKind("OFFER_REDEEMED", "DOWNGRADE", "the customer redeemed an offer to downgrade", purchase { $0.offer = true; $0.changesProduct = true }),
        NotificationKind("OFFER_REDEEMED", nil, "the customer redeemed an offer on an active subscription", purchase { $0.offer = true }),
        NotificationKind("DID_RENEW", "BILLING_RECOVERY", "a renewal that had failed succeeded", purchase { $0.renewal = true }),
        NotificationKind("DID_RENEW", nil, "the subscription renewed", purchase { $0.renewal = true }),
        NotificationKind("EXPIRED", "VOLUNTARY", "it expired after the customer turned renewal off", purchase { $0.status = 2; $0.autoRenew = false; $0.expirationIntent = 1 }),
        NotificationKind("EXPIRED", "BILLING_RETRY", "it expired: billing retries failed", purchase { $0.status = 2; $0.autoRenew = false; $0.expirationIntent = 2 }),
        NotificationKind("EXPIRED", "PRICE_INCREASE", "it expired: the customer did not consent to a price increase", purchase { $0.status = 2; $0.autoRenew = false; $0.expirationIntent = 3; $0.priceIncreaseStatus = 0 }),
        NotificationKind("EXPIRED", "PRODUCT_NOT_FOR_SALE", "it expired: the product was not for sale at renewal", purchase { $0.status = 2; $0.autoRenew = false; $0.expirationIntent = 4 }),
        NotificationKind("DID_FAIL_TO_RENEW", "GRACE_PERIOD", "renewal failed; service goes on in the billing grace period", purchase { $0.status = 4 }),
        NotificationKind("DID_FAIL_TO_RENEW", nil, "renewal failed; the subscription is in billing retry", purchase { $0.status = 3 }),
        NotificationKind("GRACE_PERIOD_EXPIRED", nil, "the billing grace period ended; billing retry goes on", purchase { $0.status = 3 }),
        NotificationKind("PRICE_INCREASE", "PENDING", "a price increase awaits the customer's consent", purchase { $0.priceIncreaseStatus = 0 }),
        NotificationKind("PRICE_INCREASE", "ACCEPTED", "the customer consented to a price increase (or needed not)", purchase { $0.priceIncreaseStatus = 1 }),
        NotificationKind("REFUND", nil, "Apple refunded a purchase", purchase { $0.product = .consumable; $0.revoked = true }),
        NotificationKind("REFUND_DECLINED", nil, "Apple declined a refund request", purchase { $0.product = .consumable }),
        NotificationKind("REFUND_REVERSED", nil, "Apple reversed a refund after a dispute", purchase { $0.product = .consumable }),
        NotificationKind("CONSUMPTION_REQUEST", nil, "a refund was requested: Apple asks for consumption data", purchase { $0.product = .consumable; $0.consumptionRequestReason = "UNINTENDED_PURCHASE" }),
        NotificationKind("RENEWAL_EXTENDED", nil, "the subscription's renewal date was extended", purchase { $0.extended = true }),
        NotificationKind("RENEWAL_EXTENSION", "SUMMARY", "a renewal date extension for many customers finished", .summary),
        NotificationKind("RENEWAL_EXTENSION", "FAILURE", "a renewal date extension failed for one subscription", purchase()),
        NotificationKind("REVOKE", nil, "Family Sharing no longer gives this family member the purchase", purchase { $0.status = 5; $0.revoked = true; $0.familyShared = true }),
        NotificationKind("TEST", nil, "a test, as Request a Test Notification sends: no transaction", .appOnly),
        NotificationKind("EXTERNAL_PURCHASE_TOKEN", "UNREPORTED", "an external purchase token was not reported", .externalPurchaseToken(reportsTokenType: false)),
        NotificationKind("EXTERNAL_PURCHASE_TOKEN", "CREATED", "a custom link token was created", .externalPurchaseToken(reportsTokenType: true)),
        NotificationKind("EXTERNAL_PURCHASE_TOKEN", "ACTIVE_TOKEN_REMINDER", "a custom link token is still active: report it", .externalPurchaseToken(reportsTokenType: true)),
        NotificationKind("ONE_TIME_CHARGE", nil, "the customer bought a consumable, non-consumable or non-renewing product", purchase { $0.product = .consumable }),
        NotificationKind("RESCIND_CONSENT", nil, "a parent or guardian withdrew consent for the app", .appData),
        NotificationKind("METADATA_UPDATE", nil, "Advanced Commerce: a subscription's metadata changed", purchase()),
        NotificationKind("MIGRATION", nil, "Advanced Commerce: a subscription migrated to the Advanced Commerce API", purchase()),
        NotificationKind("PRICE_CHANGE", nil, "Advanced Commerce: a subscription's price changed", purchase()),
    ]
}
