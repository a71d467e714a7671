/// `claims.exp`: the expiry time, in seconds, still in the future; absent from a StoreKit in-app JWS.
struct ExpirationRule: LintRule {
    static let description = RuleDescription(
        id: .expiration,
        defaultSeverity: .error,
        summary: "exp is a number of seconds since 1970, later than now; StoreKit in-app JWS have no exp.",
        explanation: """
            Server API and App Store Connect API tokens: Apple requires "The token's expiration time in UNIX time, \
            in seconds". A missing exp, a string, a negative number or milliseconds is an error, and so is a token \
            whose exp is not after now: it has expired. Fractional seconds are valid (RFC 7519 NumericDate). \
            StoreKit in-app JWS (promotional offer, introductory offer eligibility, Advanced Commerce in-app \
            request): Apple says a request whose JWS includes exp fails, since it derives the expiry from iat, and \
            none of Apple's four libraries writes one (their tests assert it is absent); any exp there is an error.
            """,
        source: "\(Sources.appStoreServerAPITokens) (exp); \(Sources.inAppJWS) (no exp); \(Sources.appleLibrariesInApp); \(Sources.rfc7519) §2 (NumericDate) and §4.1.4",
        fix: "Server API tokens: set exp to the signing time plus at most 3600 s (Apple's libraries use 300 s), and make a new token when it expires. StoreKit in-app JWS: leave exp out.",
        triggeringExamples: [
            .token(.appStoreServerAPI, removing: ["exp"], "no exp"),
            .token(.appStoreServerAPI, setting: ["iat": "1767225000", "exp": "1767225300"], "expired 5 minutes ago"),
            .token(.appStoreServerAPI, setting: ["exp": "1767225600"], "expires exactly now"),
            .token(.appStoreServerAPI, setting: ["exp": "1767225870000"], "milliseconds"),
            .token(.promotionalOffer, setting: ["exp": "1767225870"], "a promotional offer signature with exp"),
            .token(.advancedCommerceInApp, setting: ["exp": "null"], "an Advanced Commerce request with exp null"),
            .token(.appStoreConnectAPI, removing: ["exp"], "an App Store Connect API token without exp"),
        ],
        nonTriggeringExamples: [
            .token("expires in 4 min 30 s"),
            .token(.appStoreServerAPI, setting: ["exp": "1767225601"], "expires in 1 s"),
            .token(.appStoreServerAPI, setting: ["exp": "1767225870.5"], "fractional seconds"),
            .token(.introductoryOfferEligibility, "an introductory offer eligibility signature, no exp"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        if case .forbidden = context.expectations.expiry {
            if claims.contains("exp") {
                findings.append(Self.description.finding(
                    .forbidden,
                    "The claims have exp; Apple refuses \(context.profile.titleWithArticle) that includes exp (it derives the expiry from iat).",
                    hint: "Leave exp out of the JWS, as Apple's libraries do."))
            }
            return
        }
        switch TimeClaim.read("exp", in: claims) {
        case .missing:
            if case .optional = context.expectations.expiry { return }
            findings.append(Self.description.finding(.missing, "The claims have no exp; Apple requires an expiry time."))
        case .invalid(let cause, let message, let hint):
            findings.append(Self.description.finding(cause, message, hint: hint))
        case .seconds(let exp):
            if exp <= context.options.now {
                findings.append(Self.description.finding(
                    .expired,
                    "The token expired at \(TimeText.utc(exp)), \(TimeText.relative(exp, now: context.options.now)) (now is \(TimeText.utc(context.options.now)))."))
            }
        }
    }
}
