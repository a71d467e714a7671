/// The rules about the ES256 signature, all decided by one check (``SignatureCheck``).
enum SignatureRules {
    /// The rules, in report order.
    static var all: [RuleDescription] { [encoding, range, mismatch, unverified] }

    /// RFC 7515 Appendix A.3: an ES256 JWS and its public key, published so anyone can check them.
    static let rfcExampleToken =
        "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
    /// The public key of RFC 7515 Appendix A.3 as a JWK.
    static let rfcExampleKey =
        #"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#

    private static let rfcSigningInput = String(rfcExampleToken.prefix(while: { $0 != "." })) + "."
        + String(rfcExampleToken.split(separator: ".")[1])
    private static let rfcSignature: [UInt8] = (try? Base64URL.decode(String(rfcExampleToken.split(separator: ".")[2])).get()) ?? []

    private static func withSignature(_ bytes: [UInt8]) -> String {
        rfcSigningInput + "." + Base64URL.encode(bytes)
    }

    private static let verified = RuleExample(rfcExampleToken, "RFC 7515 A.3, verified with its key", key: rfcExampleKey)

    static let encoding = RuleDescription(
        id: .signatureEncoding,
        defaultSeverity: .error,
        summary: "The signature is 64 bytes: r and s, 32 bytes each (not DER).",
        explanation: """
            An ES256 JWS signature is the raw concatenation r || s, 32 bytes each (RFC 7518 §3.4). OpenSSL, Java, \
            Node and Security.framework produce DER (ASN.1, 0x30…, 70–72 bytes) by default, and Apple answers 401 \
            with no detail. An empty signature is an unsecured token.
            """,
        source: "\(Sources.rfc7518) §3.4; apple-jwt-rules §6 cause 1",
        fix: "Convert the DER signature to raw r || s (Node: dsaEncoding 'ieee-p1363'; Java: SHA256withECDSAinP1363Format; Python: decode_dss_signature), or use a JWT library.",
        triggeringExamples: [
            RuleExample(withSignature(ECDSASignature.der(fromRaw: rfcSignature)), "a DER signature", key: rfcExampleKey),
            RuleExample(withSignature(Array(rfcSignature.prefix(63))), "63 bytes", key: rfcExampleKey),
            RuleExample(rfcSigningInput + ".", "an empty signature"),
        ],
        nonTriggeringExamples: [verified])

    static let range = RuleDescription(
        id: .signatureRange,
        defaultSeverity: .error,
        summary: "r and s each lie between 1 and n − 1, n being the order of P-256.",
        explanation: """
            ECDSA verification must reject r or s equal to zero or not below the group order; verifiers that \
            skipped that check accepted any token with r = s = 0 (CVE-2022-21449, "psychic signatures").
            """,
        source: "\(Sources.rfc8725) §3.4; FIPS 186-5 §6.4.2; CVE-2022-21449",
        fix: "Sign with a real ECDSA implementation; a zero or oversized r or s is never produced by one.",
        triggeringExamples: [
            RuleExample(withSignature([UInt8](repeating: 0, count: 64)), "r = s = 0"),
            RuleExample(withSignature(Array(rfcSignature.prefix(32)) + ECDSASignature.p256Order), "s = n", key: rfcExampleKey),
        ],
        nonTriggeringExamples: [verified])

    static let mismatch = RuleDescription(
        id: .signatureMismatch,
        defaultSeverity: .error,
        summary: "The signature verifies with the given key over the exact header.payload bytes.",
        explanation: """
            jwtlint verifies the ES256 signature with OpenSSL over the token's own bytes, never re-serialised JSON, \
            and only with the key you give: a key the token carries (jwk, jku, x5u, x5c) is never used. A mismatch \
            means the token was signed with another key (check kid and the .p8), or changed after signing.
            """,
        source: "\(Sources.rfc7515) §5.2; \(Sources.rfc7518) §3.4; \(Sources.rfc8725) §3.10",
        fix: "Sign with the key named by kid (the In-App Purchase key; an App Store Connect API key for that API), over the exact base64url header and payload you send.",
        triggeringExamples: [
            RuleExample(withSignature(rfcSignature.enumerated().map { $0.offset == 40 ? $0.element ^ 0x01 : $0.element }), "one bit flipped", key: rfcExampleKey),
            RuleExample(
                "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODEsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
                    + Base64URL.encode(rfcSignature), "the payload changed after signing", key: rfcExampleKey),
        ],
        nonTriggeringExamples: [verified])

    static let unverified = RuleDescription(
        id: .signatureUnverified,
        defaultSeverity: .warning,
        summary: "A key was given, so the signature was verified.",
        explanation: """
            Without a key, jwtlint checks the token's form and claims but cannot tell whether the signature \
            matches your key, and says so rather than pass the token silently. A public key (SPKI PEM or JWK) is \
            enough: the .p8 need not be on a CI machine.
            """,
        source: "\(Sources.rfc7515) §5.2",
        fix: "Give the key: the .p8, or its public key (openssl pkey -in KEY.p8 -pubout).",
        triggeringExamples: [RuleExample(rfcExampleToken, "no key")],
        nonTriggeringExamples: [verified])

    /// An identity token, judged with the examples' key set.
    private static func identity(_ token: String, _ note: String, key: String? = IdentityTokenExamples.keySet) -> RuleExample {
        RuleExample(token, note, key: key, profile: .pinned(.signInWithAppleIdentity))
    }

    static let keySet = RuleDescription(
        id: .signatureKeySet,
        defaultSeverity: .error,
        summary: "An identity token's kid names a key of the JWK Set given (Apple's keys from appleid.apple.com/auth/keys), which verifies it.",
        explanation: """
            Apple signs identity tokens with one of several RSA keys, rotated, and publishes them as a JWK Set: \
            "Verify the JWS E256 signature using the server's public key", the key whose kid the token names \
            in its header. jwtlint takes the set saved to a file (--key; it never fetches), picks the key by kid \
            and verifies RS256 with it, never with a key the token carries. A kid in no key of the set is an error: \
            a token signed by someone else, or a set saved before Apple added the key (save it again). Verifying with \
            the set's first key instead of the one kid names is a classic bug that fails whenever Apple rotates. No \
            set given (or one ES256 key): the signature is not verified, and this rule says why.
            """,
        source: "\(Sources.identityToken); \(Sources.appleKeys); \(Sources.rfc7517) §5; \(Sources.rfc8725) §3.1",
        fix: "Save https://appleid.apple.com/auth/keys again and pass it with --key; verify with the key whose kid the token names.",
        triggeringExamples: [
            identity(IdentityTokenExamples.unknownKeyID, "a kid in no key of the set"),
            identity(IdentityTokenExamples.token, "one ES256 key instead of a key set", key: rfcExampleKey),
        ],
        nonTriggeringExamples: [identity(IdentityTokenExamples.token, "the key the kid names verifies it")])
}
