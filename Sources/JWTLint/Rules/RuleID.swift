/// Every rule's stable ID, in the order findings are reported: the token's form, the header, the claims, the
/// signature, then the legacy promotional offer signature's own rules.
///
/// The raw value is the public contract (the JSON `rule` member, `explain`, configuration files): `area.name`,
/// where a claim rule's name is the claim's own name as a token spells it (`claims.productId`).
public enum RuleID: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case tokenFormat = "token.format"
    case tokenEncoding = "token.encoding"
    case tokenJSON = "token.json"
    case tokenDuplicateKey = "token.duplicate-key"
    case headerAlgorithm = "header.alg"
    case headerKeyID = "header.kid"
    case headerType = "header.typ"
    case headerCritical = "header.crit"
    case headerEmbeddedKey = "header.embedded-key"
    case issuer = "claims.iss"
    case subject = "claims.sub"
    case issuedAt = "claims.iat"
    case expiration = "claims.exp"
    case lifetime = "claims.lifetime"
    case audience = "claims.aud"
    case bundleID = "claims.bid"
    case nonce = "claims.nonce"
    case scope = "claims.scope"
    case productID = "claims.productId"
    case offerIdentifier = "claims.offerIdentifier"
    case transactionID = "claims.transactionId"
    case allowIntroductoryOffer = "claims.allowIntroductoryOffer"
    case request = "claims.request"
    case signatureEncoding = "signature.encoding"
    case signatureRange = "signature.range"
    case signatureMismatch = "signature.mismatch"
    case signatureUnverified = "signature.unverified"
    case offerEncoding = "offer.encoding"
    case offerNonce = "offer.nonce"
    case offerTimestamp = "offer.timestamp"
    case offerSignature = "offer.signature"

    /// The ID as written: `claims.aud`.
    public var description: String { rawValue }

    /// The position in report order.
    public var order: Int { RuleID.positions[self] ?? Int.max }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.order < rhs.order }

    private static let positions: [RuleID: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// The area before the dot: `token`, `header`, `claims`, `signature` or `offer`.
    public var area: Substring { rawValue.prefix { $0 != "." } }

    /// The name after the dot: for a claim rule, the claim's name as a token spells it (`productId`).
    public var name: Substring { rawValue.drop { $0 != "." }.dropFirst() }
}
