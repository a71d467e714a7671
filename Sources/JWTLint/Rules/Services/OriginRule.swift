/// `claims.origin`: the web origins a MusicKit developer token or a MapKit token may be used from.
struct OriginRule: LintRule {
    static let description = RuleDescription(
        id: .origin,
        defaultSeverity: .error,
        summary: "origin is an array of web origins in a MusicKit token, and one string of domains (required for MapKit JS, Web Snapshots and the Embed API) in a MapKit token.",
        explanation: """
            A MusicKit developer token may name the sites that may use it: origin is "Optional, but recommended for \
            web clients", and the Apple Music API accepts a request when its Origin "matches one of the values in \
            the array". An origin that is not an array of strings is an error; an entry that is not a web origin \
            (a path, a trailing slash, no scheme) can never match, and is an error too.

            A MapKit token's origin "Specifies the origins allowed when you make requests from a web browser": one \
            string, "a domain pattern such as *.example.com, a specific domain such as example.com, or a \
            comma-separated list", and "The token requires an origin when the scope includes mapkit_js, \
            web_snapshots, or embed_api". Not a string, empty, an empty or spaced entry, or missing where the scope \
            requires it: error. An entry with a path: warning, since a browser's Origin header never has one.
            """,
        source: "\(Sources.musicKitToken) (origin); \(Sources.mapsToken) (origin)",
        fix: "MusicKit: set origin to an array of the exact origins the page is served from, such as [\"https://music.example.com\"]. MapKit: set origin to the page's domain, such as \"maps.example.com\" or \"*.example.com\", several separated by commas.",
        triggeringExamples: [
            .token(.musicKit, setting: ["origin": #""https://music.example.com""#], "a string, not an array"),
            .token(.musicKit, setting: ["origin": #"["https://music.example.com/"]"#], "a trailing slash"),
            .token(.musicKit, setting: ["origin": #"["music.example.com"]"#], "no scheme"),
            .token(.mapKit, setting: ["scope": #""mapkit_js""#], "a MapKit JS token without origin"),
            .token(.mapKit, setting: ["origin": #"["example.com"]"#], "a MapKit origin as an array"),
            .token(.mapKit, setting: ["origin": #""example.com, maps.example.com""#], "a space in a MapKit origin list"),
            .token(.mapKit, setting: ["origin": #""https://maps.example.com/map""#], "a path in a MapKit origin", severity: .warning),
        ],
        nonTriggeringExamples: [
            .token(.musicKit, "no origin"),
            .token(.musicKit, setting: ["origin": #"["https://music.example.com","http://localhost:8080"]"#], "two origins, one with a port"),
            .token(.mapKit, "a Maps Server API token needs no origin"),
            .token(.mapKit, setting: ["scope": #""mapkit_js""#, "origin": #""*.example.com""#], "a domain pattern"),
            .token(.mapKit, setting: ["scope": #""embed_api""#, "origin": #""example.com,*.subdomain.com,https://maps.example.org""#], "a list"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims else { return }
        if context.profile.expectations.origin == .single {
            checkDomains(claims, into: &findings)
            return
        }
        guard let value = claims["origin"] else { return }
        guard case .array(let items) = value else {
            findings.append(Self.description.finding(.wrongType, "origin is \(value.typeNameWithArticle), not an array of origins."))
            return
        }
        for item in items {
            guard let origin = item.stringValue else {
                findings.append(Self.description.finding(.wrongType, "origin holds \(item.typeNameWithArticle), not an origin string."))
                continue
            }
            if !Self.isWebOrigin(origin) {
                findings.append(Self.description.finding(
                    .malformed, "origin holds \(JSONText.quoted(origin)), which is not a web origin (such as https://music.example.com): no request's Origin can match it."))
            }
        }
    }

    /// `https://host` or `http://host:port`: a scheme, a host, an optional port, nothing after.
    static func isWebOrigin(_ text: String) -> Bool {
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) {
            let rest = text.dropFirst(scheme.count)
            let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
            guard let host = parts.first, !host.isEmpty, parts.count <= 2,
                host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
            else { return false }
            if parts.count == 2 { return !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber } }
            return true
        }
        return false
    }

    /// The Maps frameworks used from a web page, whose tokens need an origin.
    private static let browserFrameworks: Set<Substring> = ["mapkit_js", "web_snapshots", "embed_api"]

    /// A MapKit token's origin: one string of domains or domain patterns separated by commas.
    private func checkDomains(_ claims: JSONObject, into findings: inout [Finding]) {
        guard let value = claims["origin"] else {
            let browser = ScopeRule.mapsFrameworks(in: claims).filter { Self.browserFrameworks.contains($0) }
            if let first = browser.first {
                findings.append(Self.description.finding(
                    .missing, "The claims have no origin; a token whose scope includes \(first) requires one.",
                    hint: "Set origin to the domain of the pages that use the token, such as \"maps.example.com\" or \"*.example.com\"."))
            }
            return
        }
        guard let origin = value.stringValue else {
            findings.append(Self.description.finding(.wrongType, "origin is \(value.typeNameWithArticle); a MapKit token's origin is one string, several domains separated by commas."))
            return
        }
        for entry in origin.split(separator: ",", omittingEmptySubsequences: false) {
            if entry.isEmpty {
                findings.append(Self.description.finding(.empty, "origin \(JSONText.quoted(origin)) has an empty entry."))
            } else if entry.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                findings.append(Self.description.finding(
                    .whitespace, "origin holds \(JSONText.quoted(String(entry))), with whitespace; separate domains with a comma alone."))
            } else if !Self.isDomainPattern(entry) {
                findings.append(Self.description.finding(
                    .malformed, "origin holds \(JSONText.quoted(String(entry))), which is not a domain (such as maps.example.com or *.example.com): a browser's Origin has no path.",
                    severity: .warning))
            }
        }
    }

    /// `example.com`, `*.example.com`, `https://maps.example.com` or `http://localhost:8080`: an optional scheme, a
    /// host that may start with `*.`, an optional port, nothing after.
    static func isDomainPattern(_ entry: Substring) -> Bool {
        var rest = entry
        for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) { rest = rest.dropFirst(scheme.count) }
        if rest.hasPrefix("*.") { rest = rest.dropFirst(2) }
        return isWebOrigin("https://" + rest)
    }
}
