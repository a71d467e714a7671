/// `claims.scope`: the requests an App Store Connect API token may make, or the Apple Maps frameworks a MapKit token
/// may be used with.
struct ScopeRule: LintRule {
    static let description = RuleDescription(
        id: .scope,
        defaultSeverity: .error,
        summary: "scope is a non-empty array of \"METHOD /path[?query]\" strings (App Store Connect API, optional), or a string of space-separated Apple Maps frameworks (MapKit).",
        explanation: """
            An App Store Connect API token may carry scope, a list of the requests it may make, each "The HTTP GET \
            method", "The URL path" and "The optional URL query string", such as "GET \
            /v1/apps?filter[platform]=IOS". "App Store Connect rejects a token with a scope claim if none of the \
            scope entries match the attempted request", so a scope that is not an array, an empty array, or an \
            entry that is not a method in upper case followed by a path from /v1 (or a later version) is an error. \
            A scope of GET requests only, on the resources Apple lists, is what lets a token live past 20 minutes \
            (see claims.lifetime).

            A MapKit token's scope is "A space-separated list of one or more Apple Maps frameworks you are \
            authorizing the token to use": embed_api, mapkit_js, server_api (the Maps Server API's /v1/token) or \
            web_snapshots. Missing, not a string, empty, or a name not in Apple's list: error (Apple's page lists \
            scope among the claims to include; tokens made by its older instructions have none, and a configuration \
            file can lower the rule to a warning for them).
            """,
        source: "\(Sources.appStoreConnectTokens) (scope; token lifetime); \(Sources.mapsToken) (scope; Available token scopes)",
        fix: "Write each scope entry as the method and path of a request, such as \"GET /v1/apps?filter[platform]=IOS\", or leave scope out; in a MapKit token, set scope to the frameworks it is for, such as \"server_api\" or \"mapkit_js\".",
        triggeringExamples: [
            .token(.appStoreConnectAPI, setting: ["scope": #""GET /v1/apps""#], "a string, not an array"),
            .token(.appStoreConnectAPI, setting: ["scope": "[]"], "an empty array"),
            .token(.appStoreConnectAPI, setting: ["scope": #"["get /v1/apps"]"#], "a lower-case method"),
            .token(.appStoreConnectAPI, setting: ["scope": #"["GET https://api.appstoreconnect.apple.com/v1/apps"]"#], "a full URL"),
            .token(.appStoreConnectAPI, setting: ["scope": #"["/v1/apps"]"#], "no method"),
            .token(.mapKit, setting: ["scope": #"["server_api"]"#], "a MapKit scope as an array"),
            .token(.mapKit, setting: ["scope": #""server_api,mapkit_js""#], "MapKit frameworks separated by a comma"),
            .token(.mapKit, setting: ["scope": #""maps_api""#], "a Maps framework Apple does not list"),
            .token(.mapKit, setting: ["scope": #""server_api ""#], "a trailing space"),
            .token(.mapKit, removing: ["scope"], "a MapKit token without scope"),
            .token(.apns, setting: ["scope": #""server_api""#], "a MapKit token under apns"),
            .token(.musicKit, setting: ["scope": #"["GET /v1/apps"]"#], "an App Store Connect API token's scope under musickit"),
            .token(.weatherKit, header: RuleExample.weatherKitHeader, setting: ["scope": #""weather""#], "a scope WeatherKit does not read", severity: .warning),
        ],
        nonTriggeringExamples: [
            .token(.appStoreConnectAPI, "no scope"),
            .token(.mapKit, "server_api"),
            .token(.mapKit, setting: ["scope": #""mapkit_js web_snapshots""#, "origin": #""https://maps.example.com""#], "two frameworks and an origin"),
            .token(.appStoreConnectAPI, setting: ["scope": #"["GET /v1/apps?filter[platform]=IOS","PATCH /v1/apps/123"]"#], "two entries"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        switch context.profile.expectations.scope {
        case .mapsFrameworks:
            checkMapsFrameworks(claims["scope"], into: &findings)
            return
        case .absent:
            if let value = claims["scope"] { checkAbsent(value, profile: context.profile, into: &findings) }
            return
        case .requests:
            break
        }
        guard let value = claims["scope"] else { return }
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

    /// The Apple Maps frameworks a MapKit token's scope may name.
    static let mapsFrameworks = ["embed_api", "mapkit_js", "server_api", "web_snapshots"]

    /// The frameworks a MapKit token's scope names, when it is a string.
    static func mapsFrameworks(in claims: JSONObject) -> [Substring] {
        claims["scope"]?.stringValue?.split(separator: " ") ?? []
    }

    private func checkMapsFrameworks(_ value: JSONValue?, into findings: inout [Finding]) {
        guard let value else {
            findings.append(Self.description.finding(
                .missing, "The claims have no scope; Apple asks for the Maps frameworks the token is for, such as \"server_api\"."))
            return
        }
        guard let scope = value.stringValue else {
            findings.append(Self.description.finding(
                .wrongType, "scope is \(value.typeNameWithArticle); a MapKit token's scope is one string of frameworks separated by spaces."))
            return
        }
        let names = scope.split(separator: " ")
        guard !names.isEmpty else {
            findings.append(Self.description.finding(.empty, "scope \(JSONText.quoted(scope)) names no Maps framework."))
            return
        }
        if names.count != scope.split(separator: " ", omittingEmptySubsequences: false).count {
            findings.append(Self.description.finding(
                .whitespace, "scope \(JSONText.quoted(scope)) has spaces around it or doubled; frameworks are separated by one space."))
        }
        for name in names where !Self.mapsFrameworks.contains(String(name)) {
            findings.append(Self.description.finding(
                .wrongValue,
                "scope names \(JSONText.quoted(String(name))), not one of Apple's Maps frameworks (\(Self.mapsFrameworks.joined(separator: ", "))); separate several with spaces."))
        }
    }

    /// A scope in a kind that has none: the kind whose scope it is, or a claim the service does not read.
    private func checkAbsent(_ value: JSONValue, profile: Profile, into findings: inout [Finding]) {
        let other: Profile?
        let what: String
        if let text = value.stringValue, !text.isEmpty, text.split(separator: " ").allSatisfy({ Self.mapsFrameworks.contains(String($0)) }) {
            other = Profile.all.first { $0.expectations.scope == .mapsFrameworks }
            what = "names Apple Maps frameworks (\(JSONText.quoted(text)))"
        } else if case .array(let entries) = value, !entries.isEmpty,
            entries.allSatisfy({ if case .success = AppStoreConnectScope.entry($0) { return true } else { return false } })
        {
            other = Profile.all.first { $0.expectations.scope == .requests }
            what = "lists App Store Connect API requests"
        } else {
            other = nil
            what = ""
        }
        if let other {
            findings.append(Self.description.finding(
                .otherKind(other.name),
                "scope \(what), the scope of \(other.titleWithArticle) (profile \(other.name)); \(profile.titleWithArticle) has none.",
                hint: "Judge \(other.titleWithArticle) under the profile \(other.name); leave scope out of \(profile.titleWithArticle)."))
        } else {
            findings.append(Self.description.finding(
                .unusualShape, "The claims have scope, which \(profile.titleWithArticle) does not carry; the service ignores it at best.",
                severity: .warning, hint: "Leave scope out of \(profile.titleWithArticle)."))
        }
    }
}
