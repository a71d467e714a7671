/// `claims.lifetime`: exp is at most 60 minutes after iat.
struct LifetimeRule: LintRule {
    /// Apple's limit on exp − iat, in seconds.
    static let maximumLifetime: Double = 3600
    /// Lifetimes this close to the limit fail under ordinary clock skew.
    static let margin: Double = 60

    static let description = RuleDescription(
        id: "claims.lifetime",
        defaultSeverity: .error,
        summary: "exp is at most 3600 s after iat (after now when there is no iat), and after iat.",
        explanation: """
            "Tokens that expire more than 60 minutes after the time in iat are not valid." A lifetime over 3600 s \
            is an error, and so is an exp not after iat. A lifetime within 60 s of the limit is a warning: a second \
            of clock skew turns exactly 60 minutes into a 401 (go-iap#277; readdle/app-store-server-api#19). Without \
            iat, the lifetime is measured from now. Not checked when iat or exp is invalid.
            """,
        source: "\(Sources.appStoreServerAPITokens) (exp); apple-jwt-rules §6 cause 3",
        fix: "Make tokens short-lived: exp = iat + 300 (five minutes, as Apple's libraries do); never more than iat + 3540.",
        triggeringExamples: [
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767229171,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "3601 s"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767229170,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "exactly 3600 s", severity: .warning),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","exp":1767232800,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "no iat, exp 2 h from now"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225610,"exp":1767225605,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "exp before iat"),
        ],
        nonTriggeringExamples: [
            .token("300 s"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767229110,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "3540 s"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","exp":1767225900,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#, "no iat, exp 5 min from now"),
        ])

    func check(_ token: DecodedToken, options: LintOptions, into findings: inout [Finding]) {
        guard let claims = token.claims, case .seconds(let exp) = TimeClaim.read("exp", in: claims) else { return }
        let start: Double
        let from: String
        switch TimeClaim.read("iat", in: claims) {
        case .seconds(let iat):
            start = iat
            from = "iat"
            if exp <= iat {
                findings.append(Self.description.finding("exp (\(TimeText.utc(exp))) is not after iat (\(TimeText.utc(iat)))."))
                return
            }
        case .missing:
            start = options.now
            from = "now (there is no iat)"
        case .invalid:
            return
        }
        let lifetime = exp - start
        guard lifetime > 0 else { return }
        if lifetime > Self.maximumLifetime {
            findings.append(Self.description.finding(
                "exp is \(TimeText.number(lifetime)) s (\(TimeText.duration(lifetime))) after \(from); Apple refuses tokens that live more than 3600 s."))
        } else if lifetime > Self.maximumLifetime - Self.margin {
            findings.append(Self.description.finding(
                "exp is \(TimeText.number(lifetime)) s after \(from), within \(TimeText.number(Self.margin)) s of Apple's 3600 s limit; a little clock skew makes it a 401.",
                severity: .warning))
        }
    }
}
