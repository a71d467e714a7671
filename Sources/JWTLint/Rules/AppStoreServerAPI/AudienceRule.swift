/// `claims.aud`: the audience is App Store Connect.
struct AudienceRule: LintRule {
    static let audience = "appstoreconnect-v1"

    static let description = RuleDescription(
        id: "claims.aud",
        defaultSeverity: .error,
        summary: "aud is exactly the string \"appstoreconnect-v1\".",
        explanation: """
            Apple requires "aud – Audience: appstoreconnect-v1", the same for sandbox and production. An array, \
            another letter case, "appstoreconnect-v1-sandbox" (advice that circulates and is wrong) or the audience \
            of a StoreKit in-app signature ("promotional-offer", "introductory-offer-eligibility", \
            "advanced-commerce-api") is an error.
            """,
        source: "\(Sources.appStoreServerAPITokens) (aud); apple-jwt-rules §1 and §6 cause 11",
        fix: "Set \"aud\": \"appstoreconnect-v1\" (one string, not an array), for sandbox and production alike.",
        triggeringExamples: [
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225870,"bid":"com.example.app"}"#, "no aud"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225870,"aud":["appstoreconnect-v1"],"bid":"com.example.app"}"#, "an array"),
            .token(claims: #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225870,"aud":"appstoreconnect-v1-sandbox","bid":"com.example.app"}"#, "a sandbox audience"),
        ],
        nonTriggeringExamples: [.token("appstoreconnect-v1")])

    func check(_ token: DecodedToken, options: LintOptions, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        guard let value = claims["aud"] else {
            findings.append(Self.description.finding("The claims have no aud."))
            return
        }
        switch value {
        case .string(Self.audience):
            return
        case .string(let aud):
            let shown = JSONText.quoted(aud)
            if aud.lowercased() == Self.audience {
                findings.append(Self.description.finding("aud is \(shown); it is case-sensitive: \"appstoreconnect-v1\"."))
            } else if aud.hasPrefix(Self.audience) {
                findings.append(Self.description.finding("aud is \(shown); there is one audience for sandbox and production: \"appstoreconnect-v1\"."))
            } else if ["promotional-offer", "introductory-offer-eligibility", "advanced-commerce-api"].contains(aud) {
                findings.append(Self.description.finding(
                    "aud is \(shown), the audience of a StoreKit in-app signature, not of a server API token.",
                    hint: "Sign server API calls with a separate token whose aud is \"appstoreconnect-v1\"."))
            } else {
                findings.append(Self.description.finding("aud is \(shown), not \"appstoreconnect-v1\"."))
            }
        case .array:
            findings.append(Self.description.finding("aud is an array; Apple expects the single string \"appstoreconnect-v1\"."))
        default:
            findings.append(Self.description.finding("aud is \(value.typeNameWithArticle), not the string \"appstoreconnect-v1\"."))
        }
    }
}
