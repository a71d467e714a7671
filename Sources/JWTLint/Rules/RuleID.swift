/// Every rule's stable ID, in the order findings are reported: the token's form, the header, the claims, the
/// signature, then the legacy promotional offer signature's own rules, then those of an answer to a Retention
/// Messaging realtime request.
///
/// The raw value is the public contract (the JSON `rule` member, `explain`, configuration files): `area.name`,
/// where a claim rule's name is the claim's own name as a token spells it (`claims.productId`).
public enum RuleID: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// The input is one compact JWS (three base64url parts), alone or after `Bearer`.
    case tokenFormat = "token.format"
    /// Each part is canonical base64url without padding, and the input is ASCII.
    case tokenEncoding = "token.encoding"
    /// The header and the claims are JSON objects.
    case tokenJSON = "token.json"
    /// No member name appears twice in the header or the claims.
    case tokenDuplicateKey = "token.duplicate-key"
    /// The header says `alg` ES256.
    case headerAlgorithm = "header.alg"
    /// The header's `kid` names the signing key.
    case headerKeyID = "header.kid"
    /// The header's `typ`, when there, is `JWT`.
    case headerType = "header.typ"
    /// The header has no `crit` extensions.
    case headerCritical = "header.crit"
    /// The header carries no key (`jwk`, `jku`, `x5u`, `x5c`), which would never be trusted.
    case headerEmbeddedKey = "header.embedded-key"
    /// A WeatherKit token's header `id` is `TEAMID.SERVICEID`.
    case headerServiceID = "header.id"
    /// `iss` is the issuer ID (or absent for an App Store Connect individual key).
    case issuer = "claims.iss"
    /// `sub` is `user` for an App Store Connect individual key, and absent otherwise.
    case subject = "claims.sub"
    /// `iat` is whole seconds, not ahead of now beyond the leeway.
    case issuedAt = "claims.iat"
    /// `exp` is there when the kind needs it, in seconds, and not past.
    case expiration = "claims.exp"
    /// `exp` − `iat` is within the kind's limit.
    case lifetime = "claims.lifetime"
    /// `aud` is the kind's audience.
    case audience = "claims.aud"
    /// `bid` is the app's bundle ID (or absent for App Store Connect).
    case bundleID = "claims.bid"
    /// `nonce` of an in-app JWS is a lower-case UUID.
    case nonce = "claims.nonce"
    /// `scope` of an App Store Connect API token is a list of requests.
    case scope = "claims.scope"
    /// `productId` of an in-app JWS names the product.
    case productID = "claims.productId"
    /// `offerIdentifier` of a promotional offer names the offer.
    case offerIdentifier = "claims.offerIdentifier"
    /// `transactionId` of an in-app JWS is one of the customer's transaction IDs.
    case transactionID = "claims.transactionId"
    /// `allowIntroductoryOffer` of an eligibility signature is a boolean.
    case allowIntroductoryOffer = "claims.allowIntroductoryOffer"
    /// `request` of an Advanced Commerce in-app JWS is the base64 of a well-formed request.
    case request = "claims.request"
    /// `origin` of a MusicKit developer token is an array of web origins; of a MapKit token, a string of domains.
    case origin = "claims.origin"
    /// `email_verified` of an identity token is a boolean, or the string "true" or "false".
    case emailVerified = "claims.email_verified"
    /// `is_private_email` of an identity token is a boolean, or the string "true" or "false".
    case isPrivateEmail = "claims.is_private_email"
    /// The signature is 64 raw bytes (r || s), not DER.
    case signatureEncoding = "signature.encoding"
    /// r and s are within P-256's order.
    case signatureRange = "signature.range"
    /// The signature verifies with the key given.
    case signatureMismatch = "signature.mismatch"
    /// A key was given, so the signature could be verified.
    case signatureUnverified = "signature.unverified"
    /// An identity token's `kid` names a key of the JWK Set given.
    case signatureKeySet = "signature.key-set"
    /// Over a batch: one key and team change APNs tokens at most once every 20 minutes.
    case batchTokenUpdates = "batch.token-updates"
    /// App Store-signed data: `x5c` holds exactly three certificates.
    case x5cLength = "x5c.length"
    /// App Store-signed data: the leaf and intermediate in `x5c` are base64 DER certificates.
    case x5cCertificate = "x5c.certificate"
    /// App Store-signed data: the chain verifies to a trusted root as of the data's date.
    case x5cChain = "x5c.chain"
    /// App Store-signed data: the leaf has Apple's leaf extension OID 1.2.840.113635.100.6.11.1.
    case x5cLeafOID = "x5c.leaf-oid"
    /// App Store-signed data: the intermediate has Apple's intermediate extension OID 1.2.840.113635.100.6.2.1.
    case x5cIntermediateOID = "x5c.intermediate-oid"
    /// App Store-signed data: the leaf's key is P-256, as ES256 needs.
    case x5cLeafKey = "x5c.leaf-key"
    /// App Store-signed data: the third certificate in `x5c` is the root the chain verified to.
    case x5cRoot = "x5c.root"
    /// App Store-signed data: the payload is of a kind Apple's verifier knows.
    case signedDataType = "signed-data.type"
    /// App Store-signed data: it is signed by the App Store, not by Xcode or local testing.
    case signedDataUnsigned = "signed-data.unsigned"
    /// App Store-signed data: the date the chain is checked at (`signedDate`) is a number of milliseconds.
    case signedDataDate = "signed-data.date"
    /// App Store-signed data: registered JWT claims, when there, are what the JWT library Apple's verifier uses
    /// accepts (`exp` not past, `nbf` and `iat` not ahead, no `aud`, `sub` and `jti` strings).
    case signedDataClaims = "signed-data.claims"
    /// App Store-signed data: `bundleId` is the app's.
    case signedDataBundleID = "signed-data.bundle-id"
    /// App Store-signed data: in production, `appAppleId` is the app's.
    case signedDataAppAppleID = "signed-data.app-apple-id"
    /// App Store-signed data: the environment is the one expected.
    case signedDataEnvironment = "signed-data.environment"
    /// The legacy offer signature is standard base64 of a DER ECDSA signature.
    case offerEncoding = "offer.encoding"
    /// The legacy offer nonce is a lower-case UUID.
    case offerNonce = "offer.nonce"
    /// The legacy offer timestamp is milliseconds, recent.
    case offerTimestamp = "offer.timestamp"
    /// The legacy offer signature verifies over Apple's fields in Apple's order.
    case offerSignature = "offer.signature"
    /// A realtime answer's status is 200.
    case retentionStatus = "retention.status"
    /// A realtime answer's body is a JSON object.
    case retentionJSON = "retention.json"
    /// A realtime answer chooses exactly one retention message.
    case retentionChoice = "retention.choice"
    /// The chosen message's members are there, with Apple's types.
    case retentionMembers = "retention.members"
    /// A realtime answer's promotional offer is signed, and its signature passes.
    case retentionOffer = "retention.offer"
    /// A realtime answer comes within Apple's time limit.
    case retentionTime = "retention.time"

    /// The ID as written: `claims.aud`.
    public var description: String { rawValue }

    /// The position in report order.
    package var order: Int { RuleID.positions[self] ?? Int.max }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.order < rhs.order }

    private static let positions: [RuleID: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// The area before the dot: `token`, `header`, `claims`, `signature`, `batch`, `x5c`, `signed-data`, `offer` or
    /// `retention`.
    package var area: Substring { rawValue.prefix { $0 != "." } }

    /// The command that checks this rule when no profile runs it: `offer-signature` for a legacy promotional
    /// offer signature's rules, `realtime` for the rules about an answer to a Retention Messaging realtime request;
    /// `nil` for the rules `lint` runs under its profiles.
    package var checkingCommand: String? {
        switch area {
        case "offer": return "offer-signature"
        case "retention": return "realtime"
        default: return nil
        }
    }

    /// The name after the dot: for a claim rule, the claim's name as a token spells it (`productId`).
    public var name: Substring { rawValue.drop { $0 != "." }.dropFirst() }
}
