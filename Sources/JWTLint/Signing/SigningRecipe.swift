/// How `jwtlint sign` and ``TokenSigner`` make a token of one kind: its claims in the order they are written, and
/// where each value comes from. Each ``Profile`` carries its recipe, so that a new kind of token is signed without
/// new code as long as its claims are of the forms below.
public struct SigningRecipe: Sendable {
    /// One claim and where its value comes from.
    package enum Claim: Sendable {
        /// `iss`: the issuer ID, when one is given.
        case issuer
        /// `iss` for a team key; `sub` "user" and no `iss` for an individual key (no issuer given).
        case issuerOrUserSubject
        /// `iat`: the time of signing, whole seconds.
        case issuedAt
        /// `exp`: `iat` plus the lifetime (300 s unless given), at most `maximumLifetime` seconds, or any lifetime
        /// when `unlimitedWithScope` and a scope is given.
        case expiry(maximumLifetime: Int, unlimitedWithScope: Bool)
        /// `aud`: the profile's audience.
        case audience
        /// `bid`: the bundle ID (`--bundle-id`).
        case bundleID
        /// `nonce`: a one-time lower-case UUID, new unless one is given.
        case nonce
        /// A claim of the kind's own, given by a flag of `sign`.
        case field(Field)
    }

    /// A claim of a kind's own: its name, the flag of `sign` that gives it, its form, whether it is required.
    public struct Field: Sendable {
        /// The claim's name, such as `productId`.
        public let claim: String
        /// The flag of `jwtlint sign` that gives it, such as `--product`.
        package let flag: String
        /// What the value is.
        public let form: Form
        /// Whether a token of the kind needs it.
        public let required: Bool

        /// What a field's value is, and how it is written.
        public enum Form: Sendable {
            /// A string, written as given.
            case string
            /// `true` or `false`.
            case boolean
            /// A JSON object (`sign` reads it from a file), written as the standard base64 of its compact JSON.
            case base64JSON
            /// Strings, one per flag given, written as an array.
            case stringList
            /// Strings, one per flag given, written as one string with a space between them.
            case spaceSeparated
        }

        /// A field of `form`.
        package init(_ claim: String, flag: String, form: Form = .string, required: Bool = true) {
            self.claim = claim
            self.flag = flag
            self.form = form
            self.required = required
        }
    }

    /// A header member beyond `alg`, `kid` and `typ`, and where its value comes from.
    package enum HeaderMember: Sendable {
        /// The issuer (the Team ID) and the `sub` field joined by a period, under this name (WeatherKit's `id`).
        case teamAndSubject(String)
    }

    /// The claims, in the order they are written.
    package let claims: [Claim]
    /// The header members after `alg`, `kid` and `typ`.
    package let header: [HeaderMember]

    /// A recipe writing `claims` in order, and `header` after the usual header members.
    package init(_ claims: [Claim], header: [HeaderMember] = []) {
        self.claims = claims
        self.header = header
    }

    /// The fields of the kind's own.
    public var fields: [Field] {
        claims.compactMap { if case .field(let field) = $0 { return field } else { return nil } }
    }

    /// Whether the kind's tokens carry `bid`.
    public var takesBundleID: Bool { claims.contains { if case .bundleID = $0 { return true } else { return false } } }
    /// Whether the kind's tokens carry a nonce.
    public var takesNonce: Bool { claims.contains { if case .nonce = $0 { return true } else { return false } } }
    /// Whether an individual key (no issuer) may sign the kind's tokens.
    package var takesIndividualKeys: Bool { claims.contains { if case .issuerOrUserSubject = $0 { return true } else { return false } } }
    /// The lifetime limit, when the kind's tokens expire.
    package var expiry: (maximumLifetime: Int, unlimitedWithScope: Bool)? {
        for claim in claims {
            if case .expiry(let maximum, let unlimited) = claim { return (maximum, unlimited) }
        }
        return nil
    }
}
