/// The rules judged over a whole batch of tokens rather than one: what a log's worth of tokens says that no single
/// token can.
enum BatchRules {
    /// The rules, in report order.
    static var all: [RuleDescription] { [tokenUpdates] }

    /// An APNs provider token issued `secondsBefore` the examples' now, as one line of a batch.
    private static func apnsToken(secondsBefore: Int) -> String {
        let claims = #"{"iss":"DEF123GHIJ","iat":\#(Int(RuleExample.defaultNow) - secondsBefore)}"#
        return Base64URL.encode(#"{"alg":"ES256","kid":"2X9R4HXF34"}"#) + "." + Base64URL.encode(claims) + "." + RuleExample.dummySignature
    }

    static let tokenUpdates = RuleDescription(
        id: .batchTokenUpdates,
        defaultSeverity: .warning,
        summary: "Over a batch, one key and team change APNs provider tokens at most once every 20 minutes.",
        explanation: """
            APNs asks for a token refreshed "no more than once every 20 minutes" and answers 429 \
            TooManyProviderTokenUpdates to a connection that changes tokens more often; servers that mint a token \
            per worker or per request get it, as do clocks that disagree. Given a log's worth of tokens (one per \
            line), jwtlint groups those judged as APNs tokens by kid and iss, counts the distinct tokens (by iat) \
            and warns when one followed another sooner than 20 minutes, saying how many, over how long, and the \
            shortest gap. Tokens of several connections can be fine when each connection keeps its own token for \
            20 minutes: the warning says the rate, and whether it is a problem depends on how many connections \
            share it. Reported once per key and team, after the tokens.
            """,
        source: "\(Sources.apnsToken) (refresh your token no more than once every 20 minutes); \(Sources.apnsErrors) (429 TooManyProviderTokenUpdates)",
        fix: "Mint one APNs token per key and team, share it across workers and connections, and replace it every 20 to 60 minutes.",
        triggeringExamples: [
            RuleExample.batch([apnsToken(secondsBefore: 300), apnsToken(secondsBefore: 200), apnsToken(secondsBefore: 30)], "three tokens in five minutes", profile: .apns),
        ],
        nonTriggeringExamples: [
            RuleExample.batch([apnsToken(secondsBefore: 2430), apnsToken(secondsBefore: 1230), apnsToken(secondsBefore: 30)], "a new token every 20 minutes", profile: .apns),
            RuleExample.batch([apnsToken(secondsBefore: 30), apnsToken(secondsBefore: 30)], "one token sent twice", profile: .apns),
        ])

    /// The batch findings for `log`: one per signer that changed tokens too often, under the settings of `options`.
    static func findings(_ log: TokenUpdateLog, options: LintOptions) -> [Finding] {
        var findings: [Finding] = []
        for (cadence, interval) in log.tooFrequent() {
            let minutes = Int(interval / 60)
            let average = cadence.span / Int64(max(cadence.tokens - 1, 1))
            let finding = tokenUpdates.finding(
                .tooFrequent,
                "Key \(JSONText.quoted(cadence.signer.keyID)) of team \(JSONText.quoted(cadence.signer.team)) minted \(cadence.tokens) distinct APNs tokens over \(TimeText.duration(Double(cadence.span))) (one every \(TimeText.duration(Double(average))) on average, the shortest gap \(TimeText.duration(Double(cadence.shortestGap)))): \(cadence.tooSoon) change\(cadence.tooSoon == 1 ? "" : "s") came sooner than \(minutes) minutes after the previous token, and a connection that changes tokens that often gets 429 TooManyProviderTokenUpdates.")
            if let settled = options.applySettings(finding) { findings.append(settled) }
        }
        if log.truncated {
            let note = tokenUpdates.finding(
                .notChecked, "The batch held more keys or tokens than jwtlint keeps for this check (\(TokenUpdateLog.maximumSigners) keys, \(TokenUpdateLog.maximumTokens) tokens in all); the rest were not counted.",
                severity: .info)
            if let settled = options.applySettings(note) { findings.append(settled) }
        }
        return findings
    }
}
