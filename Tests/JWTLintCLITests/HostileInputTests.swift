import Foundation
import Testing

/// Hostile inputs, each with the outcome it must have: a clear finding (exit 1) or a one-line error (exit 2);
/// never a crash, a hang or a stack trace.
@Suite("Hostile inputs")
struct HostileInputTests {
    struct TokenCase: CustomStringConvertible, Sendable {
        let name: String
        let input: [UInt8]
        let rule: String
        var description: String { name }
    }

    static func b64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static let header = b64(#"{"alg":"ES256","kid":"TESTKEYA01","typ":"JWT"}"#)
    static let signature = String(repeating: "A", count: 86)

    static func token(claims: String, header: String = HostileInputTests.header) -> [UInt8] {
        Array((header + "." + b64(claims) + "." + signature + "\n").utf8)
    }

    static let tokenCases: [TokenCase] = [
        TokenCase(name: "a 10 MB line", input: Array(repeating: UInt8(ascii: "A"), count: 10_000_000) + [0x0A], rule: "token.format"),
        TokenCase(
            name: "a million tokens on one line",
            input: Array((Array(repeating: "a.b.c", count: 1_000_000).joined(separator: " ") + "\n").utf8), rule: "token.format"),
        TokenCase(
            name: "nesting 100,000 deep",
            input: token(claims: String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)), rule: "token.format"),
        TokenCase(name: "NUL in the header segment", input: Array("eyJh\0bGciOiJFUzI1NiJ9.e30.AAAA\n".utf8), rule: "token.encoding"),
        TokenCase(name: "invalid UTF-8 in the payload segment", input: Array("eyJhbGciOiJFUzI1NiJ9.".utf8) + [0xFF, 0xFE] + Array(".AAAA\n".utf8), rule: "token.encoding"),
        TokenCase(name: "invalid UTF-8 inside the decoded payload", input: Array((header + "." + Data([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]).base64EncodedString().replacingOccurrences(of: "=", with: "") + "." + signature + "\n").utf8), rule: "token.json"),
        TokenCase(name: "padded base64", input: Array((header + "." + b64("{}") + "==." + signature + "\n").utf8), rule: "token.encoding"),
        TokenCase(name: "a segment length no byte string has", input: Array((header + "." + b64("{}") + "AA." + signature + "\n").utf8), rule: "token.encoding"),
        TokenCase(name: "exp beyond 64 bits", input: token(claims: #"{"exp":123456789012345678901234567890}"#), rule: "claims.exp"),
        TokenCase(name: "negative exp", input: token(claims: #"{"exp":-1}"#), rule: "claims.exp"),
        TokenCase(name: "iat in exponent form, far in the future", input: token(claims: #"{"iat":1e300,"exp":1767225900}"#), rule: "claims.iat"),
        TokenCase(name: "a number beyond a double", input: token(claims: #"{"exp":1e400}"#), rule: "token.json"),
        TokenCase(name: "a non-string kid", input: token(claims: "{}", header: b64(#"{"alg":"ES256","kid":12,"typ":"JWT"}"#)), rule: "header.kid"),
        TokenCase(name: "a non-string alg", input: token(claims: "{}", header: b64(#"{"alg":{"a":1},"kid":"TESTKEYA01","typ":"JWT"}"#)), rule: "header.alg"),
    ]

    @Test("Each hostile token gets a clear finding and exit status 1", arguments: tokenCases)
    func hostileToken(_ test: TokenCase) throws {
        let run = try CLI.run(["lint", "--now", LintCommandTests.now, "--format", "json", "-"], inputBytes: test.input)
        #expect(run.status == 1, "\(test.name): \(run.standardError)")
        #expect(run.standardOutput.contains(#""rule":"\#(test.rule)""#), "\(test.name)")
        #expect(run.standardOutput.utf8.count < 100_000, "\(test.name): the output echoes the input")
        #expect(run.standardError.isEmpty)
    }

    @Test("Fractional and exponent-form times within range are valid")
    func validNumbers() throws {
        let input = Self.token(claims: #"{"iat":1.7672255705e9,"exp":1767225870.25}"#)
        let run = try CLI.run(["lint", "--now", LintCommandTests.now, "--format", "json", "-"], inputBytes: input)
        #expect(!run.standardOutput.contains(#""rule":"claims.iat""#) && !run.standardOutput.contains(#""rule":"claims.exp""#))
    }

    @Test("Hostile key files end the run with one line on standard error and exit 2")
    func hostileKeyFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        try FileManager.default.createDirectory(atPath: path("a-directory"), withIntermediateDirectories: true)
        #expect(mkfifo(path("a-fifo"), 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: path("dangling"), withDestinationPath: path("nowhere"))
        FileManager.default.createFile(atPath: path("empty.p8"), contents: Data())
        FileManager.default.createFile(atPath: path("huge.p8"), contents: Data(count: 100 * 1024 * 1024))
        FileManager.default.createFile(atPath: path("garbage.p8"), contents: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ 7) }))
        let files = [
            path("a-directory"), path("a-fifo"), path("dangling"), path("empty.p8"), path("huge.p8"), path("garbage.p8"),
            CLI.vector("keys/bad/certificate.pem"), CLI.vector("keys/bad/encrypted.p8"), CLI.vector("keys/bad/p384.p8"),
            CLI.vector("keys/bad/rsa.p8"), CLI.vector("keys/bad/jwk-off-curve.json"),
        ]
        for file in files {
            let run = try CLI.run(["lint", "--key", file, "--now", LintCommandTests.now, LintCommandTests.clean])
            #expect(run.status == 2, "\(file)")
            #expect(run.standardError.split(separator: "\n").count == 1, "\(file): \(run.standardError)")
            #expect(run.standardError.contains(file), "\(file)")
            #expect(run.standardOutput.isEmpty, "\(file)")
        }
    }
}

@Suite("Closed pipes")
struct ClosedPipeTests {
    @Test("Output to a pipe closed early ends quietly: no message, no hang")
    func closedOutput() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-pipe-\(UUID().uuidString).txt")
        try (try ParallelLintTests.manyInputs()).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = "'\(CLI.binary.path)' lint --now \(LintCommandTests.now) - < '\(file.path)' | head -1 > /dev/null; echo \"status ${PIPESTATUS[0]}\""
        let run = try CLI.run(["-c", script], executable: "/bin/bash")
        #expect(run.standardError.isEmpty, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("status "))
        let status = Int(run.standardOutput.dropFirst("status ".count).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        #expect([0, 141].contains(status), "status \(status): neither a clean exit nor SIGPIPE")
    }

    @Test("Standard input closed before any token is an error, exit 2")
    func closedInput() throws {
        let run = try CLI.run(["-c", "'\(CLI.binary.path)' lint - <&-; echo \"status $?\""], executable: "/bin/bash")
        #expect(run.standardOutput.contains("status 2"), "\(run.standardOutput) \(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1)
    }
}
