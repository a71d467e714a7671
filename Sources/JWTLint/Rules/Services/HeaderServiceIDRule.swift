/// `header.id`: a WeatherKit token's header names the team and the Services ID, `TEAMID.SERVICEID`.
struct HeaderServiceIDRule: LintRule {
    static let description = RuleDescription(
        id: .headerServiceID,
        defaultSeverity: .error,
        summary: "A WeatherKit token's header id is the Team ID and the Services ID joined by a period: the token's iss and sub.",
        explanation: """
            WeatherKit's REST API reads the header parameter id: "your 10-character Team ID and Service ID, separated \
            by a period", and answers 401 without it. Missing, not a string, not TEAMID.SERVICEID, or naming another \
            team than iss or another service than sub is an error. Under the profiles of Apple's other services, a \
            header id marks a WeatherKit token: an error that names it.
            """,
        source: "\(Sources.weatherKitToken) (id)",
        fix: "Add \"id\": \"<TEAMID>.<SERVICEID>\" to the header, with the Team ID of iss and the Services ID of sub.",
        triggeringExamples: [
            .token(.weatherKit, header: #"{"alg":"ES256","kid":"2X9R4HXF34"}"#, "no id (WeatherKit's 401)"),
            .token(.weatherKit, header: #"{"alg":"ES256","kid":"2X9R4HXF34","id":"DEF123GHIJ"}"#, "the Team ID alone"),
            .token(.weatherKit, header: #"{"alg":"ES256","kid":"2X9R4HXF34","id":"ABC123DEFG.com.example.weather"}"#, "another team than iss"),
            .token(.weatherKit, header: #"{"alg":"ES256","kid":"2X9R4HXF34","id":"DEF123GHIJ.com.example.other"}"#, "another service than sub"),
            .token(.apns, header: RuleExample.weatherKitHeader, "a WeatherKit token's header under apns"),
        ],
        nonTriggeringExamples: [
            .token(.weatherKit, header: RuleExample.weatherKitHeader, "the Team ID and the Services ID", auto: true),
            .token(.apns, "an APNs token, no id"),
        ])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let header = token.header else { return }
        guard context.profile.recognition == .headerMember("id") else {
            // Under another service's profile, a header id says the token is WeatherKit's.
            if header.contains("id"), let weatherKit = Profile.all.first(where: { $0.recognition == .headerMember("id") }) {
                findings.append(Self.description.finding(
                    .otherKind(weatherKit.name),
                    "The header has id, which marks \(weatherKit.titleWithArticle) (profile \(weatherKit.name)), not \(context.profile.titleWithArticle).",
                    hint: "Judge \(weatherKit.titleWithArticle) under the profile \(weatherKit.name) (or auto); leave id out of \(context.profile.titleWithArticle)."))
            }
            return
        }
        guard let id = Self.string(
            "id", in: header, subject: "The header's id", expected: "\"TEAMID.SERVICEID\"",
            ifMissing: Self.description.finding(.missing, "The header has no id; WeatherKit needs \"TEAMID.SERVICEID\" there, and answers 401 without it."),
            into: &findings)
        else { return }
        guard let dot = id.firstIndex(of: "."), IssuerRule.isTeamID(String(id[..<dot])), id.index(after: dot) < id.endIndex else {
            findings.append(Self.description.finding(.malformed, "The header's id \(JSONText.quoted(id)) is not a Team ID and a Services ID joined by a period."))
            return
        }
        let team = String(id[..<dot]), service = String(id[id.index(after: dot)...])
        if let iss = token.claims?["iss"]?.stringValue, iss != team {
            findings.append(Self.description.finding(.mismatch, "The header's id names the team \(JSONText.quoted(team)), but iss is \(JSONText.quoted(iss))."))
        }
        if let sub = token.claims?["sub"]?.stringValue, sub != service {
            findings.append(Self.description.finding(.mismatch, "The header's id names the service \(JSONText.quoted(service)), but sub is \(JSONText.quoted(sub))."))
        }
    }
}
