import Foundation
import Testing

/// The documentation article's example is the consumer package's test, word for word, so that what readers copy is
/// what CI compiles and runs (`swift test --package-path Tests/Fixtures/Consumer`).
@Suite("The documentation's example")
struct DocumentationTests {
    static let packageRoot = VectorFiles.root.deletingLastPathComponent()

    @Test("The article's Swift Testing example is the consumer package's test, as it stands there")
    func articleExampleIsTheConsumerTest() throws {
        let article = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("Sources/JWTLint/JWTLint.docc/TestingYourTokenCode.md"), encoding: .utf8)
        let section = try #require(article.range(of: "## Lint a token in a Swift Testing test"))
        let rest = article[section.upperBound...]
        let open = try #require(rest.range(of: "```swift\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```\n"))
        let example = String(rest[open.upperBound..<close.lowerBound])
        #expect(example.contains("@Test") && example.contains("#expect"))
        let test = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/Consumer/Tests/ConsumerTests/TokenCodeTests.swift"), encoding: .utf8)
        #expect(test.hasSuffix(example), "Copy the example from the article into TokenCodeTests.swift, or the other way round")
    }

    @Test("The README's jwtlint serve example in Python is the file CI runs, as it stands there")
    func readmeServeExampleIsTheFileCIRuns() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Testing your server against `jwtlint serve`"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```python\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```\n"))
        let example = String(rest[open.upperBound..<close.lowerBound])
        let file = try String(contentsOf: Self.packageRoot.appendingPathComponent("Tests/AppleClient/readme_example.py"), encoding: .utf8)
        #expect(example == file, "Copy the example from the README into Tests/AppleClient/readme_example.py, or the other way round")
    }

    @Test("The README's jwtlint serve example in Swift is the consumer package's test, as it stands there")
    func readmeServeSwiftExampleIsTheConsumerTest() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Testing your server against `jwtlint serve`"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```swift\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```\n"))
        let example = String(rest[open.upperBound..<close.lowerBound])
        #expect(example.contains("URLSession") && example.contains("@Test"))
        let test = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/Consumer/Tests/ConsumerTests/StandInClientTests.swift"), encoding: .utf8)
        #expect(test.hasSuffix(example), "Copy the example from the README into StandInClientTests.swift, or the other way round")
    }
}
