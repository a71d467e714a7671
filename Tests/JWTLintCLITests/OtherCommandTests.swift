import Foundation
import Testing
import JWTLint

@Suite("jwtlint rules and decode, end to end")
struct OtherCommandTests {
    @Test("rules lists every rule ID with its default severity")
    func rules() throws {
        let run = try CLI.run(["rules"])
        #expect(run.status == 0)
        for rule in RuleCatalog.all {
            #expect(run.standardOutput.contains(rule.id), "\(rule.id)")
        }
        let json = try CLI.run(["rules", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect((object["rules"] as? [[String: Any]])?.count == RuleCatalog.all.count)
    }

    @Test("The README's rule catalog is exactly what 'jwtlint rules --format markdown' prints")
    func readmeCatalogMatches() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- rules:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- rules:end -->"))
        let table = String(readme[begin.upperBound..<end.lowerBound])
        #expect(table == RuleCatalog.markdownTable(), "Regenerate the README table with: swift run jwtlint rules --format markdown")
        let run = try CLI.run(["rules", "--format", "markdown"])
        #expect(run.standardOutput == table)
    }

    @Test("decode prints header and claims with UTC and relative times")
    func decode() throws {
        let token = LintCommandTests.clean
        let run = try CLI.run(["decode", "--now", "1767225600", "Bearer " + token])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("\"alg\": \"ES256\""))
        #expect(run.standardOutput.contains("2026-01-01T"))
        #expect(run.standardOutput.contains("expires in"))
        #expect(run.standardOutput.contains("not verified"))
    }

    @Test("decode reports a broken token on standard error with exit 1")
    func decodeBroken() throws {
        let run = try CLI.run(["decode", "abc"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("token.format"))
    }
}
