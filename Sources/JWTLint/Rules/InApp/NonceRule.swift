/// `claims.nonce`: the one-time UUID of a StoreKit in-app JWS.
struct NonceRule: LintRule {
    static let description = RuleDescription(
        id: .nonce,
        defaultSeverity: .error,
        summary: "nonce is a UUID string (either letter case), in every StoreKit in-app JWS.",
        explanation: """
            Apple's base claims for a StoreKit in-app JWS include "nonce", a one-time UUID, and all four of Apple's \
            libraries make one for every signature. Missing, not a string, or not 8-4-4-4-12 hexadecimal digits is \
            an error. Upper case is fine: Apple's Swift library sends UUID().uuidString, which is upper case (the \
            Python, Java and Node libraries send lower case). Not checked in server API tokens, where a nonce is a \
            leftover of Apple's 2021 documentation and is ignored.
            """,
        source: "\(Sources.inAppJWS) (nonce); \(Sources.appleLibrariesInApp)",
        fix: "Set nonce to a new random UUID for every signature (uuid4, UUID(), randomUUID()).",
        triggeringExamples: [
            .token(.promotionalOffer, removing: ["nonce"], "no nonce"),
            .token(.introductoryOfferEligibility, setting: ["nonce": #""12345""#], "not a UUID"),
            .token(.advancedCommerceInApp, setting: ["nonce": "42"], "a number"),
            .token(.promotionalOffer, setting: ["nonce": #""{C2A5F9E1-3B7D-4E0A-9F51-6D2C8B4A7E13}""#], "a UUID in braces"),
        ],
        nonTriggeringExamples: [
            .token(.promotionalOffer, "a lower-case UUID, as Apple's Python, Java and Node libraries send"),
            .token(.promotionalOffer, setting: ["nonce": #""C2A5F9E1-3B7D-4E0A-9F51-6D2C8B4A7E13""#], "an upper-case UUID, as Apple's Swift library sends"),
            .token("a server API token without nonce"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        guard let nonce = Self.identifier(
            "nonce", in: claims,
            ifMissing: Self.description.finding(.missing, "The claims have no nonce; \(context.profile.titleWithArticle) carries a one-time UUID."),
            into: &findings)
        else { return }
        if !IssuerRule.isUUID(nonce) {
            findings.append(Self.description.finding(.malformed, "nonce \(JSONText.quoted(nonce)) is not a UUID (8-4-4-4-12 hexadecimal digits)."))
        }
    }
}
