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
    /// How `auto` recognises a token of this kind.
    var recognition: Recognition
    /// The claims of a well-formed token of this kind, as names and raw JSON values, issued 30 s before
    /// 2026-01-01T00:00:00Z: the rule examples' starting point.
    let exampleClaims: [(name: String, value: String)]
    /// The header of a well-formed token of this kind, as JSON text.
    var exampleHeader = RuleExample.cleanHeader
    /// Why a missing `iat` matters, when this kind may leave it out; `nil` when it is required.
    var missingIssuedAtAdvice: String? = nil
    /// How `diagnose` speaks of this kind of token.
    let diagnosis: ProfileDiagnosis
    /// How `sign` makes this kind of token; `nil` when no key of the developer's can (App Store-signed data).
    public let signing: SigningRecipe?
    /// Why `sign` cannot make this kind of token, when it cannot.
    package var unsignableReason = ""

    /// How `auto` recognises a token of a kind.
    enum Recognition: Sendable, Equatable {
        /// By its `aud`, exactly; and any token of no recognised kind is judged as this one (the default kind).
        case defaultKind
        /// By its `aud`, compared without regard to case or surrounding whitespace.
        case audience
        /// Never: its shape is another kind's (App Store Connect API tokens share the server API's `aud`).
        case onlyWhenPinned
        /// By an `x5c` in its header, or a payload of App Store data.
        case certificateChain
        /// By this member of its header (WeatherKit's `id`).
        case headerMember(String)
        /// By its `iss`, exactly this string (Apple's identity tokens).
        case issuer(String)
    }

    /// The title after "a" or "an": "an App Store Server API token".
    package var titleWithArticle: String {
        ("AEIOUaeiou".contains(title.first ?? "x") ? "an " : "a ") + title
    }

    /// Every rule that can report on a token under this profile, in report order.
    public var ruleIDs: [RuleID] {
        let batch = expectations.tokenUpdateInterval == nil ? [] : BatchRules.all
        return (TokenRules.all + rules.map { type(of: $0).description } + verification.reportedRules + batch).map(\.id)
    }

    public static func == (lhs: Profile, rhs: Profile) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// The profile chosen for tokens of no recognised kind.
    package static let defaultKind: Profile = all.first { $0.recognition == .defaultKind } ?? all[0]

    /// The profile called `name`.
    public static func named(_ name: ProfileName) -> Profile {
        all[name.position]
    }

    /// Every profile, in the order of ``ProfileName`` (a test checks the two agree).
    public static let all: [Profile] = definitions
}

/// How `diagnose` speaks of one kind of token, and what it says when such a token is well-formed and still refused.
struct ProfileDiagnosis: Sendable {
    /// What a token of this kind is, after "This is" when it was judged as another kind: "an App Store Server API
    /// token".
    var kindPhrase: String
    /// The whole "This is …, not …" title against a particular profile, when the usual one would not do.
    var kindTitleAgainst: @Sendable (Profile) -> String? = { _ in nil }
    /// The first cause's title when the lifetime is over this kind's limit.
    var lifetimeTitle: String = "The lifetime is over Apple's 60-minute limit"
    /// Where that limit is written.
    var lifetimeSource: String = "apple-jwt-rules §6 cause 3"
    /// The API hosts whose tokens are of this kind, for `diagnose` under `auto`: exact names, or prefixes and
    /// suffixes both matching.
    var hosts: [HostPattern] = []
    /// The causes outside a token of this kind that lints clean: the key, or the kind of token for the place it
    /// was sent to.
    var cleanTokenCauses: @Sendable (LintResult, CapturedRequest) -> [Diagnosis.Cause]

    /// A host name, or a prefix and a suffix it must both have.
    struct HostPattern: Sendable {
        var exactly: String? = nil
        var prefix = "", suffix = ""

        func matches(_ host: String) -> Bool {
            if let exactly { return host == exactly }
            return host.hasPrefix(prefix) && host.hasSuffix(suffix)
        }
    }
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
        /// Not required; checked when there (APNs and DeviceCheck tokens, which Apple describes without one).
        case optional
        /// Required, with no limit Apple publishes (WeatherKit).
        case required
    }

    /// What `iss` (and `sub`) must be.
    enum Issuer: Sendable, Equatable {
        /// The issuer ID, a UUID; no `sub` is expected.
        case issuerID
        /// A team key's token has the issuer ID; an individual key's has `sub` "user" and no `iss`.
        case teamOrIndividual
        /// The developer's 10-character Team ID (APNs, DeviceCheck, Sign in with Apple, MusicKit, WeatherKit, MapKit).
        case teamID
        /// Exactly this string: the signer's own name (`https://appleid.apple.com` in Apple's identity tokens).
        case fixed(String)
    }

    /// What `sub` must be.
    enum Subject: Sendable, Equatable {
        /// Not checked (the kind has no `sub`).
        case notChecked
        /// "user" in an individual App Store Connect API key's token, absent in a team key's.
        case individualUser
        /// The client ID (App ID or Services ID), required, compared case-sensitively with the expected one.
        case clientID
        /// A non-empty string identifying the user (Apple's identity tokens).
        case userIdentifier
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
    /// An `iat` older than this, in seconds, is an error: the service refuses it (APNs: one hour).
    var issuedAtLimit: Double? = nil
    /// Whether a missing header `typ` is worth a warning (Apple's libraries send it) or not (services whose
    /// documentation leaves it out).
    var headerType: Presence = .required
    /// What `sub` must be.
    var subject: Subject = .notChecked
    /// What `scope` is, when the kind has one.
    var scope: ScopeForm = .absent
    /// What `origin` is, when the kind has one.
    var origin: OriginForm = .list
    /// The one `alg` the kind is signed with.
    var algorithm = "ES256"
    /// Whether `kid` has the shape of Apple's developer key IDs (ten upper-case letters and digits); Apple's own
    /// RSA keys have other IDs.
    var developerKeyID = true
    /// Whether `aud` is the client ID (`--client-id`) rather than the profile's fixed audience.
    var audienceIsClientID = false
    /// What `nonce` is, in the kinds that have one.
    var nonce: NonceForm = .uuid
    /// The shortest time, in seconds, the service allows between one token and the next from the same key and
    /// team (APNs: 20 minutes), checked over a batch; `nil` when it sets none.
    var tokenUpdateInterval: Double? = nil

    /// The form of a kind's `nonce`.
    enum NonceForm: Sendable, Equatable {
        /// A one-time UUID, required (StoreKit in-app JWS).
        case uuid
        /// Whatever the app sent to Apple, compared with the expected nonce when one is given (identity tokens).
        case echoed
    }

    /// The form of a kind's `scope`.
    enum ScopeForm: Sendable, Equatable {
        /// None: a scope there marks another kind of token (the Team ID services but MapKit).
        case absent
        /// An array of "METHOD /path" strings (App Store Connect API).
        case requests
        /// One string of space-separated Apple Maps frameworks (MapKit JS and the Maps Server API).
        case mapsFrameworks
    }

    /// The form of a kind's `origin`.
    enum OriginForm: Sendable, Equatable {
        /// An array of web origins (MusicKit).
        case list
        /// One web origin, compared exactly with the browser's Origin header (MapKit JS).
        case single
    }
}
