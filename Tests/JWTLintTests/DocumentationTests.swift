import Foundation
import Testing

/// The documentation article's example is the consumer package's test, word for word, so that what readers copy is
/// what CI compiles and runs (`swift test --package-path Tests/Fixtures/Consumer`).
@Suite("The documentation's example")
struct DocumentationTests {
    static let packageRoot = VectorFiles.root.deletingLastPathComponent()

    /// The first code block fenced with ```` ```fence ```` after `heading` in the file at `path`.
    static func codeBlock(in path: String, after heading: String, fence: String) throws -> String {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
        let section = try #require(text.range(of: heading))
        let rest = text[section.upperBound...]
        let open = try #require(rest.range(of: "```\(fence)\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```\n"))
        return String(rest[open.upperBound..<close.lowerBound])
    }

    @Test("The article's Swift Testing example is the consumer package's test, as it stands there")
    func articleExampleIsTheConsumerTest() throws {
        let example = try Self.codeBlock(
            in: "Sources/JWTLint/JWTLint.docc/TestingYourTokenCode.md", after: "## Lint a token in a Swift Testing test", fence: "swift")
        #expect(example.contains("@Test") && example.contains("#expect"))
        let test = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/Consumer/Tests/ConsumerTests/TokenCodeTests.swift"), encoding: .utf8)
        #expect(test.hasSuffix(example), "Copy the example from the article into TokenCodeTests.swift, or the other way round")
    }

    @Test("The README's jwtlint serve example in Python is the file CI runs, as it stands there")
    func readmeServeExampleIsTheFileCIRuns() throws {
        let example = try Self.codeBlock(in: "README.md", after: "## Testing your server against `jwtlint serve`", fence: "python")
        let file = try String(contentsOf: Self.packageRoot.appendingPathComponent("Tests/AppleClient/readme_example.py"), encoding: .utf8)
        #expect(example == file, "Copy the example from the README into Tests/AppleClient/readme_example.py, or the other way round")
    }

    @Test("The README's jwtlint serve example in Swift is the consumer package's test, as it stands there")
    func readmeServeSwiftExampleIsTheConsumerTest() throws {
        let example = try Self.codeBlock(in: "README.md", after: "## Testing your server against `jwtlint serve`", fence: "swift")
        #expect(example.contains("URLSession") && example.contains("@Test"))
        let test = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/Consumer/Tests/ConsumerTests/StandInClientTests.swift"), encoding: .utf8)
        #expect(test.hasSuffix(example), "Copy the example from the README into StandInClientTests.swift, or the other way round")
    }

    @Test("The README's notification handler example in Python is the file CI runs, as it stands there")
    func readmeNotificationExampleIsTheFileCIRuns() throws {
        let example = try Self.codeBlock(in: "README.md", after: "## Testing your notification handler", fence: "python")
        let file = try String(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Notifications/readme_example.py"), encoding: .utf8)
        #expect(example == file, "Copy the example from the README into Tests/Notifications/readme_example.py, or the other way round")
    }

    @Test("The README's notification handler example in Swift is the consumer package's test, as it stands there")
    func readmeNotificationSwiftExampleIsTheConsumerTest() throws {
        let example = try Self.codeBlock(in: "README.md", after: "## Testing your notification handler", fence: "swift")
        #expect(example.contains("NotificationSigner") && example.contains("@Test"))
        let test = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("Tests/Fixtures/Consumer/Tests/ConsumerTests/NotificationHandlerTests.swift"), encoding: .utf8)
        #expect(test.hasSuffix(example), "Copy the example from the README into NotificationHandlerTests.swift, or the other way round")
    }
}
