/// `claims.allowIntroductoryOffer`: whether the customer may have the introductory offer, as a JSON boolean.
struct AllowIntroductoryOfferRule: LintRule {
    static let description = RuleDescription(
        id: .allowIntroductoryOffer,
        defaultSeverity: .error,
        summary: "allowIntroductoryOffer is a JSON boolean, true or false.",
        explanation: """
            An introductory offer eligibility signature tells StoreKit whether the customer may have the \
            introductory offer in allowIntroductoryOffer, a boolean; Apple's libraries write a JSON true or false \
            and refuse to sign without it. Missing, or a string ("true"), a number (1) or null is an error.
            """,
        source: "\(Sources.inAppJWS) (allowIntroductoryOffer); \(Sources.appleLibrariesInApp)",
        fix: "Set allowIntroductoryOffer to the JSON boolean true or false, without quotes.",
        triggeringExamples: [
            .token(.introductoryOfferEligibility, removing: ["allowIntroductoryOffer"], "missing"),
            .token(.introductoryOfferEligibility, setting: ["allowIntroductoryOffer": #""true""#], "the string \"true\""),
            .token(.introductoryOfferEligibility, setting: ["allowIntroductoryOffer": "1"], "the number 1"),
        ],
        nonTriggeringExamples: [
            .token(.introductoryOfferEligibility, "true"),
            .token(.introductoryOfferEligibility, setting: ["allowIntroductoryOffer": "false"], "false"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        switch claims["allowIntroductoryOffer"] {
        case nil:
            findings.append(Self.description.finding(
                .missing, "The claims have no allowIntroductoryOffer; an introductory offer eligibility signature says true or false."))
        case .bool?:
            return
        case .string(let text)? where text.lowercased() == "true" || text.lowercased() == "false":
            findings.append(Self.description.finding(
                .wrongType, "allowIntroductoryOffer is the string \(JSONText.quoted(text)), not the boolean \(text.lowercased())."))
        case let value?:
            findings.append(Self.description.finding(.wrongType, "allowIntroductoryOffer is \(value.typeNameWithArticle), not a boolean."))
        }
    }
}
