/// An input for a rule's documentation and tests: a token line plus the options it is linted with.
public struct RuleExample: Sendable, Hashable {
    /// The input line, exactly as given to `jwtlint lint`.
    public let input: String
    /// What the example demonstrates, in a few words.
    public let note: String
    /// The key to verify with, as file contents (PEM or JWK), or `nil` for none.
    public let key: String?
    /// The key file's name, for the kid-from-file-name check (`SubscriptionKey_<KEYID>.p8`).
    public let keyFileName: String?
    /// `--kid`.
    public let keyID: String?
    /// `--issuer`.
    public let issuer: String?
    /// `--bundle-id`.
    public let bundleID: String?
    /// The time the example is linted at, in Unix seconds.
    public let now: Double
    /// The severity a triggering example's finding has; `nil` means the rule's default severity.
    public let severity: Severity?
    /// The file and line the example was written at, so a failing example points at itself.
    public let file: String
    /// See ``file``.
    public let line: Int

    /// The time examples are linted at unless they say otherwise: 2026-01-01T00:00:00Z.
    public static let defaultNow: Double = 1_767_225_600

    /// An example from a raw input line.
    public init(
        _ input: String, _ note: String, key: String? = nil, keyFileName: String? = nil, keyID: String? = nil,
        issuer: String? = nil, bundleID: String? = nil, now: Double = RuleExample.defaultNow, severity: Severity? = nil,
        file: String = #filePath, line: Int = #line
    ) {
        self.input = input
        self.note = note
        self.key = key
        self.keyFileName = keyFileName
        self.keyID = keyID
        self.issuer = issuer
        self.bundleID = bundleID
        self.now = now
        self.severity = severity
        self.file = file
        self.line = line
    }

    /// An example token built from header and claims JSON text, encoded byte for byte, with a 64-byte dummy
    /// signature (no key is given unless the example says so).
    public static func token(
        header: String = RuleExample.cleanHeader, claims: String = RuleExample.cleanClaims, _ note: String,
        keyFileName: String? = nil, keyID: String? = nil, issuer: String? = nil, bundleID: String? = nil,
        now: Double = RuleExample.defaultNow, severity: Severity? = nil, file: String = #filePath, line: Int = #line
    ) -> RuleExample {
        let input = Base64URL.encode(header) + "." + Base64URL.encode(claims) + "." + dummySignature
        return RuleExample(
            input, note, keyFileName: keyFileName, keyID: keyID, issuer: issuer, bundleID: bundleID, now: now,
            severity: severity, file: file, line: line)
    }

    /// The header of a well-formed App Store Server API token.
    public static let cleanHeader = #"{"alg":"ES256","kid":"2X9R4HXF34","typ":"JWT"}"#
    /// The claims of a well-formed App Store Server API token, issued 30 s before ``defaultNow``, valid 5 minutes.
    public static let cleanClaims =
        #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#
    /// 64 zero-free bytes standing in for a signature that no key checks.
    static let dummySignature = Base64URL.encode([UInt8](repeating: 0x11, count: 64))
}
