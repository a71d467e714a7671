/// Makes tokens of every profile the way Apple's own libraries do: header `alg` ES256, `kid`, `typ` JWT; the
/// claims the kind needs, in whole seconds.
public enum TokenSigner {
    /// Apple's limit on `exp − iat` for App Store Server API tokens.
    public static let maximumLifetime = 3600
    /// The lifetime Apple's libraries use.
    public static let defaultLifetime = 300
    /// App Store Connect's limit on `exp − iat` for tokens that are not long-lived.
    public static let appStoreConnectMaximumLifetime = 1200

    /// Why a token cannot be made.
    public enum SigningError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The lifetime is not within the kind's limit.
        case lifetime(Int, maximum: Int)
        /// The Advanced Commerce request is not a JSON object.
        case request(String)
        /// No random nonce could be made.
        case randomness
        /// OpenSSL could not sign.
        case signing(String)

        /// What went wrong, as the end of a sentence.
        public var description: String {
            switch self {
            case .lifetime(let seconds, let maximum):
                return "a lifetime of \(seconds) s is refused: Apple accepts 1 to \(maximum) s (and 300 s is safest)"
            case .request(let reason):
                return "the request is not usable: \(reason)"
            case .randomness:
                return "no random nonce could be made (the system's random generator failed)"
            case .signing(let reason):
                return "signing failed: \(reason)"
            }
        }
    }

    /// What one token says: the key ID and issuer common to all kinds, and the kind with its own claims.
    public struct Claims: Sendable {
        /// The kind of token, with what is particular to it.
        public enum Kind: Sendable {
            /// An App Store Server API token living `lifetime` seconds.
            case appStoreServerAPI(bundleID: String, lifetime: Int)
            /// A promotional offer signature; `transactionID` is left out when `nil`.
            case promotionalOffer(bundleID: String, productID: String, offerIdentifier: String, transactionID: String?)
            /// An introductory offer eligibility signature.
            case introductoryOfferEligibility(bundleID: String, productID: String, allowIntroductoryOffer: Bool, transactionID: String)
            /// An Advanced Commerce in-app request: `request` is the JSON request, re-serialised compactly and
            /// encoded as standard base64.
            case advancedCommerceInApp(bundleID: String, request: JSONObject)
            /// An App Store Connect API token: a team key's (with the issuer ID) or an individual key's (`sub`
            /// "user", when the issuer is `nil`), with an optional scope.
            case appStoreConnectAPI(lifetime: Int, scope: [String]?)
        }

        /// The kind.
        public var kind: Kind
        /// `kid`.
        public var keyID: String
        /// `iss`; `nil` only for an individual App Store Connect API key.
        public var issuer: String?
        /// `iat`, whole Unix seconds.
        public var issuedAt: Int64
        /// The nonce of an in-app JWS; a random lower-case UUID when `nil`.
        public var nonce: String?

        /// Claims for a token of `kind`.
        public init(kind: Kind, keyID: String, issuer: String?, issuedAt: Int64, nonce: String? = nil) {
            self.kind = kind
            self.keyID = keyID
            self.issuer = issuer
            self.issuedAt = issuedAt
            self.nonce = nonce
        }

        /// The profile the token belongs to.
        public var profile: ProfileName {
            switch kind {
            case .appStoreServerAPI: return .appStoreServerAPI
            case .promotionalOffer: return .promotionalOffer
            case .introductoryOfferEligibility: return .introductoryOfferEligibility
            case .advancedCommerceInApp: return .advancedCommerceInApp
            case .appStoreConnectAPI: return .appStoreConnectAPI
            }
        }
    }

    /// An App Store Server API token.
    /// - Parameters:
    ///   - key: The private key to sign with (the In-App Purchase key's `.p8`).
    ///   - keyID: `kid`: the key's ID in App Store Connect.
    ///   - issuer: `iss`: the issuer ID.
    ///   - bundleID: `bid`: the app's bundle ID.
    ///   - issuedAt: `iat`, whole Unix seconds; `exp` is `issuedAt + lifetime`.
    ///   - lifetime: Seconds from `iat` to `exp`: 1 to ``maximumLifetime``.
    /// - Throws: ``SigningError``.
    public static func token(
        key: ES256PrivateKey, keyID: String, issuer: String, bundleID: String, issuedAt: Int64,
        lifetime: Int = TokenSigner.defaultLifetime
    ) throws(SigningError) -> String {
        try token(
            key: key,
            claims: Claims(kind: .appStoreServerAPI(bundleID: bundleID, lifetime: lifetime), keyID: keyID, issuer: issuer, issuedAt: issuedAt))
    }

    /// A signed token of any kind.
    /// - Throws: ``SigningError``.
    public static func token(key: ES256PrivateKey, claims: Claims) throws(SigningError) -> String {
        var header = JSONWriter()
        header.raw(#"{"alg":"ES256","kid":"#)
        header.string(claims.keyID)
        header.raw(#","typ":"JWT"}"#)
        let payload = try members(of: claims)
        var body = JSONWriter()
        body.object(JSONObject(members: payload.map { JSONObject.Member(name: $0.0, value: $0.1) }))
        let signingInput = Base64URL.encode(header.bytes) + "." + Base64URL.encode(body.bytes)
        do {
            let signature = try key.sign(Array(signingInput.utf8))
            return signingInput + "." + Base64URL.encode(signature)
        } catch {
            throw .signing("\(error)")
        }
    }

    private static func members(of claims: Claims) throws(SigningError) -> [(String, JSONValue)] {
        let iat = JSONValue.integer(claims.issuedAt)
        func inApp(_ profile: ProfileName, bundleID: String, _ feature: [(String, JSONValue)]) throws(SigningError) -> [(String, JSONValue)] {
            guard let nonce = claims.nonce ?? RandomBytes.uuid() else { throw .randomness }
            var members: [(String, JSONValue)] = []
            if let issuer = claims.issuer { members.append(("iss", .string(issuer))) }
            members += [("iat", iat), ("aud", .string(Profile.named(profile).audience)), ("bid", .string(bundleID)), ("nonce", .string(nonce))]
            return members + feature
        }
        switch claims.kind {
        case .appStoreServerAPI(let bundleID, let lifetime):
            guard lifetime > 0, lifetime <= maximumLifetime else { throw .lifetime(lifetime, maximum: maximumLifetime) }
            return [
                ("iss", .string(claims.issuer ?? "")), ("iat", iat), ("exp", .integer(claims.issuedAt + Int64(lifetime))),
                ("aud", .string(Profile.appStoreServerAPI.audience)), ("bid", .string(bundleID)),
            ]
        case .promotionalOffer(let bundleID, let productID, let offerIdentifier, let transactionID):
            var feature: [(String, JSONValue)] = [("productId", .string(productID)), ("offerIdentifier", .string(offerIdentifier))]
            if let transactionID { feature.append(("transactionId", .string(transactionID))) }
            return try inApp(.promotionalOffer, bundleID: bundleID, feature)
        case .introductoryOfferEligibility(let bundleID, let productID, let allow, let transactionID):
            return try inApp(.introductoryOfferEligibility, bundleID: bundleID, [
                ("productId", .string(productID)), ("allowIntroductoryOffer", .bool(allow)), ("transactionId", .string(transactionID)),
            ])
        case .advancedCommerceInApp(let bundleID, let request):
            var writer = JSONWriter()
            writer.object(request)
            return try inApp(.advancedCommerceInApp, bundleID: bundleID, [("request", .string(Base64.encode(writer.bytes)))])
        case .appStoreConnectAPI(let lifetime, let scope):
            guard lifetime > 0, lifetime <= appStoreConnectMaximumLifetime || scope != nil else {
                throw .lifetime(lifetime, maximum: appStoreConnectMaximumLifetime)
            }
            var members: [(String, JSONValue)] = claims.issuer.map { [("iss", .string($0))] } ?? [("sub", .string("user"))]
            members += [
                ("iat", iat), ("exp", .integer(claims.issuedAt + Int64(lifetime))), ("aud", .string(Profile.appStoreConnectAPI.audience)),
            ]
            if let scope { members.append(("scope", .array(scope.map { .string($0) }))) }
            return members
        }
    }
}
