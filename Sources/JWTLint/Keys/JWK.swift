/// Reads a public EC key from a JSON Web Key (RFC 7517, RFC 7518 §6.2).
enum JWK {
    /// The public key in a JWK's `x` and `y`. Any private `d` member is ignored, never read.
    /// - Throws: ``KeyError``.
    static func publicKey(from contents: [UInt8]) throws(KeyError) -> ES256PublicKey {
        let parsed = contents.withUnsafeBytes { JSONParser.parseObject($0) }
        let object: JSONObject
        switch parsed {
        case .success(let value): object = value
        case .failure(let error): throw .unrecognized("starts like JSON but is not a valid JWK (\(error))")
        }
        if object.contains("keys") {
            throw .unrecognized("is a JWK Set; give a file holding the one JWK to verify with")
        }
        guard let type = object["kty"]?.stringValue else { throw .invalidKey("the JWK has no \"kty\" member") }
        guard type == "EC" else {
            throw .unsupportedKey("the JWK's kty is \"\(type)\"; ES256 needs \"EC\" with crv \"P-256\"")
        }
        guard let curve = object["crv"]?.stringValue else { throw .invalidKey("the JWK has no \"crv\" member") }
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

    private static func coordinate(_ name: String, in object: JSONObject) throws(KeyError) -> [UInt8] {
        guard let text = object[name]?.stringValue else { throw .invalidKey("the JWK has no string \"\(name)\" member") }
        switch Base64URL.decode(text) {
        case .success(let bytes):
            guard bytes.count == 32 else { throw .invalidKey("the JWK's \"\(name)\" is \(bytes.count) bytes; P-256 needs 32") }
            return bytes
        case .failure(let error):
            throw .invalidKey("the JWK's \"\(name)\" \(error.explanation)")
        }
    }
}
