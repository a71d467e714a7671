/// Reads a public EC key from a JSON Web Key (RFC 7517, RFC 7518 §6.2).
enum JWK {
    /// The public key in a public JWK's `x` and `y`. A private JWK (one with `d`) is refused; its private members'
    /// values are never copied out of the JSON parser.
    /// - Throws: ``JWTLintError`` of kind ``JWTLintError/Kind/key``.
    static func publicKey(from contents: [UInt8]) throws(JWTLintError) -> ES256PublicKey {
        let parsed = contents.withUnsafeBytes { JSONParser.parseObject($0, withholding: JSONParser.privateJWKMembers) }
        let object: JSONObject
        switch parsed {
        case .success(let value): object = value
        case .failure(.duplicateMember(let name)):
            throw .invalidKey("the JWK has the member \(JSONText.quoted(name)) twice")
        case .failure(.notAnObject(let type)):
            throw .unrecognized("is a JSON \(type), not a JWK object")
        case .failure(.tooDeep):
            throw .unrecognized("is JSON nested too deeply to be a JWK")
        case .failure(.numberTooLarge):
            throw .unrecognized("holds a number too large to be a JWK")
        case .failure(.invalidUTF8), .failure(.syntax):
            // jansson's explanation quotes the file, which may hold a private "d": it is not shown.
            throw .unrecognized("starts like JSON but is not valid JSON")
        }
        if object.contains("keys") {
            throw .unrecognized("is a JWK Set; give a file holding the one JWK to verify with")
        }
        if let secret = object.members.first(where: { JSONParser.privateJWKMembers.contains($0.name) }) {
            throw .unrecognized(
                "is a private JWK (it has \"\(secret.name)\"); give the public JWK, without private members: 'jwtlint pubkey --key KEY.p8 --format jwk' prints one")
        }
        guard let type = try member("kty", of: object) else { throw .invalidKey("the JWK has no \"kty\" member") }
        guard type == "EC" else {
            throw .unsupportedKey("the JWK's kty is \"\(type)\"; ES256 needs \"EC\" with crv \"P-256\"")
        }
        guard let curve = try member("crv", of: object) else { throw .invalidKey("the JWK has no \"crv\" member") }
        guard curve == "P-256" else {
            throw .unsupportedKey("the JWK's crv is \"\(curve)\"; ES256 needs \"P-256\"")
        }
        if let use = object["use"], use.stringValue != "sig" {
            throw .unsupportedKey("the JWK's use is \(use.stringValue.map { "\"\($0)\"" } ?? use.typeName), not \"sig\": it is not meant for signatures")
        }
        if let operations = object["key_ops"] {
            guard case .array(let list) = operations, list.contains(.string("verify")) else {
                throw .unsupportedKey("the JWK's key_ops do not include \"verify\"")
            }
        }
        if let algorithm = object["alg"], algorithm.stringValue != "ES256" {
            throw .unsupportedKey("the JWK's alg is \(algorithm.stringValue.map { "\"\($0)\"" } ?? algorithm.typeName), not \"ES256\"")
        }
        let x = try coordinate("x", in: object)
        let y = try coordinate("y", in: object)
        return try ES256PublicKey(x: x, y: y)
    }

    /// The string member `name`, `nil` when absent. Throws when it is present but not a string.
    private static func member(_ name: String, of object: JSONObject) throws(JWTLintError) -> String? {
        guard let value = object[name] else { return nil }
        guard let text = value.stringValue else { throw .invalidKey("the JWK's \"\(name)\" is \(value.typeNameWithArticle), not a string") }
        return text
    }

    private static func coordinate(_ name: String, in object: JSONObject) throws(JWTLintError) -> [UInt8] {
        guard let text = try member(name, of: object) else { throw .invalidKey("the JWK has no \"\(name)\" member") }
        switch Base64URL.decode(text) {
        case .success(let bytes):
            guard bytes.count == 32 else { throw .invalidKey("the JWK's \"\(name)\" is \(bytes.count) bytes; P-256 needs 32") }
            return bytes
        case .failure(let error):
            throw .invalidKey("the JWK's \"\(name)\" \(error.explanation)")
        }
    }
}
