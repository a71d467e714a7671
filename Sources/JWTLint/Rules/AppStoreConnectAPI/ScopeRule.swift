/// `claims.scope`: the requests an App Store Connect API token may make.
struct ScopeRule: LintRule {
    static let description = RuleDescription(
        id: .scope,
        defaultSeverity: .error,
        summary: "scope, when present, is a non-empty array of \"METHOD /path[?query]\" strings.",
        explanation: """
            An App Store Connect API token may carry scope, a list of the requests it may make, each "The HTTP GET \
            method", "The URL path" and "The optional URL query string", such as "GET \
            /v1/apps?filter[platform]=IOS". "App Store Connect rejects a token with a scope claim if none of the \
            scope entries match the attempted request", so a scope that is not an array, an empty array, or an \
            entry that is not a method in upper case followed by a path from /v1 (or a later version) is an error. \
            A scope of GET requests only, on the resources Apple lists, is what lets a token live past 20 minutes \
            (see claims.lifetime). Checked only under the profile app-store-connect-api.
            """,
        source: "\(Sources.appStoreConnectTokens) (scope; token lifetime)",
        fix: "Write each scope entry as the method and path of a request, such as \"GET /v1/apps?filter[platform]=IOS\", or leave scope out.",
        triggeringExamples: [
            .token(.appStoreConnectAPI, setting: ["scope": #""GET /v1/apps""#], "a string, not an array"),
            .token(.appStoreConnectAPI, setting: ["scope": "[]"], "an empty array"),
            .token(.appStoreConnectAPI, setting: ["scope": #"["get /v1/apps"]"#], "a lower-case method"),
            .token(.appStoreConnectAPI, setting: ["scope": #"["GET https://api.appstoreconnect.apple.com/v1/apps"]"#], "a full URL"),
            .token(.appStoreConnectAPI, setting: ["scope": #"["/v1/apps"]"#], "no method"),
        ],
        nonTriggeringExamples: [
            .token(.appStoreConnectAPI, "no scope"),
            .token(.appStoreConnectAPI, setting: ["scope": #"["GET /v1/apps?filter[platform]=IOS","PATCH /v1/apps/123"]"#], "two entries"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims, let value = claims["scope"] else { return }
        guard case .array(let entries) = value else {
            findings.append(Self.description.finding(.wrongType, "scope is \(value.typeNameWithArticle), not an array of request strings."))
            return
        }
        guard !entries.isEmpty else {
            findings.append(Self.description.finding(.empty, "scope is an empty array: no request matches it, so App Store Connect rejects every one."))
            return
        }
        for (index, entry) in entries.enumerated() {
            let place = "scope[\(index)]"
            switch AppStoreConnectScope.entry(entry) {
            case .success:
                continue
            case .failure(.notAString):
                findings.append(Self.description.finding(.wrongType, "\(place) is \(entry.typeNameWithArticle), not a string."))
            case .failure(.noMethod):
                findings.append(Self.description.finding(
                    .malformed, "\(place) \(JSONText.quoted(entry.stringValue ?? "")) has no method; an entry is \"METHOD /path\"."))
            case .failure(.lowerCaseMethod(let method)):
                findings.append(Self.description.finding(.wrongCase, "\(place) has the method \(JSONText.quoted(method)); write it in upper case."))
            case .failure(.unknownMethod(let method)):
                findings.append(Self.description.finding(
                    .wrongValue, "\(place) has the method \(JSONText.quoted(method)), not GET, POST, PATCH or DELETE."))
            case .failure(.notAPath):
                findings.append(Self.description.finding(
                    .malformed, "\(place) \(JSONText.quoted(entry.stringValue ?? "")) does not name a path such as /v1/apps (no host, no spaces)."))
            }
        }
    }
}
