/// A token split into its three parts and decoded as far as its bytes allow.
public struct DecodedToken: Sendable {
    /// The header, when its segment decoded to a JSON object.
    public let header: JSONObject?
    /// The claims (payload), when its segment decoded to a JSON object.
    public let claims: JSONObject?
    /// The decoded signature bytes (empty for an empty segment), when its segment is canonical base64url.
    public let signature: [UInt8]?
    /// The exact bytes the signature covers: `header.payload` as they appear in the token.
    public let signingInput: [UInt8]
    /// What decoding found wrong: `token.*` findings.
    public let findings: [Finding]
}

extension DecodedToken {
    /// Decodes one input line (a token, `Bearer <token>` or `Authorization: Bearer <token>`) without checking
    /// any rule beyond the token's form.
    public static func decode(_ line: String) -> DecodedToken {
        TokenDecoder.decode(line)
    }
}

extension DecodedToken {
    /// The JSON request an Advanced Commerce in-app JWS carries in its `request` claim, base64-decoded (standard
    /// or URL alphabet, padded or not), when it is there and decodes to a JSON object. Whether it is written as
    /// Apple requires is for the `claims.request` rule to say.
    public var advancedCommerceRequest: JSONObject? {
        guard case .string(let encoded)? = claims?["request"], let bytes = Base64.decodeLeniently(encoded) else { return nil }
        return Self.jsonObject(bytes)
    }
}

extension DecodedToken {
    /// `bytes` parsed as one JSON object by the same strict parser tokens go through, or `nil`.
    package static func jsonObject(_ bytes: [UInt8]) -> JSONObject? {
        try? bytes.withUnsafeBytes { JSONParser.parseObject($0) }.get()
    }

    /// `bytes` parsed as one JSON object by the same strict parser, or why they are not one.
    package static func parseJSONObject(_ bytes: [UInt8]) -> Result<JSONObject, JSONParseError> {
        bytes.withUnsafeBytes { JSONParser.parseObject($0) }
    }
}
