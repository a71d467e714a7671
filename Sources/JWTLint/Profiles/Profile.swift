/// A kind of token and how it is judged: a named rule set plus its expectations (the audience, which claims are
/// required or forbidden, the lifetime limits). Profiles are values; ``all`` lists them.
///
/// Every profile runs the rules on the token's form (`token.*`) and its ES256 signature (`signature.*`); between
/// them, its own header and claims rules, some shared with other profiles and told apart by the expectations.
public struct Profile: Sendable, Hashable {
    /// The profile's name, as `--profile` takes it.
    public let name: ProfileName
    /// What the token is, for people: "App Store Server API token".
    public let title: String
    /// One paragraph: what the token is for, who makes it, what is particular about it.
    public let summary: String
    /// Where the profile's rules come from.
    public let source: String
    /// The `aud` this kind of token carries.
    public let audience: String
    /// What the shared rules expect of this kind of token.
    let expectations: Expectations
    /// The header and claims rules, in report order.
    let rules: [any LintRule]
    /// What the signature is verified with.
    var verification: Verification = .givenKey

    /// What a profile's signatures are verified with.
    enum Verification: Sendable {
        /// The key the options give (the In-App Purchase key, or an App Store Connect API key).
        case givenKey
        /// The leaf of the `x5c` chain, once the chain verifies to a trusted root (App Store-signed data).
        case appleChain
    }

    /// The title after "a" or "an": "an App Store Server API token".
    public var titleWithArticle: String {
        ("AEIOUaeiou".contains(title.first ?? "x") ? "an " : "a ") + title
    }

    /// Every rule that can report on a token under this profile, in report order.
    public var ruleIDs: [RuleID] {
        switch verification {
        case .givenKey:
            return (TokenRules.all + rules.map { type(of: $0).description } + SignatureRules.all).map(\.id)
        case .appleChain:
            let signature = [SignatureRules.encoding, SignatureRules.range, SignatureRules.mismatch]
            return (TokenRules.all + rules.map { type(of: $0).description } + signature + SignedDataRules.all).map(\.id)
        }
    }

    public static func == (lhs: Profile, rhs: Profile) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// The profile called `name`.
    public static func named(_ name: ProfileName) -> Profile {
        switch name {
        case .appStoreServerAPI: return appStoreServerAPI
        case .promotionalOffer: return promotionalOffer
        case .introductoryOfferEligibility: return introductoryOfferEligibility
        case .advancedCommerceInApp: return advancedCommerceInApp
        case .appStoreConnectAPI: return appStoreConnectAPI
        case .appleSigned: return appleSigned
        }
    }

    /// Every profile, in the order of ``ProfileName``.
    public static var all: [Profile] { ProfileName.allCases.map(named) }
}

/// What the rules shared between profiles expect of one kind of token.
struct Expectations: Sendable {
    /// Whether a claim must, may or must not be present.
    enum Presence: Sendable {
        case required, optional, forbidden
    }

    /// What `exp` must be.
    enum Expiry: Sendable {
        /// Required, at most `maximumLifetime` seconds after `iat`; a warning within `margin` of it.
        case limited(maximumLifetime: Double, margin: Double)
        /// Required, at most 20 minutes after `iat`, or up to six months for a scoped token of GET requests on the
        /// resources Apple lists (App Store Connect API).
        case appStoreConnect
        /// Must be absent: Apple refuses the request when it is there (StoreKit in-app JWS).
        case forbidden
    }

    /// What `iss` (and `sub`) must be.
    enum Issuer: Sendable {
        /// The issuer ID, a UUID; no `sub` is expected.
        case issuerID
        /// A team key's token has the issuer ID; an individual key's has `sub` "user" and no `iss`.
        case teamOrIndividual
    }

    /// What `iss` (and `sub`) must be.
    var issuer: Issuer
    /// `.optional`: a missing `iat` is a warning; `.required`: an error.
    var issuedAt: Presence
    /// An `iat` older than this, in seconds, draws a warning: an age no server would mean.
    var maximumAge: Double?
    /// What `exp` must be.
    var expiry: Expiry
    /// `.required`: `bid` must be the bundle ID; `.forbidden`: a `bid` means a token of another kind.
    var bundleID: Presence
    /// Whether `transactionId` is required (introductory offer eligibility) or optional (promotional offers).
    var transactionID: Presence
}
