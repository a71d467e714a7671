/// `header.alg`: the header names exactly the kind's algorithm: `ES256`, or `RS256` for Apple's identity tokens.
struct HeaderAlgorithmRule: LintRule {
    static let description = RuleDescription(
        id: .headerAlgorithm,
        defaultSeverity: .error,
        summary: "The header's alg is exactly \"ES256\" (\"RS256\" in Apple's identity tokens).",
        explanation: """
            Apple signs and checks these tokens with ES256 only (ECDSA with P-256 and SHA-256): "All JWTs must be \
            signed with ES256 encryption". "none" is an unsecured token; HS256 and the other HMAC algorithms are the \
            classic algorithm-confusion attack; RS256 and other algorithms need a different key. The name is \
            case-sensitive (RFC 7515 §4.1.1). jwtlint checks the signature only when alg is ES256. Apple signs \
            Sign in with Apple identity tokens with RS256, and a verifier must accept nothing else: "none" and HMAC \
            there are the attacks on verifiers that trust the header (an HS256 token keyed with Apple's public key, \
            which anyone can fetch), named as such.
            """,
        source: "\(Sources.appStoreServerAPITokens) (alg: ES256); \(Sources.rfc7518) §3.1 and §3.4; \(Sources.rfc8725) §3.1–3.2",
        fix: "Sign with ES256 and the In-App Purchase key (.p8), and set \"alg\": \"ES256\" in the header.",
        triggeringExamples: [
            .token(header: #"{"alg":"none","kid":"2X9R4HXF34","typ":"JWT"}"#, "alg none"),
            .token(header: #"{"alg":"HS256","kid":"2X9R4HXF34","typ":"JWT"}"#, "HMAC"),
            .token(header: #"{"alg":"es256","kid":"2X9R4HXF34","typ":"JWT"}"#, "wrong letter case"),
            .token(header: #"{"kid":"2X9R4HXF34","typ":"JWT"}"#, "no alg"),
            .token(header: #"{"alg":["ES256"],"kid":"2X9R4HXF34","typ":"JWT"}"#, "alg not a string"),
            .token(.signInWithAppleIdentity, header: #"{"kid":"JWTLINT-A","alg":"HS256"}"#, "HS256 keyed with Apple's public key"),
            .token(.signInWithAppleIdentity, header: #"{"kid":"JWTLINT-A","alg":"none"}"#, "an unsecured identity token"),
            .token(.signInWithAppleIdentity, header: #"{"kid":"JWTLINT-A","alg":"ES256"}"#, "ES256 where Apple signs RS256"),
        ],
        nonTriggeringExamples: [.token("alg ES256"), .token(.signInWithAppleIdentity, "RS256 in an identity token", auto: true)])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let header = token.header else { return }
        let expected = context.expectations.algorithm
        guard let alg = Self.string(
            "alg", in: header, subject: "The header's alg", expected: "the string \"\(expected)\"",
            ifMissing: Self.description.finding(.missing, "The header has no alg."), into: &findings)
        else { return }
        guard alg != expected else { return }
        if expected != "ES256" {
            checkAgainstAppleSigner(alg, expected: expected, into: &findings)
            return
        }
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

    /// A token Apple signs (an identity token): anything but Apple's algorithm is an attack or another kind.
    private func checkAgainstAppleSigner(_ alg: String, expected: String, into findings: inout [Finding]) {
        let shown = JSONText.quoted(alg)
        let upper = alg.uppercased()
        if upper == expected {
            findings.append(Self.description.finding(.wrongCase, "The header's alg is \(shown); algorithm names are case-sensitive: it must be \"\(expected)\"."))
        } else if upper == "NONE" {
            findings.append(Self.description.finding(
                .unsecured, "The header's alg is \(shown): an unsecured token, the classic attack on verifiers that trust the header; Apple signs with \(expected). Refuse it."))
        } else if upper.hasPrefix("HS") {
            findings.append(Self.description.finding(
                .hmac, "The header's alg is \(shown): the algorithm-confusion attack, an HMAC keyed with Apple's public key, which anyone can fetch; Apple signs with \(expected). Refuse it."))
        } else {
            findings.append(Self.description.finding(.wrongValue, "The header's alg is \(shown); Apple signs these tokens with \(expected) only."))
        }
    }
}
