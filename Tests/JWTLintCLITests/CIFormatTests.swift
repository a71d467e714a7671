import Foundation
import Testing
@testable import JWTLint

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The CI formats, each checked with a parser or a schema, on a tokens file of more than 10,000 lines.
@Suite("CI formats: github, sarif, junit")
struct CIFormatTests {
    /// Every lint vector's one-line input, repeated to 10,500 lines, written to a temporary tokens file.
    static let tokensFile: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-ci-\(UUID().uuidString).txt").path
        let text = (try? ParallelLintTests.manyInputs()) ?? ""
        let lines = text.split(separator: "\n").map(String.init)
        let repeated = Array(Array(repeating: lines, count: 10_500 / max(1, lines.count) + 1).joined().prefix(10_500))
        try? (repeated.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    static func lint(_ format: String) throws -> CLIRun {
        try CLI.run([
            "lint", "--format", format, "--key", LintCommandTests.keyA, "--now", LintCommandTests.now, "--tokens-file", tokensFile,
        ])
    }

    /// The JSON report of the same input: the reference the other formats are compared with.
    static func reference() throws -> (tokens: Int, findings: [(line: Int, rule: String, severity: String)]) {
        let run = try lint("json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        var findings: [(Int, String, String)] = []
        for result in results {
            for finding in result["findings"] as? [[String: Any]] ?? [] {
                findings.append((result["line"] as? Int ?? -1, finding["rule"] as? String ?? "", finding["severity"] as? String ?? ""))
            }
        }
        return (results.count, findings)
    }

    @Test("SARIF validates against the SARIF 2.1.0 schema and holds one result per finding, at its file and line")
    func sarif() throws {
        let run = try Self.lint("sarif")
        #expect(run.status == 1)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-\(UUID().uuidString).sarif")
        try run.standardOutput.write(to: output, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: output) }
        // The python3 on PATH, where .ci/setup installs jsonschema.
        let validate = try CLI.run(
            ["python3", "-c", "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1]))); print('valid')",
             CLI.vector("sarif/sarif-schema-2.1.0.json"), output.path],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"], executable: "/usr/bin/env")
        // jsonschema raises (a traceback, a non-zero status, nothing on standard output) for an invalid document.
        #expect(validate.status == 0 && validate.standardOutput == "valid\n", "\(validate.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let sarifRun = try #require((object["runs"] as? [[String: Any]])?.first)
        let rules = ((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(rules.map { $0["id"] as? String } == RuleCatalog.all.map(\.id.rawValue))
        #expect(rules.allSatisfy { ($0["help"] as? [String: Any])?["text"] != nil })
        let results = sarifRun["results"] as? [[String: Any]] ?? []
        let reference = try Self.reference()
        #expect(results.count == reference.findings.count)
        let lines = results.compactMap { result -> Int? in
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["region"] as? [String: Any])?["startLine"] as? Int
        }
        #expect(lines == reference.findings.map(\.line))
        #expect(results.map { $0["ruleId"] as? String ?? "" } == reference.findings.map(\.rule))
    }

    @Test("JUnit parses as XML with one test case per token and one failure per error finding")
    func junit() throws {
        let run = try Self.lint("junit")
        #expect(run.status == 1)
        let counter = JUnitCounter()
        let parser = XMLParser(data: Data(run.standardOutput.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let reference = try Self.reference()
        #expect(counter.testcases == reference.tokens)
        #expect(counter.testcases == 10_500)
        #expect(counter.failures == reference.findings.filter { $0.severity == "error" }.count)
        #expect(counter.suitesWithFailuresCounted == counter.suitesWithFailureElements)
    }

    @Test("GitHub annotations: one workflow command per finding, with the tokens file and line")
    func github() throws {
        let run = try Self.lint("github")
        #expect(run.status == 1)
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let annotations = lines.filter { $0.hasPrefix("::") }
        let reference = try Self.reference()
        #expect(annotations.count == reference.findings.count)
        for (annotation, finding) in zip(annotations, reference.findings) {
            let command = finding.severity == "info" ? "notice" : finding.severity
            #expect(annotation.hasPrefix("::\(command) file=\(Self.tokensFile.replacingOccurrences(of: ":", with: "%3A")),line=\(finding.line),title=jwtlint \(finding.rule)::"))
        }
        #expect(lines.filter { !$0.isEmpty && !$0.hasPrefix("::") }.count == 1, "only the summary line is plain")
    }

    @Test("The GitHub summary line counts one token and one warning in the singular")
    func githubSummaryCounts() throws {
        let failing = try CLI.run([
            "lint", "--format", "github", "--key", CLI.vector("keys/TESTKEYA01.pub.pem"), "--now", LintCommandTests.now,
            "--tokens-file", CLI.vector("samples/failing.txt"),
        ])
        #expect(failing.standardOutput.hasSuffix(
            "jwtlint: 1 token, 0 passed, 1 failed; 3 errors, 0 warnings; signatures: 1 verified, 0 invalid, 0 not checked\n"))
        let many = try Self.lint("github")
        #expect(many.standardOutput.contains("jwtlint: 10500 tokens, "))
    }

    @Test("GitHub annotation text cannot start a command of its own")
    func githubEscaping() {
        #expect(GitHubReporter.escapeData("a\n::error::x%") == "a%0A::error::x%25")
        #expect(GitHubReporter.escapeProperty("a:b,c") == "a%3Ab%2Cc")
    }
}

/// Counts JUnit elements while parsing.
final class JUnitCounter: NSObject, XMLParserDelegate {
    var testcases = 0
    var failures = 0
    var suitesWithFailuresCounted = 0
    var suitesWithFailureElements = 0
    private var suiteHasFailure = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "testsuite":
            suiteHasFailure = false
            if attributes["failures"] == "1" { suitesWithFailuresCounted += 1 }
        case "testcase": testcases += 1
        case "failure":
            failures += 1
            suiteHasFailure = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "testsuite", suiteHasFailure { suitesWithFailureElements += 1 }
    }
}

@Suite("Redaction: tokens are shown only when asked")
struct RedactionTests {
    @Test("No format prints the token by default; each names it by a fingerprint", arguments: ["text", "json", "github", "sarif", "junit"])
    func noTokenByDefault(_ format: String) throws {
        let token = try #require(LintCommandTests.samples.dropFirst().first)  // a token with a warning
        let signature = String(token.split(separator: ".")[2])
        let run = try CLI.run(["lint", "--format", format, "--key", LintCommandTests.keyA, "--now", LintCommandTests.now, token])
        #expect(run.status == 0)
        #expect(!run.standardOutput.contains(signature), "\(format) printed the token")
        if format != "json" {
            #expect(run.standardOutput.contains("sha256 "), "\(format) names no fingerprint")
        }
    }

    @Test("A token given where diagnose wants a file is refused without printing the token")
    func tokenInPlaceOfFile() throws {
        let token = LintCommandTests.clean
        let run = try CLI.run(["diagnose", token])
        #expect(run.status == 2)
        #expect(!run.standardError.contains(String(token.split(separator: ".")[2])), "the error message printed the token")
        #expect(run.standardError.contains("not a file name"))
    }

    @Test("--show-token prints the token in text and JSON, without its Bearer prefix")
    func showToken() throws {
        let token = LintCommandTests.clean
        for format in ["text", "json"] {
            let run = try CLI.run([
                "lint", "--show-token", "--format", format, "--key", LintCommandTests.keyA, "--now", LintCommandTests.now, "Bearer " + token,
            ])
            #expect(run.standardOutput.contains(token), "\(format)")
            #expect(!run.standardOutput.contains("Bearer "), "\(format)")
        }
    }

    @Test("The fingerprint is the same for a token and its Bearer forms, and differs between tokens")
    func fingerprintIsStable() throws {
        let token = LintCommandTests.clean
        let other = try #require(LintCommandTests.samples.last)
        let bare = TokenFingerprint.of(token)
        #expect(TokenFingerprint.of("Bearer " + token) == bare)
        #expect(TokenFingerprint.of("Authorization: Bearer " + token) == bare)
        #expect(TokenFingerprint.of(other) != bare)
        #expect(bare.count == 12)
    }
}
