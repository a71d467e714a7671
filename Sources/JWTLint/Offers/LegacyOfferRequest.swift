/// What an app passes to StoreKit to apply a promotional offer the legacy way (`SKPaymentDiscount`,
/// `Product.PurchaseOption.promotionalOffer(offerID:keyID:nonce:signature:timestamp:)`): the values the server
/// signed, and the signature.
public struct LegacyOfferRequest: Sendable, Hashable {
    /// The app's bundle ID.
    public var bundleID: String
    /// The ID of the In-App Purchase key that signed.
    public var keyID: String
    /// The subscription's product identifier.
    public var productID: String
    /// The promotional offer's identifier.
    public var offerIdentifier: String
    /// The app account token (or, with StoreKit 1, the application username); empty when there is none.
    public var appAccountToken: String
    /// The one-time UUID nonce.
    public var nonce: String
    /// The timestamp, in Unix milliseconds, as given.
    public var timestamp: String
    /// The signature, as given: standard base64 of a DER ECDSA signature.
    public var signature: String

    /// A request with these values.
    public init(
        bundleID: String, keyID: String, productID: String, offerIdentifier: String, appAccountToken: String = "",
        nonce: String, timestamp: String, signature: String
    ) {
        self.bundleID = bundleID
        self.keyID = keyID
        self.productID = productID
        self.offerIdentifier = offerIdentifier
        self.appAccountToken = appAccountToken
        self.nonce = nonce
        self.timestamp = timestamp
        self.signature = signature
    }

    /// The separator Apple joins the fields with: U+2063 INVISIBLE SEPARATOR.
    package static let separator = "\u{2063}"

    /// The field names, in the order Apple signs them.
    package static let fieldNames = ["bundle ID", "key ID", "product ID", "offer ID", "app account token", "nonce", "timestamp"]

    /// The fields in the order Apple signs them, the nonce and app account token lower-cased, as Apple requires.
    package var appleFields: [String] {
        [bundleID, keyID, productID, offerIdentifier, appAccountToken.lowercased(), nonce.lowercased(), timestamp]
    }

    /// The exact text Apple checks the signature against: the fields joined by U+2063.
    public var applePayload: String { appleFields.joined(separator: Self.separator) }
}
