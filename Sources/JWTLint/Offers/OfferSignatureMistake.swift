/// A classic mistake in making a legacy promotional offer signature, found by trying it: the signature does not
/// verify over Apple's payload, but verifies over the payload with this mistake made.
public enum OfferSignatureMistake: Hashable, Sendable {
    /// The nonce was signed as given, not lower-cased (Swift's `UUID().uuidString` is upper case).
    case nonceNotLowercased
    /// The app account token (or application username) was signed as given, not lower-cased.
    case appAccountTokenNotLowercased
    /// The signature was made with an empty app account token, but the app sends one.
    case appAccountTokenLeftOut
    /// The timestamp was signed in seconds, not milliseconds.
    case timestampInSeconds
    /// The fields were joined by another separator than U+2063: its name, such as `'|'` or `nothing`.
    case separator(String)
    /// The payload named another key ID: the one signed.
    case keyID(String)
    /// The payload named another bundle ID: the one signed.
    case bundleID(String)
    /// The fields were signed in another order: the order used, by field name.
    case fieldOrder([String])
}
