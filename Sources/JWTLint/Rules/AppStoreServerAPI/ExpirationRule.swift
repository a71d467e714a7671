/// `claims.exp`: the expiry time, in seconds, still in the future.
struct ExpirationRule: LintRule {
    static let description = RuleDescription(
        id: "claims.exp",
        defaultSeverity: .error,
        summary: "exp is a number of seconds since 1970, later than now.",
        explanation: """
            Apple requires "The token's expiration time in UNIX time, in seconds". A missing exp, a string, a \
            negative number or milliseconds is an error, and so is a token whose exp is not after now: it has \
            expired. Fractional seconds are valid (RFC 7519 NumericDate).
            """,
        source: "\(Sources.appStoreServerAPITokens) (exp); \(Sources.rfc7519) §2 (NumericDate) and §4.1.4",
        fix: "Set exp to the signing time plus at most 3600 s (Apple's libraries use 300 s), and make a new token when it expires.",
        triggeringExamples: [
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "no exp"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225000,"exp":1767225300,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "expired 5 minutes ago"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225600,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "expires exactly now"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225870000,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "milliseconds"),
        ],
        nonTriggeringExamples: [
            .token("expires in 4 min 30 s"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225601,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "expires in 1 s"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225870.5,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "fractional seconds"),
        ])

    func check(_ token: DecodedToken, options: LintOptions, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        switch TimeClaim.read("exp", in: claims) {
        case .missing:
            findings.append(Self.description.finding("The claims have no exp; Apple requires an expiry time."))
        case .invalid(let message, let hint):
            findings.append(Self.description.finding(message, hint: hint))
        case .seconds(let exp):
            if exp <= options.now {
                findings.append(Self.description.finding(
                    "The token expired at \(TimeText.utc(exp)), \(TimeText.relative(exp, now: options.now)) (now is \(TimeText.utc(options.now)))."))
            }
        }
    }
}
