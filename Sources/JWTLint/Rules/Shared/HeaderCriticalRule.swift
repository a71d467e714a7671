/// `header.crit`: the header asks for no extensions Apple does not define.
struct HeaderCriticalRule: LintRule {
    static let description = RuleDescription(
        id: .headerCritical,
        defaultSeverity: .error,
        summary: "The header has no crit parameter.",
        explanation: """
            crit lists header extensions the recipient must understand, or else reject the token (RFC 7515 \
            §4.1.11). Apple defines no extensions for these tokens, so a token with crit asks Apple to reject it.
            """,
        source: "\(Sources.rfc7515) §4.1.11; \(Sources.appStoreServerAPITokens) (the header has alg, kid, typ only)",
        fix: "Remove crit (and the extension parameters it names) from the header.",
        triggeringExamples: [
            .token(header: #"{"alg":"ES256","kid":"2X9R4HXF34","typ":"JWT","crit":["exp"],"exp":1}"#, "crit present")
        ],
        nonTriggeringExamples: [.token("no crit")])

    func check(_ token: DecodedToken, in context: LintContext, into findings: inout [Finding]) {
        guard let header = token.header, let value = header["crit"] else { return }
        var listed = ""
        if case .array(let names) = value {
            listed = " (" + names.map { $0.stringValue.map(JSONText.quoted) ?? $0.typeName }.joined(separator: ", ") + ")"
        }
        findings.append(Self.description.finding(
            .criticalExtensions, "The header has crit\(listed): extensions Apple does not define, so a conforming server must reject the token."))
    }
}
