import Testing
@testable import JWTLint

@Suite("Configuration files")
struct ConfigurationTests {
    static func parse(_ text: String, path: String = "/project/.jwtlint.json") throws(Configuration.Problem) -> Configuration {
        try Configuration.parse(Array(text.utf8), path: path)
    }

    @Test("Every setting is read, and a relative key path is resolved against the file's folder")
    func readsEverything() throws {
        let configuration = try Self.parse("""
            {"profile": "app-store-server-api", "key": "keys/k.pub.pem", "kid": "ABCDEFGHIJ",
             "issuer": "57246542-96fe-1a63-e053-0824d011072a", "bundleId": "com.example.app", "leeway": 30,
             "clientId": "com.example.web", "warningsAsErrors": true, "rules": {"claims.iat": "error", "header.typ": "off", "header.kid": "info"}}
            """)
        #expect(configuration.key == "/project/keys/k.pub.pem")
        #expect(configuration.keyID == "ABCDEFGHIJ")
        #expect(configuration.issuer == "57246542-96fe-1a63-e053-0824d011072a")
        #expect(configuration.bundleID == "com.example.app")
        #expect(configuration.clientID == "com.example.web")
        #expect(configuration.leeway == 30)
        #expect(configuration.warningsAsErrors == true)
        #expect(configuration.rules == [.issuedAt: .severity(.error), .headerType: .off, .headerKeyID: .severity(.info)])
        #expect(try Self.parse(#"{"key": "/abs/k.p8"}"#).key == "/abs/k.p8")
    }

    @Test("The settings for App Store-signed data are read: environment, appAppleId as a number or digits, roots, at")
    func readsSignedDataSettings() throws {
        let configuration = try Self.parse(
            #"{"environment": "local-testing", "appAppleId": 1234567890, "roots": ["chain/root.pem", "/abs/other.der"], "at": "now"}"#)
        #expect(configuration.environment == .localTesting)
        #expect(configuration.appAppleID == 1_234_567_890)
        #expect(configuration.roots == ["/project/chain/root.pem", "/abs/other.der"])
        #expect(configuration.chainTime == .now)
        #expect(try Self.parse(#"{"appAppleId": "987654321"}"#).appAppleID == 987_654_321)
    }

    @Test(
        "Mistakes are errors naming the file and line, never ignored",
        arguments: [
            ("{\n  \"kid\": \"A\",\n  \"bundleID\": \"x\"\n}", 3, "unknown setting \"bundleID\""),
            ("{\n  \"rules\": {\n    \"claims.iatt\": \"off\"\n  }\n}", 3, "unknown rule \"claims.iatt\""),
            ("{\n  \"rules\": {\"claims.iat\": \"fatal\"}\n}", 2, "\"fatal\" is not error, warning, info or off"),
            ("{\n  \"leeway\": \"60\"\n}", 2, "\"leeway\" must be a number"),
            ("{\n  \"profile\": \"app-store-connect\"\n}", 2, "unknown profile"),
            ("{\n  \"kid\": 5\n}", 2, "\"kid\" must be a string"),
            ("{\n  \"kid\": \"A\",\n  oops\n}", 3, "not valid JSON"),
            ("{\"kid\": \"A\", \"kid\": \"B\"}", 1, "set twice"),
            ("{\n  \"environment\": \"Sandbox\"\n}", 2, "\"environment\" must be sandbox, production"),
            ("{\n  \"appAppleId\": 1.5\n}", 2, "\"appAppleId\" must be an app's Apple ID"),
            ("{\n  \"appAppleId\": \"12a\"\n}", 2, "\"appAppleId\" must be an app's Apple ID"),
            ("{\n  \"appAppleId\": -3\n}", 2, "\"appAppleId\" must be an app's Apple ID"),
            ("{\n  \"appAppleId\": -1e300\n}", 2, "\"appAppleId\" must be an app's Apple ID"),
            ("{\n  \"appAppleId\": 1e300\n}", 2, "\"appAppleId\" must be an app's Apple ID"),
            ("{\n  \"roots\": \"root.pem\"\n}", 2, "\"roots\" must be an array"),
            ("{\n  \"roots\": [5]\n}", 2, "\"roots\" must be an array"),
            ("{\n  \"at\": \"yesterday\"\n}", 2, "\"at\" must be signed-date or now"),
        ])
    func mistakes(_ text: String, _ line: Int, _ message: String) {
        #expect {
            _ = try Self.parse(text)
        } throws: { error in
            guard let problem = error as? Configuration.Problem else { return false }
            return problem.line == line && problem.message.contains(message) && "\(problem)".hasPrefix("/project/.jwtlint.json:\(line): ")
        }
    }

    @Test("Rule settings change severities, turn rules off, and warnings can count as errors")
    func settingsApply() {
        let example = RuleExample.token(header: #"{"alg":"ES256","kid":"2X9R4HXF34"}"#, "no typ")
        var options = LintOptions(now: RuleExample.defaultNow)
        #expect(Linter(options: options).lint(example.input).findings.contains { $0.rule == .headerType && $0.severity == .warning })
        options.ruleSettings = [.headerType: .severity(.error)]
        #expect(Linter(options: options).lint(example.input).findings.contains { $0.rule == .headerType && $0.severity == .error })
        options.ruleSettings = [.headerType: .off]
        #expect(!Linter(options: options).lint(example.input).ruleIDs.contains(.headerType))
        options.ruleSettings = [:]
        options.warningsAsErrors = true
        let result = Linter(options: options).lint(example.input)
        #expect(result.findings.allSatisfy { $0.severity == .error })
        #expect(result.hasErrors)
    }
}
