/// What exactly a finding is about, as a value: code that ranks or groups findings (`jwtlint diagnose`, test suites)
/// switches on the rule ID and this cause, never on the words of a message.
///
/// One rule reports several causes (`claims.exp` reports ``expired``, ``milliseconds``, ``forbidden``, ...), and
/// one cause appears under several rules (``missing``); the pair says what happened.
public enum FindingCause: Hashable, Sendable {
    // The input and the compact serialisation.
    /// The input is not three segments (or holds no token, or has an empty header or payload segment).
    case notCompactJWS
    /// Five segments: an encrypted JWT (JWE).
    case encryptedToken
    /// The input line is longer than any token.
    case oversized
    /// Whitespace inside the token.
    case whitespaceInside
    /// `Bearer Bearer <token>`.
    case bearerTwice
    /// An `Authorization` header with another scheme than `Bearer`.
    case notBearerScheme
    /// A segment is not canonical unpadded base64url, or the input is not UTF-8.
    case notBase64URL
    /// A segment is not a JSON object in UTF-8.
    case notJSON
    /// A member name appears twice.
    case duplicateMember

    // Values of header parameters and claims.
    /// Required and absent.
    case missing
    /// Present with the wrong JSON type (a number for a string, a string for a boolean, ...).
    case wrongType
    /// An empty string (or array).
    case empty
    /// Whitespace inside or around a value that must have none.
    case whitespace
    /// The right value in the wrong letter case.
    case wrongCase
    /// Not the value this kind of token requires (another `aud`, `typ`, `sub`, ...).
    case wrongValue
    /// Not of the required shape (not a UUID, not `METHOD /path`, ...).
    case malformed
    /// Differs from the expected value (key ID, issuer ID or bundle ID) the options give.
    case mismatch
    /// `kid` differs from the key ID in the key file's name.
    case fileNameMismatch
    /// `kid` does not have the shape of Apple's key IDs.
    case unusualShape
    /// Present where this kind of token must not have it (`exp` in a StoreKit in-app JWS, `iss` in an individual
    /// key's token, `bid` in an App Store Connect API token).
    case forbidden
    /// The token is of another kind than the profile judging it: the profile it looks like.
    case otherKind(ProfileName)

    // The header's algorithm and extensions.
    /// `alg` `none`: an unsecured token.
    case unsecured
    /// An HMAC algorithm (`HS256`, ...): the algorithm-confusion attack.
    case hmac
    /// An RSA algorithm.
    case rsa
    /// `crit` asks for extensions.
    case criticalExtensions
    /// The header carries a key or a key location.
    case embeddedKey

    // Times.
    /// A time in milliseconds where seconds are required.
    case milliseconds
    /// A negative time.
    case negative
    /// A number too large to be a time at all.
    case implausible
    /// A time in seconds where milliseconds are required (the legacy promotional offer's timestamp).
    case seconds
    /// A time written as a string of digits.
    case numericString
    /// A yes-or-no value written as the string "true" or "false".
    case booleanString
    /// The token has expired.
    case expired
    /// `iat` is ahead of now by more than the leeway.
    case issuedInFuture
    /// `iat` is older than any server would mean for this kind of token.
    case stale
    /// The lifetime is over the limit.
    case tooLong
    /// The lifetime is within the margin of the limit.
    case nearLimit
    /// `exp` is not after `iat`.
    case notAfterIssuedAt

    // The signature.
    /// DER-encoded where raw `r || s` is required (or the reverse, for the legacy offer signature).
    case der
    /// Encoded twice (base64 of base64).
    case encodedTwice
    /// The signature has the wrong length.
    case wrongLength
    /// An empty signature.
    case unsigned
    /// `r` or `s` is zero or not below the group order.
    case outOfRange
    /// The signature does not verify with the key.
    case signatureMismatch
    /// No key was given, so nothing was verified.
    case noKey
    /// The header's `kid` names no key of the given key set.
    case keyNotInSet

    // Over a batch.
    /// Tokens change more often than the service allows.
    case tooFrequent

    // The Advanced Commerce request.
    /// base64url or unpadded base64 where Apple's libraries write standard, padded base64.
    case notStandardBase64
    /// An `operation` Apple does not define for in-app requests.
    case unknownOperation

    // App Store-signed data.
    /// The chain does not lead to a trusted root.
    case untrusted
    /// A certificate is not valid yet at the time checked.
    case notYetValid
    /// The chain failed OpenSSL's verification for another reason (carried in the message).
    case chainFailure
    /// A certificate's key is not one ES256 can use.
    case unsupportedKey
    /// A certificate in `x5c` is not the one the chain was verified with.
    case notTheRoot
    /// Data of an environment the App Store does not sign (Xcode, local testing).
    case unsignedEnvironment
    /// A payload of no kind Apple's verifier has a method for.
    case unknownPayload
    /// Not compared: the expected value was not given.
    case notChecked

    // Answers to Retention Messaging realtime requests.
    /// The answer came after the time the caller waits.
    case tooSlow
    /// More than one of mutually exclusive options is given.
    case severalChoices

    // The legacy promotional offer signature.
    /// The signature verifies once this classic mistake is made on the payload: the mistake the signer made.
    case offerMistake(OfferSignatureMistake)
}
