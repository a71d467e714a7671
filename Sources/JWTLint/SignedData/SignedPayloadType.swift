/// What an App Store-signed payload is, read from its members: which of Apple's verifier methods it is for.
public enum SignedPayloadType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// An App Store Server Notification V2 (`signedPayload`) with `data`.
    case notification
    /// A notification whose `summary` reports a renewal date extension for many customers.
    case summary
    /// A notification about an external purchase token.
    case externalPurchaseToken = "external-purchase-token"
    /// A transaction (`signedTransactionInfo`, `signedTransactions`).
    case transaction
    /// Subscription renewal info (`signedRenewalInfo`).
    case renewalInfo = "renewal-info"
    /// An app transaction (StoreKit's `AppTransaction`).
    case appTransaction = "app-transaction"
    /// A Retention Messaging API realtime request (`signedPayload`).
    case realtimeRequest = "realtime-request"

    /// The name as reports write it: `renewal-info`.
    public var description: String { rawValue }

    /// The type a payload's members show, or `nil` when they match none.
    static func of(_ payload: JSONObject) -> SignedPayloadType? {
        if payload.contains("notificationType") {
            if payload.contains("summary") { return .summary }
            if payload.contains("externalPurchaseToken") { return .externalPurchaseToken }
            return .notification
        }
        if payload.contains("receiptType") { return .appTransaction }
        if payload.contains("autoRenewStatus") || payload.contains("autoRenewProductId") { return .renewalInfo }
        if payload.contains("transactionId") { return .transaction }
        if payload.contains("requestIdentifier"), payload.contains("userLocale") { return .realtimeRequest }
        return nil
    }
}
