/// `claims.origin`: the web origins a MusicKit developer token may be used from.
struct OriginRule: LintRule {
    static let description = RuleDescription(
        id: .origin,
        defaultSeverity: .error,
        summary: "origin, when present, is an array of web origins (scheme, host and optional port; no path).",
        explanation: """
            A MusicKit developer token may name the sites that may use it: origin is "Optional, but recommended for \
            web clients", and the Apple Music API accepts a request when its Origin "matches one of the values in \
            the array". An origin that is not an array of strings is an error; an entry that is not a web origin \
            (a path, a trailing slash, no scheme) can never match, and is an error too.
            """,
        source: "\(Sources.musicKitToken) (origin)",
        fix: "Set origin to an array of the exact origins the page is served from, such as [\"https://music.example.com\"].",
        triggeringExamples: [
            .token(.musicKit, setting: ["origin": #""https://music.example.com""#], "a string, not an array"),
            .token(.musicKit, setting: ["origin": #"["https://music.example.com/"]"#], "a trailing slash"),
            .token(.musicKit, setting: ["origin": #"["music.example.com"]"#], "no scheme"),
        ],
        nonTriggeringExamples: [
            .token(.musicKit, "no origin"),
            .token(.musicKit, setting: ["origin": #"["https://music.example.com","http://localhost:8080"]"#], "two origins, one with a port"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let claims = token.claims, let value = claims["origin"] else { return }
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
}
