import ArgumentParser
import Foundation
import Testing
@testable import JWTLintCLI

/// The fast command-line reader for `jwtlint lint` must agree with swift-argument-parser on every line it accepts,
/// and leave every other line (help, errors, odd forms) to swift-argument-parser.
@Suite("Reading lint command lines without swift-argument-parser")
struct LintInvocationTests {
    static let accepted: [[String]] = [
        ["lint"],
        ["lint", "-"],
        ["lint", "a.b.c"],
        ["lint", "--key", "k.p8", "a.b.c", "d.e.f"],
        ["lint", "--key=k.p8", "--kid=ABCDEFGHIJ", "--issuer", "57246542-96fe-1a63-e053-0824d011072a", "x"],
        ["lint", "--bundle-id", "com.example.app", "--now", "1767225600", "--leeway", "30", "--format", "json", "--jobs", "2", "-"],
        ["lint", "--format", "text", "--", "-starts-with-dash.x.y", "--key"],
        ["lint", "t1", "--now", "5", "t2"],
        ["lint", "--quiet", "--tokens-file", "tokens.txt"],
        ["lint", "--tokens-file=-", "x", "--quiet"],
        ["lint", "--config", "c.json", "--warnings-as-errors", "--show-token", "x"],
    ]

    static let refused: [[String]] = [
        [], ["--help"], ["lint", "--help"], ["lint", "-h"], ["--version"], ["rules"], ["decode", "x"], ["a.b.c"],
        ["lint", "--bogus"], ["lint", "--key"], ["lint", "--key", "--kid", "x"], ["lint", "--format", "xml"],
        ["lint", "--now", "1", "--now", "2"], ["lint", "--now", "-5"], ["lint", "-k", "x"], ["lint", "--now=", "x"], ["lint", "--quiet", "--quiet"], ["lint", "-q"],
    ]

    @Test("Lines the fast reader accepts parse the same with swift-argument-parser", arguments: accepted)
    func agreesWithArgumentParser(_ arguments: [String]) throws {
        let fast = try #require(LintInvocation.parse(arguments))
        let parsed = try JWTLintCommand.parseAsRoot(arguments)
        let lint = try #require(parsed as? JWTLintCommand.Lint)
        #expect(fast == lint.invocation)
    }

    @Test("Anything else is left to swift-argument-parser", arguments: refused)
    func leavesTheRest(_ arguments: [String]) {
        #expect(LintInvocation.parse(arguments) == nil)
    }

    @Test("The fast reader knows exactly the options and flags that lint declares, and which of them take a value")
    func knowsEveryDeclaredOption() throws {
        let run = try CLI.run(["lint", "--experimental-dump-help"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let command = try #require(document["command"] as? [String: Any])
        let arguments = try #require(command["arguments"] as? [[String: Any]])
        func longNames(_ kind: String) -> Set<String> {
            Set(arguments.filter { $0["kind"] as? String == kind }.flatMap { argument in
                (argument["names"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "long" }.compactMap { $0["name"] as? String }
            }.map { "--" + $0 })
        }
        #expect(longNames("option") == Set(LintInvocation.valueOptions))
        #expect(longNames("flag").subtracting(["--help", "--version"]) == Set(LintInvocation.flagOptions))
    }
}
