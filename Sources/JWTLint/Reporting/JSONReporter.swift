/// The machine-readable report: a documented contract, tested against its description in the README.
///
/// `{"results":[{"index":0,"line":1,"profile":"app-store-server-api","signature":"verified","header":{…},
/// "claims":{…},"findings":[{"rule":…,"severity":…,"message":…,"hint":…}]}],"summary":{…}}`, one result per input
/// token in input order; `line`
/// only for tokens read from standard input or a tokens file, `file` only for the latter, `header` and `claims`
/// only when they decoded. Keys come in a fixed
/// order; header and claims members keep the token's order.
public struct JSONReporter: Reporter {
    /// Whether each result includes the token itself (`--show-token`).
    public let showToken: Bool

    /// A JSON reporter.
    public init(showToken: Bool = false) {
        self.showToken = showToken
    }

    public func opening() -> String { #"{"results":["# }

    public var separator: String { "," }

    public func report(_ item: ReportedResult, into output: inout [UInt8]) {
        var writer = JSONWriter(appendingTo: output)
        output = []
        writer.raw(#"{"index":"#)
        writer.integer(item.index)
        if let file = item.file {
            writer.raw(#","file":"#)
            writer.string(file)
        }
        if let line = item.line {
            writer.raw(#","line":"#)
            writer.integer(line)
        }
        if let member = item.member {
            writer.raw(#","member":"#)
            writer.string(member)
        }
        if showToken, let input = item.input {
            writer.raw(#","token":"#)
            writer.string(TokenFingerprint.token(in: input))
        }
        writer.raw(#","profile":"#)
        writer.string(item.result.profile.rawValue)
        switch item.result.signature {
        case .verified: writer.raw(#","signature":"verified""#)
        case .invalid: writer.raw(#","signature":"invalid""#)
        case .unchecked: writer.raw(#","signature":"unchecked""#)
        }
        Self.writeSignedDataVerdict(item.result, to: &writer)
        if !item.result.nested.isEmpty {
            writer.raw(#","nested":["#)
            for (index, nested) in item.result.nested.enumerated() {
                writer.raw(index == 0 ? #"{"member":"# : #",{"member":"#)
                writer.string(nested.member)
                Self.writeSignedDataVerdict(nested.result, to: &writer)
                writer.raw(#","signature":"#)
                writer.string(nested.result.signature.rawValue)
                if let claims = nested.result.claims {
                    writer.raw(#","claims":"#)
                    writer.object(claims)
                }
                writer.raw("}")
            }
            writer.raw("]")
        }
        if let header = item.result.header {
            writer.raw(#","header":"#)
            writer.object(header)
        }
        if let claims = item.result.claims {
            writer.raw(#","claims":"#)
            writer.object(claims)
        }
        writer.raw(#","findings":"#)
        Self.write(item.result.findings, to: &writer)
        writer.raw("}")
        output = writer.bytes
    }

    /// `,"verificationStatus":…,"payloadType":…` of App Store-signed data; nothing for other results.
    private static func writeSignedDataVerdict(_ result: LintResult, to writer: inout JSONWriter) {
        if let status = result.verificationStatus {
            writer.raw(#","verificationStatus":"#)
            writer.string(status.rawValue)
        }
        if let type = result.payloadType {
            writer.raw(#","payloadType":"#)
            writer.string(type.rawValue)
        }
    }

    /// `[{"rule":…,"severity":…,"message":…,"hint":…}, …]`: the findings as every JSON result carries them.
    package static func write(_ findings: [Finding], to writer: inout JSONWriter) {
        writer.raw("[")
        for (index, finding) in findings.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw(#"{"rule":"#)
            writer.string(finding.rule.rawValue)
            writer.raw(#","severity":"#)
            writer.string(finding.severity.rawValue)
            writer.raw(#","message":"#)
            writer.string(finding.message)
            writer.raw(#","hint":"#)
            writer.string(finding.hint)
            writer.raw("}")
        }
        writer.raw("]")
    }

    public func closing(_ summary: LintSummary) -> String {
        var profiles = ""
        summary.forEachProfile { name, tokens in profiles += (profiles.isEmpty ? "" : ",") + #""\#(name)":\#(tokens)"# }
        return #"],"summary":{"tokens":\#(summary.tokens),"passed":\#(summary.passed),"failed":\#(summary.failed),"#
            + #""errors":\#(summary.errors),"warnings":\#(summary.warnings),"infos":\#(summary.infos),"#
            + #""signatures":{"verified":\#(summary.verified),"invalid":\#(summary.invalid),"unchecked":\#(summary.unchecked)},"#
            + #""profiles":{\#(profiles)}}"# + batchFindings(summary) + "}\n"
    }

    /// `,"batchFindings":[…]` when the batch as a whole has findings (APNs tokens changed too often); nothing
    /// otherwise, so that a report without them keeps its shape.
    private func batchFindings(_ summary: LintSummary) -> String {
        guard !summary.batchFindings.isEmpty else { return "" }
        var writer = JSONWriter()
        writer.raw(#","batchFindings":"#)
        Self.write(summary.batchFindings, to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
