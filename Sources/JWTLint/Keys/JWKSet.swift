/// A JSON Web Key Set (RFC 7517 §5) of RSA signing keys, as `https://appleid.apple.com/auth/keys` serves Apple's
/// keys for Sign in with Apple identity tokens. A token's `kid` picks the key; jwtlint never fetches a set.
public struct JWKSet: Sendable {
    /// One key of the set.
    public struct Key: Sendable {
        /// Its `kid`.
        public let keyID: String
        /// Its `alg`, when the set names one (Apple's say "RS256").
        public let algorithm: String?
        /// The public key.
        package let publicKey: RSAPublicKey
    }

    /// The keys, in the set's order.
    public let keys: [Key]

    /// The key whose `kid` is `keyID`.
    public func key(withID keyID: String) -> Key? {
        keys.first { $0.keyID == keyID }
    }

    /// The JSON object in `contents` when it is one with `keys`: a key set, not one key.
    static func keySetObject(_ contents: [UInt8]) -> JSONObject? {
        guard contents.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) == UInt8(ascii: "{") else { return nil }
        guard case .success(let object) = contents.withUnsafeBytes({ JSONParser.parseObject($0, withholding: JSONParser.privateJWKMembers) }),
            object.contains("keys")
        else { return nil }
        return object
    }

    /// Reads a key set. Every key must be a public RSA signing key with a `kid`, no `kid` twice.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/key`` naming the key at fault by its place in the set.
    public static func parse(_ contents: [UInt8]) throws(JWTLintError) -> JWKSet {
        let parsed = contents.withUnsafeBytes { JSONParser.parseObject($0, withholding: JSONParser.privateJWKMembers) }
        guard case .success(let object) = parsed else { throw .unrecognized("is not a JSON object") }
        return try parse(object)
    }

    /// Reads a key set from its parsed JSON object.
    static func parse(_ object: JSONObject) throws(JWTLintError) -> JWKSet {
        guard case .array(let entries)? = object["keys"] else { throw .invalidKey("the JWK Set's \"keys\" is not an array") }
        guard !entries.isEmpty else { throw .invalidKey("the JWK Set holds no keys") }
        guard entries.count <= 64 else { throw .invalidKey("the JWK Set holds \(entries.count) keys; Apple's holds a few") }
        var keys: [Key] = []
        for (index, entry) in entries.enumerated() {
            let place = "keys[\(index)]"
            guard case .object(let jwk) = entry else { throw .invalidKey("\(place) is \(entry.typeNameWithArticle), not a JWK") }
            if let secret = jwk.members.first(where: { JSONParser.privateJWKMembers.contains($0.name) }) {
                throw .unrecognized("holds a private key (\(place) has \"\(secret.name)\"); a JWK Set to verify with holds public keys")
            }
            guard let keyID = jwk["kid"]?.stringValue, !keyID.isEmpty else { throw .invalidKey("\(place) has no \"kid\" string") }
            guard keys.allSatisfy({ $0.keyID != keyID }) else { throw .invalidKey("two keys have the kid \(JSONText.quoted(keyID))") }
            guard jwk["kty"]?.stringValue == "RSA" else {
                throw .invalidKey("\(place)'s kty is not \"RSA\"; Apple's identity tokens are RS256")
            }
            if let use = jwk["use"], use.stringValue != "sig" { throw .invalidKey("\(place)'s use is not \"sig\"") }
            let algorithm = jwk["alg"]?.stringValue
            if jwk.contains("alg"), algorithm == nil { throw .invalidKey("\(place)'s alg is not a string") }
            let modulus = try bytes("n", of: jwk, place: place)
            let exponent = try bytes("e", of: jwk, place: place)
            keys.append(Key(keyID: keyID, algorithm: algorithm, publicKey: try RSAPublicKey(modulus: modulus, exponent: exponent)))
        }
        return JWKSet(keys: keys)
    }

    private static func bytes(_ name: String, of jwk: JSONObject, place: String) throws(JWTLintError) -> [UInt8] {
        guard let text = jwk[name]?.stringValue else { throw .invalidKey("\(place) has no \"\(name)\" string") }
        switch Base64URL.decode(text) {
        case .success(let bytes): return bytes
        case .failure(let error): throw .invalidKey("\(place)'s \"\(name)\" \(error.explanation)")
        }
    }
}

/// What a key file holds: one key to verify ES256 tokens with, or a set of RSA keys picked by `kid`.
package enum KeyMaterial: Sendable {
    /// One key: Apple's `.p8`, a public key PEM, or a public JWK.
    case key(VerificationKey)
    /// A JWK Set, such as Apple's Sign in with Apple keys saved from `https://appleid.apple.com/auth/keys`.
    case keySet(JWKSet)

    /// Reads a key or key set from a file's contents. `fileName` (a path or a bare name) supplies
    /// ``VerificationKey/keyIDFromFileName``.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/key``.
    package static func parse(_ contents: [UInt8], fileName: String?) throws(JWTLintError) -> KeyMaterial {
        if let object = JWKSet.keySetObject(contents) { return .keySet(try JWKSet.parse(object)) }
        return .key(try VerificationKey.parse(contents, fileName: fileName))
    }

    /// Loads the key or key set in the file at `path`.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/key``; never any key material.
    package static func load(contentsOf path: String) throws(JWTLintError) -> KeyMaterial {
        var (contents, readableByOthers) = try VerificationKey.readKeyFile(path)
        defer { PEMBlock.clear(&contents) }
        if let object = JWKSet.keySetObject(contents) { return .keySet(try JWKSet.parse(object)) }
        var key = try VerificationKey.parse(contents, fileName: path)
        key.markReadable(byOthers: readableByOthers)
        return .key(key)
    }
}
