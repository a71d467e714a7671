/// The rules about the token's form: found while decoding it (see `TokenDecoder`), before any other rule runs.
enum TokenRules {
    /// The rules, in report order.
    static var all: [RuleDescription] { [format, encoding, json, duplicateKey] }

    private static let clean = RuleExample.token("a well-formed token")

    static let format = RuleDescription(
        id: .tokenFormat,
        defaultSeverity: .error,
        summary: "The input is one compact JWS: three base64url segments joined by '.', nothing else.",
        explanation: """
            A signed JWT in compact serialisation is exactly three segments, header.payload.signature, with no \
            whitespace (RFC 7515 §7.1). jwtlint accepts the bare token, 'Bearer <token>' and an \
            'Authorization: Bearer <token>' header line, and trims whitespace around them; anything else, such as \
            whitespace or a newline inside the token, a doubled 'Bearer', a JWE (five segments), an empty header or \
            payload, or an input over 64 KiB, is an error: Apple would not see a token there.
            """,
        source: "\(Sources.rfc7515) §3.1 and §7.1; \(Sources.rfc6750); \(Sources.appStoreServerAPITokens) (the 'Authorization: Bearer' header)",
        fix: "Pass the token exactly as your server sends it after 'Authorization: Bearer ': one unbroken string with two dots.",
        triggeringExamples: [
            RuleExample("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0", "two segments"),
            RuleExample("a.b.c.d.e", "five segments: a JWE"),
            RuleExample("Bearer Bearer " + clean.input, "Bearer twice"),
            RuleExample(String(clean.input.prefix(20)) + "\n" + String(clean.input.dropFirst(20)), "a newline inside"),
            RuleExample(".eyJpc3MiOiJ4In0." + RuleExample.dummySignature, "an empty header segment"),
            RuleExample("Authorization: Basic dXNlcjpwYXNz", "another HTTP auth scheme"),
        ],
        nonTriggeringExamples: [
            clean,
            RuleExample("Bearer " + clean.input, "a Bearer value"),
            RuleExample("Authorization: Bearer " + clean.input, "a header line"),
            RuleExample("  \t" + clean.input + "\r\n", "whitespace around the token"),
        ])

    static let encoding = RuleDescription(
        id: .tokenEncoding,
        defaultSeverity: .error,
        summary: "Each segment is canonical, unpadded base64url.",
        explanation: """
            JWS segments are base64url without padding (RFC 7515 §2, RFC 4648 §5). '=' padding, the '+' and '/' of \
            standard base64, and non-canonical trailing bits all let one token be written several ways; lenient \
            decoders accept them, strict ones (and token deny-lists keyed on the text) do not. A segment that does \
            not decode is not checked further. App Store-signed data is read as Apple's Python verifier reads it \
            (PyJWT 2.15): there, a segment padded with '=' to a multiple of four is read, and is a warning.
            """,
        source: "\(Sources.rfc7515) §2 (Base64url Encoding) and Appendix C; \(Sources.rfc8725) §3.4",
        fix: "Encode each segment with base64url, no padding: replace '+' with '-', '/' with '_', and drop '='.",
        triggeringExamples: [
            RuleExample(clean.input + "==", "padding on the signature"),
            RuleExample("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0+." + RuleExample.dummySignature, "a '+' in the payload"),
            RuleExample("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In1." + RuleExample.dummySignature, "non-canonical trailing bits"),
        ],
        nonTriggeringExamples: [clean])

    static let json = RuleDescription(
        id: .tokenJSON,
        defaultSeverity: .error,
        summary: "The header and the payload are each one JSON object in UTF-8.",
        explanation: """
            The JOSE header and the JWT claims set must each be a JSON object (RFC 7515 §4, RFC 7519 §7.2) encoded \
            in UTF-8 (RFC 8725 §3.7). Text that is not JSON, not UTF-8, holds '\\u0000', has a top level that is not \
            an object, or nests more than 32 levels deep is an error, and that part is not checked further.
            """,
        source: "\(Sources.rfc7519) §7.2; \(Sources.rfc7515) §4; \(Sources.rfc8725) §3.7",
        fix: "Serialise the header and claims as JSON objects (a JSON library's encoder, not string concatenation).",
        triggeringExamples: [
            RuleExample.token(claims: #"{"iss":"x",}"#, "a trailing comma"),
            RuleExample.token(claims: #"["appstoreconnect-v1"]"#, "an array at the top level"),
            RuleExample.token(header: #"{"alg":"ES256","kid":"\u0000"}"#, "a NUL character"),
            RuleExample(Base64URL.encode([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]) + ".e30." + RuleExample.dummySignature, "invalid UTF-8"),
        ],
        nonTriggeringExamples: [clean])

    static let duplicateKey = RuleDescription(
        id: .tokenDuplicateKey,
        defaultSeverity: .error,
        summary: "No member name appears twice in the header or the payload.",
        explanation: """
            RFC 7515 §4 and RFC 7519 §4 let a parser either reject duplicate member names or keep the last, and \
            real parsers differ (some keep the first), so a token with two 'bid' or two 'exp' means different \
            things to different readers. jwtlint reports it and goes on with the last value. In App Store-signed \
            data it is a warning: Apple's Python verifier keeps the last value too (Python's json).
            """,
        source: "\(Sources.rfc7515) §4; \(Sources.rfc7519) §4; \(Sources.rfc8725) §3.7",
        fix: "Set each header parameter and claim once.",
        triggeringExamples: [
            RuleExample.token(
                claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app","bid":"com.example.other"}"#,
                "bid twice"),
            RuleExample.token(header: #"{"alg":"ES256","alg":"none","kid":"2X9R4HXF34","typ":"JWT"}"#, "alg twice"),
        ],
        nonTriggeringExamples: [clean])
}
