/// What a token is checked against. "Now" is an input: rules never read the clock.
public struct LintOptions: Sendable {
    /// The key to verify signatures with; `nil` leaves signatures unverified (reported as `signature.unverified`).
    public var key: ES256PublicKey?
    /// The JWK Set that verifies Apple's identity tokens, its key picked by each token's `kid`.
    public var keySet: JWKSet?
    /// The nonce an identity token must carry: the value the app passed to Sign in with Apple.
    public var nonce: String?
    /// The expected key ID. When set, a different `kid` is an error.
    public var expectedKeyID: String?
    /// The key ID in the key file's name (`SubscriptionKey_<KEYID>.p8`). A different `kid` is a warning.
    public var keyIDFromFileName: String?
    /// The expected issuer ID.
    public var issuer: String?
    /// The expected bundle ID, compared case-sensitively.
    public var bundleID: String?
    /// The expected client ID of Sign in with Apple (the App ID or Services ID), compared case-sensitively.
    public var clientID: String?
    /// The time to check against, in Unix seconds.
    public var now: Double
    /// How far ahead of `now` an `iat` may be before it is an error, in seconds.
    public var leeway: Double
    /// Per-rule severities (from a configuration file): a rule's findings all get that severity, or none is
    /// reported when it is off.
    public var ruleSettings: [RuleID: RuleSetting] = [:]
    /// Whether warnings count as errors (after ``ruleSettings``).
    public var warningsAsErrors = false
    /// Which profile judges each token: `auto` (by the token's `aud`) unless one is pinned.
    public var profile: ProfileChoice = .auto

    /// App Store-signed data (`apple-signed`): the roots its chain must reach. Apple Root CA - G3 by default.
    public var trustedRoots: TrustedRoots = .apple
    /// App Store-signed data: the environment expected. `nil` judges as a verifier for the data's own environment
    /// would, Sandbox or Production (and says so).
    public var environment: SignedEnvironment?
    /// App Store-signed data: the app's Apple ID, which production data must carry.
    public var appAppleID: Int64?
    /// App Store-signed data: when the chain must be valid.
    public var chainTime: ChainTime = .signedDate
    /// Whether a notification's nested signed data is verified too: not within nested data itself, so that
    /// hostile data cannot nest notifications to make the work grow.
    var verifiesNestedData = true

    /// When the certificates of App Store-signed data must be valid.
    public enum ChainTime: Sendable, Hashable {
        /// As of the data's `signedDate` (an app transaction's `receiptCreationDate`; `now` when it has neither),
        /// as Apple's verifier checks with online checks off.
        case signedDate
        /// As of `now`, as Apple's verifier checks with online checks on.
        case now

        /// The choice as `--at` and a configuration file's `at` write it: `signed-date` or `now`.
        package init?(optionName: String) {
            switch optionName {
            case "signed-date": self = .signedDate
            case "now": self = .now
            default: return nil
            }
        }
    }

    /// The default leeway, 60 s: Apple answers 401 to a token whose `iat` is even a second ahead of its clock, so
    /// more than a minute of difference from this machine's clock is an error worth fixing.
    public static let defaultLeeway: Double = 60

    /// Something wrong with the expected values themselves, which no token could match.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The expected issuer is neither an issuer ID (a UUID) nor a Team ID (ten upper-case letters and digits).
        case issuerNotUUID(String)
        /// The expected key ID is empty or holds whitespace.
        case unusableKeyID(String)
        /// The expected bundle ID is empty or holds whitespace.
        case unusableBundleID(String)
        /// The leeway is negative or not a number.
        case negativeLeeway

        /// The problem in words, naming the expected value (not how it was given).
        public var description: String {
            switch self {
            case .issuerNotUUID(let issuer):
                return "the expected issuer \(JSONText.quoted(issuer)) is neither an issuer ID, a UUID (such as 57246542-96fe-1a63-e053-0824d011072a), nor a Team ID (such as DEF123GHIJ)"
            case .unusableKeyID(let keyID): return "the expected key ID \(JSONText.quoted(keyID)) is empty or holds whitespace"
            case .unusableBundleID(let bundleID): return "the expected bundle ID \(JSONText.quoted(bundleID)) is empty or holds whitespace"
            case .negativeLeeway: return "the leeway must be 0 seconds or more"
            }
        }
    }

    /// What is wrong with the expected values themselves (empty when they are usable): an issuer that is not a
    /// UUID, a key ID or bundle ID that is empty or holds whitespace, a negative leeway.
    public var problems: [Problem] {
        var problems: [Problem] = []
        if let issuer, !IssuerRule.isUUID(issuer), !IssuerRule.isTeamID(issuer) {
            problems.append(.issuerNotUUID(issuer))
        }
        if let expectedKeyID, Self.isUnusable(expectedKeyID) { problems.append(.unusableKeyID(expectedKeyID)) }
        if let bundleID, Self.isUnusable(bundleID) { problems.append(.unusableBundleID(bundleID)) }
        if !(leeway.isFinite && leeway >= 0) {
            problems.append(.negativeLeeway)
        }
        return problems
    }

    /// Uses a key file's contents: one key verifies ES256 tokens, a key set Apple's identity tokens.
    package mutating func use(_ material: KeyMaterial) {
        switch material {
        case .key(let loaded):
            key = loaded.publicKey
            keyIDFromFileName = loaded.keyIDFromFileName
        case .keySet(let set):
            keySet = set
        }
    }

    private static func isUnusable(_ value: String) -> Bool {
        value.isEmpty || value.unicodeScalars.contains { $0.properties.isWhitespace }
    }

    /// Options checking at `now` with no key and no expected values.
    public init(
        now: Double, key: ES256PublicKey? = nil, expectedKeyID: String? = nil, keyIDFromFileName: String? = nil,
        issuer: String? = nil, bundleID: String? = nil, leeway: Double = LintOptions.defaultLeeway,
        profile: ProfileChoice = .auto
    ) {
        self.profile = profile
        self.now = now
        self.key = key
        self.expectedKeyID = expectedKeyID
        self.keyIDFromFileName = keyIDFromFileName
        self.issuer = issuer
        self.bundleID = bundleID
        self.leeway = leeway
    }
}
