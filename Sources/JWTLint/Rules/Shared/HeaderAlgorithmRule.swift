/// `header.alg`: the header names exactly `ES256`.
struct HeaderAlgorithmRule: LintRule {
    static let description = RuleDescription(
        id: .headerAlgorithm,
        defaultSeverity: .error,
        summary: "The header's alg is exactly \"ES256\".",
        explanation: """
            Apple signs and checks these tokens with ES256 only (ECDSA with P-256 and SHA-256): "All JWTs must be \
            signed with ES256 encryption". "none" is an unsecured token; HS256 and the other HMAC algorithms are the \
            classic algorithm-confusion attack; RS256 and other algorithms need a different key. The name is \
            case-sensitive (RFC 7515 §4.1.1). jwtlint checks the signature only when alg is ES256.
            """,
        source: "\(Sources.appStoreServerAPITokens) (alg: ES256); \(Sources.rfc7518) §3.1 and §3.4; \(Sources.rfc8725) §3.1–3.2",
        fix: "Sign with ES256 and the In-App Purchase key (.p8), and set \"alg\": \"ES256\" in the header.",
        triggeringExamples: [
            .token(header: #"{"alg":"none","kid":"2X9R4HXF34","typ":"JWT"}"#, "alg none"),
            .token(header: #"{"alg":"HS256","kid":"2X9R4HXF34","typ":"JWT"}"#, "HMAC"),
            .token(header: #"{"alg":"es256","kid":"2X9R4HXF34","typ":"JWT"}"#, "wrong letter case"),
            .token(header: #"{"kid":"2X9R4HXF34","typ":"JWT"}"#, "no alg"),
            .token(header: #"{"alg":["ES256"],"kid":"2X9R4HXF34","typ":"JWT"}"#, "alg not a string"),
        ],
        nonTriggeringExamples: [.token("alg ES256")])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let header = token.header else { return }
        guard let alg = Self.string(
            "alg", in: header, subject: "The header's alg", expected: "the string \"ES256\"",
            ifMissing: Self.description.finding(.missing, "The header has no alg."), into: &findings)
        else { return }
        guard alg != "ES256" else { return }
        let shown = JSONText.quoted(alg)
        let upper = alg.uppercased()
        if upper == "ES256" {
            findings.append(Self.description.finding(.wrongCase, "The header's alg is \(shown); algorithm names are case-sensitive: it must be \"ES256\"."))
        } else if upper == "NONE" {
            findings.append(Self.description.finding(.unsecured, "The header's alg is \(shown): an unsecured token, which Apple refuses."))
        } else if upper.hasPrefix("HS") {
            findings.append(Self.description.finding(
                .hmac, "The header's alg is \(shown), an HMAC algorithm with a shared secret; Apple accepts only ES256 with the .p8 key."))
        } else if upper.hasPrefix("RS") || upper.hasPrefix("PS") {
            findings.append(Self.description.finding(.rsa, "The header's alg is \(shown), an RSA algorithm; Apple accepts only ES256 with the .p8 key."))
        } else {
            findings.append(Self.description.finding(.wrongValue, "The header's alg is \(shown); Apple accepts only \"ES256\"."))
        }
    }
}
