/// `claims.offerIdentifier`: the promotional offer a promotional offer signature applies.
struct OfferIdentifierRule: LintRule {
    static let description = RuleDescription(
        id: .offerIdentifier,
        defaultSeverity: .error,
        summary: "offerIdentifier is the promotional offer's identifier: a non-empty string without whitespace around it.",
        explanation: """
            A promotional offer signature names the offer in offerIdentifier, "The promotional offer identifier \
            that you set up in App Store Connect"; Apple's Python and Java libraries refuse to sign without one. \
            Missing, not a string, empty or padded with whitespace is an error.
            """,
        source: "\(Sources.inAppJWS) (offerIdentifier); \(Sources.appleLibrariesInApp)",
        fix: "Set offerIdentifier to the promotional offer's identifier from App Store Connect.",
        triggeringExamples: [
            .token(.promotionalOffer, removing: ["offerIdentifier"], "no offerIdentifier"),
            .token(.promotionalOffer, setting: ["offerIdentifier": #"" winback.50""#], "a leading space"),
        ],
        nonTriggeringExamples: [.token(.promotionalOffer, "offer winback.50")])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        _ = Self.identifier(
            "offerIdentifier", in: claims,
            ifMissing: Self.description.finding(.missing, "The claims have no offerIdentifier; a promotional offer signature names its offer."),
            into: &findings)
    }
}
