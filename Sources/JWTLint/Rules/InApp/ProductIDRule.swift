/// `claims.productId`: the product a promotional offer or introductory offer eligibility JWS is for.
struct ProductIDRule: LintRule {
    static let description = RuleDescription(
        id: .productID,
        defaultSeverity: .error,
        summary: "productId is the product's identifier: a non-empty string without whitespace around it.",
        explanation: """
            A promotional offer signature and an introductory offer eligibility signature name the product they \
            apply to in productId, a string; Apple's Python and Java libraries refuse to sign without one. Missing, \
            not a string, empty or padded with whitespace is an error. StoreKit also checks that it is the product \
            being bought, which a linter cannot see.
            """,
        source: "\(Sources.inAppJWS) (productId); \(Sources.appleLibrariesInApp)",
        fix: "Set productId to the product identifier from App Store Connect, the same the app passes to StoreKit.",
        triggeringExamples: [
            .token(.promotionalOffer, removing: ["productId"], "no productId"),
            .token(.introductoryOfferEligibility, setting: ["productId": #""""#], "empty"),
            .token(.promotionalOffer, setting: ["productId": #"["com.example.app.monthly"]"#], "an array"),
        ],
        nonTriggeringExamples: [
            .token(.promotionalOffer, "a promotional offer for com.example.app.monthly"),
            .token(.introductoryOfferEligibility, "an eligibility signature for com.example.app.monthly"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        _ = Self.identifier(
            "productId", in: claims,
            ifMissing: Self.description.finding(.missing, "The claims have no productId; \(context.profile.titleWithArticle) names its product."),
            into: &findings)
    }
}
