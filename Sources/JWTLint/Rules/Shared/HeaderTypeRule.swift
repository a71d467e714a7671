/// `header.typ`: the header says the token is a JWT.
struct HeaderTypeRule: LintRule {
    static let description = RuleDescription(
        id: .headerType,
        defaultSeverity: .error,
        summary: "The header's typ is \"JWT\".",
        explanation: """
            Apple's documentation lists "typ – Token Type: JWT" and all four of Apple's server libraries send it. \
            Another type (such as "JWS" or "at+jwt") says this is a different kind of token: error. Missing, or \
            "jwt" in another letter case: warning (RFC 7515 §4.1.9 compares media types case-insensitively, and \
            Apple has not been seen to refuse a token without typ, but explicit typing is RFC 8725's advice).
            """,
        source: "\(Sources.appStoreServerAPITokens) (typ: JWT); \(Sources.rfc7519) §5.1; \(Sources.rfc8725) §3.11",
        fix: "Set \"typ\": \"JWT\" in the header.",
        triggeringExamples: [
            .token(header: #"{"alg":"ES256","kid":"2X9R4HXF34"}"#, "no typ", severity: .warning),
            .token(header: #"{"alg":"ES256","kid":"2X9R4HXF34","typ":"jwt"}"#, "lower case", severity: .warning),
            .token(header: #"{"alg":"ES256","kid":"2X9R4HXF34","typ":"JWS"}"#, "another type"),
            .token(header: #"{"alg":"ES256","kid":"2X9R4HXF34","type":"JWT"}"#, "'type' instead of 'typ'", severity: .warning),
        ],
        nonTriggeringExamples: [.token("typ JWT")])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let header = token.header else { return }
        // Services whose documentation leaves typ out (APNs, DeviceCheck, MusicKit, Sign in with Apple) take a
        // token without it.
        if context.expectations.headerType == .optional, !header.contains("typ"), !header.contains("type") { return }
        func missing() -> Finding {
            header.contains("type")
                ? Self.description.finding(
                    .missing, "The header has \"type\" but no \"typ\"; the parameter is spelled typ.", severity: .warning,
                    hint: "Rename the header parameter \"type\" to \"typ\".")
                : Self.description.finding(.missing, "The header has no typ; Apple's libraries all send \"typ\": \"JWT\".", severity: .warning)
        }
        guard let typ = Self.string(
            "typ", in: header, subject: "The header's typ", expected: "the string \"JWT\"", ifMissing: missing(), into: &findings)
        else { return }
        guard typ != "JWT" else { return }
        if typ.uppercased() == "JWT" {
            findings.append(Self.description.finding(.wrongCase, "The header's typ is \(JSONText.quoted(typ)); write it as \"JWT\".", severity: .warning))
        } else {
            findings.append(Self.description.finding(.wrongValue, "The header's typ is \(JSONText.quoted(typ)), not \"JWT\": it declares another kind of token."))
        }
    }
}
