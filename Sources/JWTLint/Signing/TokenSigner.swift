/// Makes tokens of every profile the way Apple's own libraries do: header `alg` ES256, `kid`, `typ` JWT; the
/// claims the kind needs, in whole seconds.
public enum TokenSigner {
    /// Apple's limit on `exp − iat` for App Store Server API tokens.
    public static let maximumLifetime = 3600
    /// The lifetime Apple's libraries use.
    public static let defaultLifetime = 300
    /// App Store Connect's limit on `exp − iat` for tokens that are not long-lived.
    public static let appStoreConnectMaximumLifetime = 1200

    /// What one token says: its kind, the key ID, issuer and time common to all kinds, and the values its kind's
    /// recipe (``Profile/signing``) takes.
    public struct Claims: Sendable {
        /// The kind of token.
        public var profile: ProfileName
        /// `kid`.
        public var keyID: String
        /// `iss`; `nil` for an individual App Store Connect API key (`sub` "user" instead).
        public var issuer: String?
        /// `iat`, whole Unix seconds.
        public var issuedAt: Int64
        /// The nonce of an in-app JWS; a random lower-case UUID when `nil`.
        public var nonce: String?
        /// `bid`, for the kinds that carry it.
        public var bundleID: String?
        /// Seconds from `iat` to `exp`, for the kinds that expire; ``TokenSigner/defaultLifetime`` when `nil`.
        public var lifetime: Int?
        /// The kind's own claims by name, as its recipe's fields name them: `productId` and `offerIdentifier`
        /// (strings), `allowIntroductoryOffer` (a boolean), `request` (a JSON object, written as base64), `scope`
        /// (an array of strings).
        public var fields: [String: JSONValue]

        /// Claims for a token of `profile`.
        public init(
            profile: ProfileName, keyID: String, issuer: String?, issuedAt: Int64, nonce: String? = nil, bundleID: String? = nil,
            lifetime: Int? = nil, fields: [String: JSONValue] = [:]
        ) {
            self.profile = profile
            self.keyID = keyID
            self.issuer = issuer
            self.issuedAt = issuedAt
            self.nonce = nonce
            self.bundleID = bundleID
            self.lifetime = lifetime
            self.fields = fields
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
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/signing``.
    public static func token(
        key: ES256PrivateKey, keyID: String, issuer: String, bundleID: String, issuedAt: Int64,
        lifetime: Int = TokenSigner.defaultLifetime
    ) throws(JWTLintError) -> String {
        try token(
            key: key,
            claims: Claims(profile: .appStoreServerAPI, keyID: keyID, issuer: issuer, issuedAt: issuedAt, bundleID: bundleID, lifetime: lifetime))
    }

    /// A signed token of any kind.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/signing``.
    public static func token(key: ES256PrivateKey, claims: Claims) throws(JWTLintError) -> String {
        let payload = try members(of: claims)
        var header = JSONWriter()
        header.raw(#"{"alg":"ES256","kid":"#)
        header.string(claims.keyID)
        header.raw(#","typ":"JWT""#)
        for member in Profile.named(claims.profile).signing?.header ?? [] {
            switch member {
            case .teamAndSubject(let name):
                guard let team = claims.issuer, let subject = claims.fields["sub"]?.stringValue else {
                    throw .value(claim: name, reason: "the header's \(name) needs the Team ID (--issuer) and the sub")
                }
                header.raw(",")
                header.string(name)
                header.raw(":")
                header.string(team + "." + subject)
            }
        }
        header.raw("}")
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

    /// The claims in the order the kind's recipe writes them.
    private static func members(of claims: Claims) throws(JWTLintError) -> [(String, JSONValue)] {
        let profile = Profile.named(claims.profile)
        guard let recipe = profile.signing else { throw .unsignable(profile.unsignableReason) }
        let known = Set(recipe.fields.map(\.claim))
        if let stranger = claims.fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw .value(claim: stranger, reason: "\(profile.titleWithArticle) has no such claim")
        }
        var members: [(String, JSONValue)] = []
        for claim in recipe.claims {
            switch claim {
            case .issuer:
                if let issuer = claims.issuer { members.append(("iss", .string(issuer))) }
            case .issuerOrUserSubject:
                members.append(claims.issuer.map { ("iss", .string($0)) } ?? ("sub", .string("user")))
            case .issuedAt:
                members.append(("iat", .integer(claims.issuedAt)))
            case .expiry(let maximum, let unlimitedWithScope):
                let lifetime = claims.lifetime ?? defaultLifetime
                let scoped = unlimitedWithScope && claims.fields["scope"] != nil
                guard lifetime > 0, lifetime <= maximum || scoped else { throw .lifetime(lifetime, maximum: maximum) }
                members.append(("exp", .integer(claims.issuedAt + Int64(lifetime))))
            case .audience:
                members.append(("aud", .string(profile.audience)))
            case .bundleID:
                guard let bundleID = claims.bundleID else { throw .value(claim: "bid", reason: "\(profile.titleWithArticle) needs the bundle ID") }
                members.append(("bid", .string(bundleID)))
            case .nonce:
                guard let nonce = claims.nonce ?? RandomBytes.uuid() else { throw .randomness }
                members.append(("nonce", .string(nonce)))
            case .field(let field):
                guard let value = claims.fields[field.claim] else {
                    if field.required { throw .value(claim: field.claim, reason: "\(profile.titleWithArticle) needs it") }
                    continue
                }
                members.append((field.claim, try written(value, as: field)))
            }
        }
        return members
    }

    /// A field's value as its form writes it.
    private static func written(_ value: JSONValue, as field: SigningRecipe.Field) throws(JWTLintError) -> JSONValue {
        switch (field.form, value) {
        case (.string, .string), (.boolean, .bool):
            return value
        case (.base64JSON, .object(let object)):
            var writer = JSONWriter()
            writer.object(object)
            return .string(Base64.encode(writer.bytes))
        case (.stringList, .array(let items)) where items.allSatisfy({ $0.stringValue != nil }):
            return value
        case (.spaceSeparated, .string):
            return value
        case (.spaceSeparated, .array(let items)) where items.allSatisfy({ $0.stringValue != nil }):
            return .string(items.compactMap(\.stringValue).joined(separator: " "))
        default:
            let wanted: String
            switch field.form {
            case .string: wanted = "a string"
            case .boolean: wanted = "true or false"
            case .base64JSON: wanted = "a JSON object"
            case .stringList: wanted = "a list of strings"
            case .spaceSeparated: wanted = "a string or a list of strings"
            }
            throw .value(claim: field.claim, reason: "must be \(wanted)")
        }
    }
}
