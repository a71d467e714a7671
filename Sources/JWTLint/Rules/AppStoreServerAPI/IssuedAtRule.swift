/// `claims.iat`: the issue time, in seconds, not ahead of the clock.
struct IssuedAtRule: LintRule {
    static let description = RuleDescription(
        id: "claims.iat",
        defaultSeverity: .error,
        summary: "iat is a number of seconds since 1970, not later than now plus the leeway.",
        explanation: """
            Apple wants "The time at which you issue the token, in UNIX time, in seconds (Ex: 1623085200)". A string, \
            a negative number or milliseconds (forum thread 732746) is an error. An iat ahead of Apple's clock gets \
            a 401 even by one second (go-iap#277), so an iat later than now + leeway (default 60 s) is an error. \
            Missing is a warning only: Apple's own Python and Java libraries omit iat and are accepted. Fractional \
            seconds are valid (RFC 7519 NumericDate).
            """,
        source: "\(Sources.appStoreServerAPITokens) (iat); \(Sources.rfc7519) §2 (NumericDate) and §4.1.6; apple-jwt-rules §6 causes 2 and 4",
        fix: "Set iat to the current Unix time in seconds when you sign, from a clock synced by NTP; back-date it by a few seconds to absorb skew.",
        triggeringExamples: [
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570000,"exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "milliseconds"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":"1767225570","exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "a string"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225661,"exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "61 s in the future"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "missing", severity: .warning),
        ],
        nonTriggeringExamples: [
            .token("30 s ago"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225660,"exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "60 s ahead: within the leeway"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570.25,"exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "fractional seconds"),
        ])

    func check(_ token: DecodedToken, options: LintOptions, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        switch TimeClaim.read("iat", in: claims) {
        case .missing:
            findings.append(Self.description.finding(
                "The claims have no iat; Apple accepts that (its Python and Java libraries omit it), but then a 60-minute lifetime is measured from an unknown start.",
                severity: .warning, hint: "Set iat to the current Unix time in seconds when you sign."))
        case .invalid(let message, let hint):
            findings.append(Self.description.finding(message, hint: hint))
        case .seconds(let iat):
            if iat > options.now + options.leeway {
                findings.append(Self.description.finding(
                    "iat is \(TimeText.utc(iat)), \(TimeText.duration(iat - options.now)) ahead of now (\(TimeText.utc(options.now))); Apple refuses a token issued in its future (leeway \(TimeText.number(options.leeway)) s).",
                    hint: "Sync the signing server's clock with NTP, and back-date iat by a few seconds to absorb skew."))
            }
        }
    }
}
