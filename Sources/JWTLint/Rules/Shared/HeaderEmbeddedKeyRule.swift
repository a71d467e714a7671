/// `header.embedded-key`: the header carries no key material or key locations.
struct HeaderEmbeddedKeyRule: LintRule {
    static let members = ["jwk", "jku", "x5u", "x5c"]

    static let description = RuleDescription(
        id: .headerEmbeddedKey,
        defaultSeverity: .warning,
        summary: "The header carries no key (jwk, x5c) or key location (jku, x5u).",
        explanation: """
            A key inside the token proves nothing: anyone can sign a token with their own key and attach it \
            (RFC 8725 §3.10). Apple finds your key by kid, and jwtlint never uses a key the token carries; the \
            members only add size and invite the attack in verifiers that do.
            """,
        source: "\(Sources.rfc8725) §3.10; \(Sources.rfc7515) §4.1.2–4.1.6; \(Sources.appStoreServerAPITokens) (the header has alg, kid, typ only)",
        fix: "Remove jwk, jku, x5u and x5c from the header; kid identifies the key.",
        triggeringExamples: [
            .token(header: #"{"alg":"ES256","kid":"2X9R4HXF34","typ":"JWT","jku":"https://attacker.example/keys"}"#, "jku"),
            .token(
                header: #"{"alg":"ES256","kid":"2X9R4HXF34","typ":"JWT","jwk":{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}}"#,
                "jwk"),
        ],
        nonTriggeringExamples: [.token("no embedded key")])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let header = token.header else { return }
        let present = Self.members.filter { header.contains($0) }
        guard !present.isEmpty else { return }
        findings.append(Self.description.finding(
            .embeddedKey, "The header carries \(present.joined(separator: ", ")); jwtlint ignores it and Apple uses the key named by kid."))
    }
}
