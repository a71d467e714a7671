// FuzzToken: one input line (a token, `Bearer <token>` or `Authorization: Bearer <token>`) decoded and linted with
// key A at a fixed time: under `--profile auto` with nothing expected; with every value expected, rule settings
// and a reused session; and pinned to each profile in turn. Every result is rendered by every reporter.
import FuzzSupport
@testable import JWTLint

/// `jwtlint lint --key SubscriptionKey_TESTKEYA01.p8 --now 1767225600`: a fresh verifier per token.
let plain = Linter(options: Fixture.options(expecting: false))

/// With `--kid`, `--issuer`, `--bundle-id`, `--leeway 0`, a configuration's rule settings and
/// `--warnings-as-errors`, on one session whose OpenSSL contexts are reused from input to input.
nonisolated(unsafe) let strict: LintSession = {
    var options = Fixture.options(expecting: true)
    options.leeway = 0
    options.ruleSettings = [.headerType: .off, .issuedAt: .severity(.info), .headerEmbeddedKey: .severity(.error)]
    options.warningsAsErrors = true
    return LintSession(linter: Linter(options: options))
}()

/// One linter pinned to each profile, so that every profile's rules see every input.
let pinned: [Linter] = ProfileName.allCases.map { name in
    var options = Fixture.options(expecting: false)
    options.profile = .pinned(name)
    return Linter(options: options)
}

/// App Store-signed data as a sandbox verifier of com.example.app that trusts the test chain sees it.
let signedWithTestRoot: Linter = {
    var options = Fixture.options(expecting: false)
    options.profile = .pinned(.appleSigned)
    options.environment = .sandbox
    options.bundleID = "com.example.app"
    options.trustedRoots = Fixture.testChainRoots
    return Linter(options: options)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = Fixture.memoryHygiene
    let line = FuzzInput.text(UnsafeBufferPointer(start: data, count: size))
    let decoded = DecodedToken.decode(line)
    let results = [plain.lint(line), strict.lint(line)] + pinned.map { $0.lint(line) } + [signedWithTestRoot.lint(line)]

    for (index, result) in results.enumerated() {
        // What decodes strictly, lint reads the same. App Store-signed data is read as Apple's verifier reads it,
        // which also takes a segment padded with '=': there, and only there, lint may read what decode does not.
        let readsMore = result.profile == .appleSigned
        require(decoded.header == nil ? (result.header == nil || readsMore) : result.header == decoded.header, "lint and decode disagree on the header")
        require(decoded.claims == nil ? (result.claims == nil || readsMore) : result.claims == decoded.claims, "lint and decode disagree on the claims")
        for finding in result.findings {
            require(RuleCatalog.rule(finding.rule) != nil, "finding of unknown rule \(finding.rule)")
            require(Profile.named(result.profile).ruleIDs.contains(finding.rule), "\(finding.rule) reported under \(result.profile)")
        }
        if let status = result.verificationStatus, index != 1 {  // results[1] has rule settings and warnings as errors
            // The exit status follows Apple's verdict: an error finding exactly when the status is not OK.
            let failing = status != .ok || result.nested.contains { $0.result.verificationStatus != .ok }
            require(result.hasErrors == failing, "verificationStatus \(status) but errors: \(result.hasErrors)")
        }
        if result.signature == .verified {
            require(!result.findings.contains { $0.rule.area == "signature" }, "a verified signature has signature findings")
        }
    }
    require(!results[1].findings.contains { $0.rule == .headerType || $0.severity == .warning }, "rule settings not applied")
    for (linter, result) in zip(pinned, results.dropFirst(2)) {
        require(.pinned(result.profile) == linter.options.profile, "a pinned profile did not judge the token")
    }

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
