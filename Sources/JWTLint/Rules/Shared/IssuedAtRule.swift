/// `claims.iat`: the issue time, in seconds, not ahead of the clock (and required in a StoreKit in-app JWS).
struct IssuedAtRule: LintRule {
    static let description = RuleDescription(
        id: .issuedAt,
        defaultSeverity: .error,
        summary: "iat is a number of seconds since 1970, not later than now plus the leeway; required in StoreKit in-app JWS.",
        explanation: """
            Apple wants "The time at which you issue the token, in UNIX time, in seconds (Ex: 1623085200)". A string, \
            a negative number or milliseconds (forum thread 732746) is an error. An iat ahead of Apple's clock gets \
            a 401 even by one second (go-iap#277), so an iat later than now + leeway (default 60 s) is an error. \
            Fractional seconds are valid (RFC 7519 NumericDate; Apple's Swift library writes them). Server API and \
            App Store Connect API tokens: missing is a warning only, since Apple's own Python and Java libraries \
            omit iat and are accepted. StoreKit in-app JWS (promotional offer, introductory offer eligibility, \
            Advanced Commerce in-app request): iat is required, since Apple derives their expiry from it; Apple \
            publishes no maximum age, so jwtlint only warns about an iat more than 24 hours old (the validity of \
            the legacy promotional offer signature, the only figure Apple gives for offer signatures): a nonce is \
            for one purchase, and a signature that old was not made for the purchase at hand.
            """,
        source: "\(Sources.appStoreServerAPITokens) (iat); \(Sources.inAppJWS) (iat); \(Sources.promotionalOfferSignature) (24 hours); \(Sources.rfc7519) §2 (NumericDate) and §4.1.6; apple-jwt-rules §6 causes 2 and 4",
        fix: "Set iat to the current Unix time in seconds when you sign, from a clock synced by NTP; back-date it by a few seconds to absorb skew.",
        triggeringExamples: [
            .token(.appStoreServerAPI, setting: ["iat": "1767225570000"], "milliseconds"),
            .token(.appStoreServerAPI, setting: ["iat": #""1767225570""#], "a string"),
            .token(.appStoreServerAPI, setting: ["iat": "1767225661"], "61 s in the future"),
            .token(.appStoreServerAPI, removing: ["iat"], "missing", severity: .warning),
            .token(.promotionalOffer, removing: ["iat"], "missing from a promotional offer signature"),
            .token(.advancedCommerceInApp, setting: ["iat": "1767225570123"], "milliseconds in an Advanced Commerce request"),
            .token(.introductoryOfferEligibility, setting: ["iat": "1767135600"], "issued 25 hours ago", severity: .warning),
        ],
        nonTriggeringExamples: [
            .token("30 s ago"),
            .token(.appStoreServerAPI, setting: ["iat": "1767225660"], "60 s ahead: within the leeway"),
            .token(.appStoreServerAPI, setting: ["iat": "1767225570.25"], "fractional seconds"),
            .token(.promotionalOffer, setting: ["iat": "1767225570.123456"], "fractional seconds, as Apple's Swift library writes them"),
            .token(.promotionalOffer, setting: ["iat": "1767139200"], "a promotional offer signature issued 24 hours ago"),
        ])

    /// Why a missing iat matters, by profile.
    private static func missingMessage(_ profile: Profile) -> String {
        profile.missingIssuedAtAdvice
            ?? "The claims have no iat; \(profile.titleWithArticle) requires it: Apple derives its expiry from iat."
    }

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        let options = context.options
        switch TimeClaim.read("iat", in: claims) {
        case .missing:
            let required = context.expectations.issuedAt == .required
            findings.append(Self.description.finding(
                .missing, Self.missingMessage(context.profile), severity: required ? .error : .warning,
                hint: "Set iat to the current Unix time in seconds when you sign."))
        case .invalid(let cause, let message, let hint):
            findings.append(Self.description.finding(cause, message, hint: hint))
        case .seconds(let iat):
            if iat > options.now + options.leeway {
                findings.append(Self.description.finding(
                    .issuedInFuture,
                    "iat is \(TimeText.utc(iat)), \(TimeText.duration(iat - options.now)) ahead of now (\(TimeText.utc(options.now))); Apple refuses a token issued in its future (leeway \(TimeText.number(options.leeway)) s).",
                    hint: "Sync the signing server's clock with NTP, and back-date iat by a few seconds to absorb skew."))
            } else if let limit = context.expectations.issuedAtLimit, options.now - iat > limit {
                findings.append(Self.description.finding(
                    .stale,
                    "iat is \(TimeText.utc(iat)), \(TimeText.duration(options.now - iat)) ago; \(context.profile.titleWithArticle) is refused once iat is over \(TimeText.duration(limit)) old (APNs: 403 ExpiredProviderToken).",
                    hint: "Make a new token every 20 to 60 minutes and reuse it in between; never reuse one over an hour old."))
            } else if let maximumAge = context.expectations.maximumAge, options.now - iat > maximumAge {
                findings.append(Self.description.finding(
                    .stale,
                    "iat is \(TimeText.utc(iat)), \(TimeText.duration(options.now - iat)) ago; Apple publishes no maximum age for \(context.profile.titleWithArticle), but one this old was not made for the purchase at hand.",
                    severity: .warning,
                    hint: "Sign a new JWS, with a new nonce, for each purchase attempt, just before the app uses it."))
            }
        }
    }
}
