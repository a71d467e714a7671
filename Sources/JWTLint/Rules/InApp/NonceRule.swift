/// `claims.nonce`: the one-time UUID of a StoreKit in-app JWS; in an identity token, the nonce the app sent.
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
            leftover of Apple's 2021 documentation and is ignored. An identity token carries the nonce the app passed \
            to the authorization request (often its SHA-256); given the expected one (--nonce), a missing or \
            different nonce is an error: the token was minted for another sign-in, a replay.
            """,
        source: "\(Sources.inAppJWS) (nonce); \(Sources.appleLibrariesInApp)",
        fix: "Set nonce to a new random UUID for every signature (uuid4, UUID(), randomUUID()).",
        triggeringExamples: [
            .token(.promotionalOffer, removing: ["nonce"], "no nonce"),
            .token(.introductoryOfferEligibility, setting: ["nonce": #""12345""#], "not a UUID"),
            .token(.advancedCommerceInApp, setting: ["nonce": "42"], "a number"),
            .token(.promotionalOffer, setting: ["nonce": #""{C2A5F9E1-3B7D-4E0A-9F51-6D2C8B4A7E13}""#], "a UUID in braces"),
            .token(.signInWithAppleIdentity, "an identity token for another sign-in", nonce: "another-nonce"),
            .token(.signInWithAppleIdentity, removing: ["nonce"], "an identity token without the nonce expected", nonce: "8b6f1c3e"),
        ],
        nonTriggeringExamples: [
            .token(.promotionalOffer, "a lower-case UUID, as Apple's Python, Java and Node libraries send"),
            .token(.promotionalOffer, setting: ["nonce": #""C2A5F9E1-3B7D-4E0A-9F51-6D2C8B4A7E13""#], "an upper-case UUID, as Apple's Swift library sends"),
            .token("a server API token without nonce"),
            .token(.signInWithAppleIdentity, "an identity token with the nonce expected", nonce: "8b6f1c3e0d9a7f25e4c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9"),
            .token(.signInWithAppleIdentity, removing: ["nonce"], "an identity token, no nonce expected"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        if context.expectations.nonce == .echoed {
            guard let expected = context.options.nonce else { return }
            guard let nonce = Self.string(
                "nonce", in: claims, subject: "nonce",
                ifMissing: Self.description.finding(.missing, "The claims have no nonce; the expected one is \(JSONText.quoted(expected))."), into: &findings)
            else { return }
            if nonce != expected {
                findings.append(Self.description.finding(
                    .mismatch, "nonce is \(JSONText.quoted(nonce)), not the expected \(JSONText.quoted(expected)): the token was minted for another sign-in.",
                    hint: "Refuse the token; compare the nonce with the one this sign-in sent (hashed as your app sent it)."))
            }
            return
        }
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
