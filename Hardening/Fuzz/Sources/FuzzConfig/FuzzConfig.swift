// FuzzConfig: one `.jwtlint.json` read as `jwtlint lint` reads it; a configuration that loads is applied to the
// lint options as the command applies it, and key A's clean token is linted with them.
import FuzzSupport
@testable import JWTLint

let path = "/project/.jwtlint.json"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = Fixture.memoryHygiene
    let bytes = FuzzInput.bytes(data, size)
    let configuration: Configuration
    do {
        configuration = try Configuration.parse(bytes, path: path)
    } catch {
        require(error.path == path && (error.line ?? 1) >= 1, "a problem that names no place: \(error)")
        Sink.use(error.description)
        return 0
    }
    if let key = configuration.key { require(key.hasPrefix("/"), "the key path \(key) was not resolved") }
    var options = LintOptions(
        now: Fixture.now, key: Fixture.keyA.publicKey, expectedKeyID: configuration.keyID,
        keyIDFromFileName: Fixture.keyA.keyIDFromFileName, issuer: configuration.issuer, bundleID: configuration.bundleID,
        leeway: configuration.leeway ?? LintOptions.defaultLeeway)
    options.ruleSettings = configuration.rules
    options.warningsAsErrors = configuration.warningsAsErrors ?? false
    for problem in options.problems { Sink.use(problem.description) }

    let result = Linter(options: options).lint(Fixture.cleanToken)
    for finding in result.findings {
        switch configuration.rules[finding.rule] {
        case .off?: require(false, "\(finding.rule) is off but reported")
        case .severity(let severity)?:
            let expected: Severity = options.warningsAsErrors && severity == .warning ? .error : severity
            require(finding.severity == expected, "\(finding.rule) reported as \(finding.severity), set to \(severity)")
        case nil: break
        }
    }
    return 0
}
