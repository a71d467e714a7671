/// `claims.transactionId`: one of the customer's transaction IDs (optional in a promotional offer signature,
/// required for introductory offer eligibility).
struct TransactionIDRule: LintRule {
    static let description = RuleDescription(
        id: .transactionID,
        defaultSeverity: .error,
        summary: "transactionId is a string of digits: required for introductory offer eligibility, optional (and recommended) in a promotional offer signature.",
        explanation: """
            transactionId is "The unique identifier of any transaction that belongs to the customer"; the \
            customer's appTransactionId is accepted too. Introductory offer eligibility: required (Apple's Python \
            library refuses to sign without it). Promotional offer: optional but recommended, and left out rather \
            than null when there is none. Missing where required, null, a number (transaction IDs are strings, and \
            JSON numbers lose digits past 2^53 in JavaScript), empty or padded with whitespace is an error; a string \
            that is not all digits, the shape of Apple's transaction IDs, is a warning.
            """,
        source: "\(Sources.inAppJWS) (transactionId); \(Sources.appleLibrariesInApp)",
        fix: "Set transactionId to one of the customer's transaction IDs (or its appTransactionId), as a string, e.g. \"2000000123456789\".",
        triggeringExamples: [
            .token(.introductoryOfferEligibility, removing: ["transactionId"], "no transactionId for introductory offer eligibility"),
            .token(.promotionalOffer, setting: ["transactionId": "2000000123456789"], "a number"),
            .token(.promotionalOffer, setting: ["transactionId": "null"], "null"),
            .token(.introductoryOfferEligibility, setting: ["transactionId": #""a8b1c2d3-0000-4000-8000-000000000000""#], "a UUID, not a transaction ID", severity: .warning),
        ],
        nonTriggeringExamples: [
            .token(.introductoryOfferEligibility, "a transaction ID"),
            .token(.promotionalOffer, removing: ["transactionId"], "a promotional offer signature without transactionId"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        if claims["transactionId"] == JSONValue.null {
            findings.append(Self.description.finding(
                .wrongType, "transactionId is null.",
                hint: context.expectations.transactionID == .required
                    ? "Set transactionId to one of the customer's transaction IDs (or its appTransactionId), as a string."
                    : "Leave transactionId out when there is none, as Apple's libraries do; or set it to one of the customer's transaction IDs."))
            return
        }
        if claims["transactionId"]?.numberValue != nil {
            findings.append(Self.description.finding(
                .wrongType, "transactionId is a number; transaction IDs are strings (a JSON number loses digits past 2^53 in JavaScript).",
                hint: "Write transactionId as a JSON string, e.g. \"2000000123456789\"."))
            return
        }
        func missing() -> Finding? {
            guard context.expectations.transactionID == .required else { return nil }
            return Self.description.finding(
                .missing, "The claims have no transactionId; \(context.profile.titleWithArticle) requires one of the customer's transaction IDs.")
        }
        guard let id = Self.identifier("transactionId", in: claims, ifMissing: missing(), into: &findings) else { return }
        if !id.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            findings.append(Self.description.finding(
                .malformed, "transactionId \(JSONText.quoted(id)) is not a string of digits, the shape of Apple's transaction IDs.",
                severity: .warning, hint: "Check that this is a transaction ID or appTransactionId, not an app account token or a product ID."))
        }
    }
}
