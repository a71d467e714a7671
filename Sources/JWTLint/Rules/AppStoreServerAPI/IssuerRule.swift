/// `claims.iss`: the issuer ID from App Store Connect.
struct IssuerRule: LintRule {
    static let description = RuleDescription(
        id: "claims.iss",
        defaultSeverity: .error,
        summary: "iss is the issuer ID: a UUID (8-4-4-4-12 hex digits), equal to --issuer when given.",
        explanation: """
            Apple identifies the team by "Your issuer ID from the Keys page in App Store Connect (Ex: \
            57246542-96fe-1a63-e053-0824d011072a)". A missing, non-string or non-UUID iss, or one that differs from \
            --issuer, gets a 401. jwtlint checks the 8-4-4-4-12 hex shape only, not UUID version bits (Apple's own \
            example has none).
            """,
        source: "\(Sources.appStoreServerAPITokens) (iss); apple-jwt-rules §6 cause 6",
        fix: "Set iss to the Issuer ID shown at the top of Users and Access → Integrations → In-App Purchase in App Store Connect.",
        triggeringExamples: [
            .token(claims: #"{"iat":1767225570,"exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "no iss"),
            .token(claims: #"{"iss":"57246542-96fe-1a63e053-0824d011072a","iat":1767225570,"exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "a hyphen missing"),
            .token(claims: #"{"iss":"TEAMID1234","iat":1767225570,"exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "a team ID, not an issuer ID"),
            .token("differs from --issuer", issuer: "11111111-2222-3333-4444-555555555555"),
        ],
        nonTriggeringExamples: [
            .token("a UUID"),
            .token("matches --issuer", issuer: "57246542-96fe-1a63-e053-0824d011072a"),
        ])

    func check(_ token: DecodedToken, options: LintOptions, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        guard let value = claims["iss"] else {
            findings.append(Self.description.finding("The claims have no iss (issuer ID)."))
            return
        }
        guard let issuer = value.stringValue else {
            findings.append(Self.description.finding("iss is \(value.typeNameWithArticle), not a string."))
            return
        }
        guard Self.isUUID(issuer) else {
            findings.append(Self.description.finding("iss \(JSONText.quoted(issuer)) is not a UUID (8-4-4-4-12 hexadecimal digits)."))
            return
        }
        if let expected = options.issuer, issuer != expected {
            findings.append(Self.description.finding("iss is \(JSONText.quoted(issuer)), but --issuer is \(JSONText.quoted(expected))."))
        }
    }

    /// Whether `text` is 8-4-4-4-12 hexadecimal digits, either case.
    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
                guard isHex else { return false }
            }
        }
        return true
    }
}
