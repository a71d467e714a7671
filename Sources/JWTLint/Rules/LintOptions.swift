/// What a token is checked against. "Now" is an input: rules never read the clock.
public struct LintOptions: Sendable {
    /// The key to verify signatures with; `nil` leaves signatures unverified (reported as `signature.unverified`).
    public var key: ES256PublicKey?
    /// The expected key ID (`--kid`). When set, a different `kid` is an error.
    public var expectedKeyID: String?
    /// The key ID in the key file's name (`SubscriptionKey_<KEYID>.p8`). A different `kid` is a warning.
    public var keyIDFromFileName: String?
    /// The expected issuer ID (`--issuer`).
    public var issuer: String?
    /// The expected bundle ID (`--bundle-id`), compared case-sensitively.
    public var bundleID: String?
    /// The time to check against, in Unix seconds.
    public var now: Double
    /// How far ahead of `now` an `iat` may be before it is an error, in seconds.
    public var leeway: Double

    /// The default leeway, 60 s: Apple answers 401 to a token whose `iat` is even a second ahead of its clock, so
    /// more than a minute of difference from this machine's clock is an error worth fixing.
    public static let defaultLeeway: Double = 60

    /// Options checking at `now` with no key and no expected values.
    public init(
        now: Double, key: ES256PublicKey? = nil, expectedKeyID: String? = nil, keyIDFromFileName: String? = nil,
        issuer: String? = nil, bundleID: String? = nil, leeway: Double = LintOptions.defaultLeeway
    ) {
        self.now = now
        self.key = key
        self.expectedKeyID = expectedKeyID
        self.keyIDFromFileName = keyIDFromFileName
        self.issuer = issuer
        self.bundleID = bundleID
        self.leeway = leeway
    }
}
