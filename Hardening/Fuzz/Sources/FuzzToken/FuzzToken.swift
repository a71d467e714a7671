// FuzzToken: one input line (a token, `Bearer <token>` or `Authorization: Bearer <token>`) decoded and linted with
// key A at a fixed time, twice (nothing expected; then every value expected, with rule settings, on a reused
// session), and both results rendered by every reporter.
import FuzzSupport
import JWTLint

/// `jwtlint lint --key SubscriptionKey_TESTKEYA01.p8 --now 1767225600`: a fresh verifier per token.
let plain = Linter(options: Fixture.options(expecting: false))

/// With `--kid`, `--issuer`, `--bundle-id`, `--leeway 0`, a configuration's rule settings and
/// `--warnings-as-errors`, on one session whose OpenSSL contexts are reused from input to input.
nonisolated(unsafe) let strict: LintSession = {
    var options = Fixture.options(expecting: true)
    options.leeway = 0
    options.ruleSettings = ["header.typ": .off, "claims.iat": .severity(.info), "header.embedded-key": .severity(.error)]
    options.warningsAsErrors = true
    return LintSession(linter: Linter(options: options))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = FuzzInput.text(UnsafeBufferPointer(start: data, count: size))
    let decoded = DecodedToken.decode(line)
    let results = [plain.lint(line), strict.lint(line)]

    for result in results {
        require(result.header == decoded.header && result.claims == decoded.claims, "lint and decode disagree")
        for finding in result.findings {
            require(RuleCatalog.rule(id: finding.rule) != nil, "finding of unknown rule \(finding.rule)")
        }
        if result.signature == .verified {
            require(!result.findings.contains { $0.rule.hasPrefix("signature.") }, "a verified signature has signature findings")
        }
    }
    require(!results[1].findings.contains { $0.rule == "header.typ" || $0.severity == .warning }, "rule settings not applied")

    // No report prints the token unless asked to (README: a CI log must not keep a usable bearer token).
    let token = TokenFingerprint.token(in: line)
    let secret = Reports.isSecret(token)
    for format in Reports.formats {
        let report = Reports.render(results, input: line, in: format)
        require(format.showsToken || !secret || !Reports.report(report, contains: token), "\(type(of: format.reporter)) printed the token")
        Sink.use(report)
    }
    Sink.use(TokenFingerprint.of(line))
    return 0
}
