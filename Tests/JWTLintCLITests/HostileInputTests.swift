import Foundation
import Testing

/// Hostile inputs, each with the outcome it must have: a clear finding (exit 1) or a one-line error (exit 2);
/// never a crash, a hang, a stack trace, or memory that grows with the input.
@Suite("Hostile inputs")
struct HostileInputTests {
    /// A hostile line for `jwtlint lint -`, and the rule whose finding must explain it.
    struct TokenCase: CustomStringConvertible, Sendable {
        let name: String
        let input: [UInt8]
        let rule: String
        var description: String { name }
    }

    static func b64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func b64(_ text: String) -> String { b64(Array(text.utf8)) }

    static let header = b64(#"{"alg":"ES256","kid":"TESTKEYA01","typ":"JWT"}"#)
    static let claims = b64(
        #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#)
    static let signature = String(repeating: "A", count: 86)

    /// `header.claims.signature` and a newline, each segment given as it goes on the line.
    static func line(_ header: String = HostileInputTests.header, _ claims: String = HostileInputTests.claims,
                     _ signature: String = HostileInputTests.signature) -> [UInt8] {
        Array((header + "." + claims + "." + signature + "\n").utf8)
    }

    static func token(claims: String, header: String = HostileInputTests.header) -> [UInt8] {
        line(header, b64(claims))
    }

    /// A line whose segments are given as raw bytes, so that they can hold NUL or bytes that are not UTF-8.
    static func rawLine(_ segments: [UInt8]...) -> [UInt8] {
        Array(segments.joined(separator: [UInt8(ascii: ".")])) + [0x0A]
    }

    static let tokenCases: [TokenCase] = [
        // Size and shape.
        TokenCase(name: "a 10 MB line", input: Array(repeating: UInt8(ascii: "A"), count: 10_000_000) + [0x0A], rule: "token.format"),
        TokenCase(
            name: "a million tokens on one line",
            input: Array((Array(repeating: "a.b.c", count: 1_000_000).joined(separator: " ") + "\n").utf8), rule: "token.format"),
        TokenCase(
            name: "nesting 100,000 deep (a line over the size limit)",
            input: token(claims: String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)), rule: "token.format"),
        TokenCase(
            name: "nesting 5,000 deep within the size limit",
            input: token(claims: #"{"a":"# + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "}"),
            rule: "token.json"),
        TokenCase(
            name: "nesting one level past jwtlint's limit of 32",
            input: token(claims: #"{"a":"# + String(repeating: "[", count: 32) + String(repeating: "]", count: 32) + "}"), rule: "token.json"),
        TokenCase(name: "four segments", input: Array((header + "." + claims + "." + signature + ".x\n").utf8), rule: "token.format"),
        TokenCase(name: "an empty payload segment", input: line(header, ""), rule: "token.format"),
        TokenCase(name: "NUL bytes only", input: [0, 0, 0, 0x0A], rule: "token.format"),
        // NUL and bytes that are not UTF-8, in every segment of the line.
        TokenCase(name: "NUL in the header segment", input: rawLine(Array("eyJh\0bGciOiJFUzI1NiJ9".utf8), Array(claims.utf8), Array(signature.utf8)), rule: "token.encoding"),
        TokenCase(name: "NUL in the payload segment", input: rawLine(Array(header.utf8), Array("eyJp\0c3MiOjF9".utf8), Array(signature.utf8)), rule: "token.encoding"),
        TokenCase(name: "NUL in the signature segment", input: rawLine(Array(header.utf8), Array(claims.utf8), Array("AAAA\0AAAA".utf8)), rule: "token.encoding"),
        TokenCase(name: "invalid UTF-8 in the header segment", input: rawLine([0x65, 0x79, 0xFF, 0xFE], Array(claims.utf8), Array(signature.utf8)), rule: "token.encoding"),
        TokenCase(name: "invalid UTF-8 in the payload segment", input: rawLine(Array(header.utf8), [0xFF, 0xFE], Array(signature.utf8)), rule: "token.encoding"),
        TokenCase(name: "invalid UTF-8 in the signature segment", input: rawLine(Array(header.utf8), Array(claims.utf8), [0x41, 0xC3, 0x28, 0x41]), rule: "token.encoding"),
        TokenCase(name: "a byte-order mark before the token", input: [0xEF, 0xBB, 0xBF] + line(), rule: "token.encoding"),
        // NUL and bad UTF-8 inside what the segments decode to.
        TokenCase(name: "a raw NUL inside the decoded header", input: line(b64(Array(#"{"alg":"ES256"#.utf8) + [0] + Array(#""}"#.utf8))), rule: "token.json"),
        TokenCase(name: "a raw NUL inside the decoded payload", input: line(header, b64(Array(#"{"iss":"a"#.utf8) + [0] + Array(#""}"#.utf8))), rule: "token.json"),
        TokenCase(name: "an escaped \\u0000 inside the decoded payload", input: token(claims: #"{"bid":"a\u0000b"}"#), rule: "token.json"),
        TokenCase(name: "a lone surrogate escape inside the decoded payload", input: token(claims: #"{"bid":"\ud800"}"#), rule: "token.json"),
        TokenCase(name: "invalid UTF-8 inside the decoded header", input: line(b64([0x7B, 0x22, 0x61, 0x6C, 0x67, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D])), rule: "token.json"),
        TokenCase(name: "invalid UTF-8 inside the decoded payload", input: line(header, b64([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D])), rule: "token.json"),
        TokenCase(name: "overlong UTF-8 inside the decoded payload", input: line(header, b64([0x7B, 0x22, 0x62, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xC0, 0xAF, 0x22, 0x7D])), rule: "token.json"),
        TokenCase(name: "a header that is a JSON array", input: line(b64(#"["ES256"]"#)), rule: "token.json"),
        TokenCase(name: "a payload that is a JSON string", input: token(claims: #""x""#), rule: "token.json"),
        TokenCase(name: "a number beyond a double", input: token(claims: #"{"exp":1e400}"#), rule: "token.json"),
        // Base64url that is padded, overlong (bits past the data), of an impossible length, or of the wrong alphabet.
        TokenCase(name: "padded base64", input: line(header, b64("{}") + "=="), rule: "token.encoding"),
        TokenCase(name: "overlong base64: unused bits set in the last character", input: line(header, "e31"), rule: "token.encoding"),
        TokenCase(name: "overlong base64 in the signature", input: line(header, claims, String(repeating: "A", count: 85) + "B"), rule: "token.encoding"),
        TokenCase(name: "a segment length no byte string has", input: line(header, b64("{}") + "AA"), rule: "token.encoding"),
        TokenCase(name: "the standard base64 alphabet", input: line(header, claims + "+/"), rule: "token.encoding"),
        // Times that overflow 64 bits, are negative, fractional or in exponent form, or are not numbers.
        TokenCase(name: "exp beyond 64 bits", input: token(claims: #"{"exp":123456789012345678901234567890}"#), rule: "claims.exp"),
        TokenCase(name: "iat beyond 64 bits", input: token(claims: #"{"iat":123456789012345678901234567890,"exp":1767225870}"#), rule: "claims.iat"),
        TokenCase(name: "iat and exp at the ends of 64-bit integers", input: token(claims: #"{"iat":-9223372036854775808,"exp":9223372036854775807}"#), rule: "claims.exp"),
        TokenCase(name: "iat at the low end of 64-bit integers", input: token(claims: #"{"iat":-9223372036854775808,"exp":1767225870}"#), rule: "claims.iat"),
        TokenCase(name: "negative exp", input: token(claims: #"{"exp":-1}"#), rule: "claims.exp"),
        TokenCase(name: "negative iat", input: token(claims: #"{"iat":-5,"exp":1767225870}"#), rule: "claims.iat"),
        TokenCase(name: "fractional exp, long past", input: token(claims: #"{"exp":1.5}"#), rule: "claims.exp"),
        TokenCase(name: "fractional iat, an hour ahead", input: token(claims: #"{"iat":1767229999.5,"exp":1767225870}"#), rule: "claims.iat"),
        TokenCase(name: "iat in exponent form, far in the future", input: token(claims: #"{"iat":1e300,"exp":1767225900}"#), rule: "claims.iat"),
        TokenCase(name: "exp in exponent form, far in the future", input: token(claims: #"{"exp":1e300}"#), rule: "claims.exp"),
        TokenCase(name: "exp as a string", input: token(claims: #"{"exp":"1767225900"}"#), rule: "claims.exp"),
        TokenCase(name: "exp as an array", input: token(claims: #"{"exp":[1767225900]}"#), rule: "claims.exp"),
        // Header members of the wrong type.
        TokenCase(name: "a non-string kid", input: token(claims: "{}", header: b64(#"{"alg":"ES256","kid":12,"typ":"JWT"}"#)), rule: "header.kid"),
        TokenCase(name: "a non-string alg", input: token(claims: "{}", header: b64(#"{"alg":{"a":1},"kid":"TESTKEYA01","typ":"JWT"}"#)), rule: "header.alg"),
        TokenCase(name: "a null alg", input: token(claims: "{}", header: b64(#"{"alg":null,"kid":"TESTKEYA01","typ":"JWT"}"#)), rule: "header.alg"),
        TokenCase(name: "a non-string typ", input: token(claims: "{}", header: b64(#"{"alg":"ES256","kid":"TESTKEYA01","typ":["JWT"]}"#)), rule: "header.typ"),
        // Signatures of the wrong shape.
        TokenCase(name: "an 8,000-character signature", input: line(header, claims, String(repeating: "A", count: 8_000)), rule: "signature.encoding"),
        // The Authorization forms, half given.
        TokenCase(name: "an Authorization header with no value", input: Array("Authorization:\n".utf8), rule: "token.format"),
        TokenCase(name: "Bearer twice", input: Array("Bearer Bearer ".utf8) + line(), rule: "token.format"),
    ]

    @Test("Each hostile token gets a clear finding and exit status 1", arguments: tokenCases)
    func hostileToken(_ test: TokenCase) throws {
        let run = try CLI.run(["lint", "--key", CLI.vector("keys/TESTKEYA01.pub.pem"), "--now", LintCommandTests.now, "--format", "json", "-"], inputBytes: test.input)
        #expect(run.status == 1, "\(test.name): \(run.standardError)")
        #expect(run.standardOutput.contains(#""rule":"\#(test.rule)""#), "\(test.name): \(run.standardOutput.prefix(600))")
        #expect(run.standardOutput.utf8.count < 100_000, "\(test.name): the output echoes the input")
        #expect(run.standardError.isEmpty, "\(test.name): \(run.standardError)")
        // Nothing but the JSON report: the text of every message is escaped, so control characters cannot reach a terminal.
        #expect(!run.standardOutput.utf8.contains { $0 < 0x20 && $0 != 0x0A }, "\(test.name): a raw control character in the output")
    }

    @Test("Fractional and exponent-form times within range are valid")
    func validNumbers() throws {
        let input = Self.token(claims: #"{"iat":1.7672255705e9,"exp":1767225870.25}"#)
        let run = try CLI.run(["lint", "--now", LintCommandTests.now, "--format", "json", "-"], inputBytes: input)
        #expect(run.standardOutput.contains(#""rule":"claims.iss""#), "the token was linted")
        #expect(!run.standardOutput.contains(#""rule":"claims.iat""#) && !run.standardOutput.contains(#""rule":"claims.exp""#))
    }

    @Test("Control characters and escape sequences in a token are escaped in text output, never printed raw")
    func escapesInTextOutput() throws {
        let header = Self.b64(#"{"alg":"ES256\u001b[31m","kid":"AB\u001b]0;x\u0007","typ":"J\u202eWT"}"#)
        let run = try CLI.run(["lint", "--now", LintCommandTests.now, "-"], inputBytes: Self.line(header, Self.b64(#"{"iss":"\u001b[2J"}"#)))
        #expect(run.status == 1)
        #expect(run.standardOutput.contains(#"\u001b[31m"#), "\(run.standardOutput)")
        #expect(!run.standardOutput.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }

    @Test("Control characters quoted by the JSON parser's own explanation are escaped too")
    func escapesInParserErrors() throws {
        let claims = Self.b64([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0xE2, 0x80, 0xAE, 0x7D])  // {"a":ESC[31m U+202E}
        for format in ["text", "github", "json"] {
            let run = try CLI.run(["lint", "--now", LintCommandTests.now, "--format", format, "-"], inputBytes: Self.line(Self.header, claims))
            #expect(run.status == 1)
            #expect(run.standardOutput.contains("token.json"), "\(format): \(run.standardOutput)")
            #expect(!run.standardOutput.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E }, "\(format): \(run.standardOutput)")
        }
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-escape-\(UUID().uuidString).json")
        try Data([0x7B, 0x22, 0x6B, 0x22, 0x3A, 0x1B, 0x7D]).write(to: config)
        defer { try? FileManager.default.removeItem(at: config) }
        let run = try CLI.run(["lint", "--config", config.path, LintCommandTests.clean])
        #expect(run.status == 2)
        #expect(run.standardError.contains("\\u001b") && !run.standardError.unicodeScalars.contains { $0.value == 0x1B }, "\(run.standardError)")
    }

    /// A key file that cannot be used, made in a scratch folder, and a fragment of the one line that must say why.
    struct KeyFileCase: CustomStringConvertible, Sendable {
        let name: String
        let says: String
        let make: @Sendable (_ directory: URL) throws -> String
        var description: String { name }
    }

    /// Writes `contents` to `name` in the scratch folder; `contents` is made only then (one case is 100 MB).
    static func file(_ name: String, _ contents: @autoclosure @escaping @Sendable () -> Data) -> @Sendable (URL) throws -> String {
        { directory in
            let path = directory.appendingPathComponent(name).path
            #expect(FileManager.default.createFile(atPath: path, contents: contents()))
            return path
        }
    }

    static func vectorKey(_ path: String) -> @Sendable (URL) throws -> String {
        { _ in CLI.vector(path) }
    }

    static let keyA = (try? Data(contentsOf: URL(fileURLWithPath: CLI.vector("keys/SubscriptionKey_TESTKEYA01.p8")))) ?? Data()

    static let keyFileCases: [KeyFileCase] = [
        KeyFileCase(name: "a directory", says: "is a directory") { directory in
            let path = directory.appendingPathComponent("a-directory").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return path
        },
        KeyFileCase(name: "a FIFO nobody writes to", says: "is a pipe") { directory in
            let path = directory.appendingPathComponent("a-fifo").path
            #expect(mkfifo(path, 0o600) == 0)
            return path
        },
        KeyFileCase(name: "a dangling symbolic link", says: "does not exist") { directory in
            let path = directory.appendingPathComponent("dangling").path
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: directory.appendingPathComponent("nowhere").path)
            return path
        },
        KeyFileCase(name: "a symbolic link loop", says: "loop") { directory in
            let path = directory.appendingPathComponent("loop").path
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path)
            return path
        },
        KeyFileCase(name: "an empty file", says: "is empty", make: file("empty.p8", Data())),
        KeyFileCase(name: "a file of 100 MB", says: "larger than any key file", make: file("huge.p8", Data(count: 100 * 1024 * 1024))),
        KeyFileCase(name: "a file one byte over the 64 KiB limit", says: "larger than any key file", make: file("big.p8", Data(repeating: 0x41, count: 64 * 1024 + 1))),
        KeyFileCase(
            name: "binary garbage", says: "is neither a PEM key",
            make: file("garbage.p8", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ 7) }))),
        KeyFileCase(name: "NUL bytes", says: "is neither a PEM key", make: file("nul.p8", Data(count: 512))),
        KeyFileCase(name: "a certificate", says: "certificate", make: vectorKey("keys/bad/certificate.pem")),
        KeyFileCase(name: "an encrypted PKCS#8 key", says: "is encrypted", make: vectorKey("keys/bad/encrypted.p8")),
        KeyFileCase(
            name: "an encrypted SEC 1 key", says: "is encrypted",
            make: file("encrypted-sec1.pem", Data("-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n-----END EC PRIVATE KEY-----\n".utf8))),
        KeyFileCase(name: "a P-384 key", says: "P-384", make: vectorKey("keys/bad/p384.p8")),
        KeyFileCase(name: "an RSA key", says: "RSA", make: vectorKey("keys/bad/rsa.p8")),
        KeyFileCase(name: "a JWK whose point is not on the curve", says: "not on the P-256 curve", make: vectorKey("keys/bad/jwk-off-curve.json")),
        KeyFileCase(name: "a JWK with the private d member", says: "is a private JWK", make: vectorKey("keys/bad/jwk-private.json")),
        KeyFileCase(
            name: "a JWK nested 30,000 deep", says: "nested too deeply",
            make: file("deep.json", Data((#"{"a":"# + String(repeating: "[", count: 30_000) + String(repeating: "]", count: 30_000) + "}").utf8))),
        KeyFileCase(name: "a PEM block with no END line", says: "no matching END line", make: file("no-end.p8", keyA.prefix(100))),
        KeyFileCase(
            name: "two PEM blocks, the second broken", says: "not valid base64",
            make: file("two.p8", keyA + Data("\n-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n".utf8))),
        KeyFileCase(
            name: "a PEM body that is not base64", says: "not valid base64",
            make: file("body.p8", Data("-----BEGIN PRIVATE KEY-----\n\u{1}\u{2}\u{3}\u{4}\n-----END PRIVATE KEY-----\n".utf8))),
    ]

    @Test("Each hostile key file ends the run with one line on standard error naming it, and exit 2", arguments: keyFileCases)
    func hostileKeyFile(_ test: KeyFileCase) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try test.make(directory)
        for command in [["lint", "--now", LintCommandTests.now, LintCommandTests.clean], ["pubkey"], ["diagnose", LintCommandTests.clean]] {
            let run = try CLI.run([command[0], "--key", path] + command.dropFirst())
            #expect(run.status == 2, "\(test.name), \(command[0]): \(run.standardError)")
            #expect(run.standardError.split(separator: "\n").count == 1, "\(test.name), \(command[0]): \(run.standardError)")
            #expect(run.standardError.contains(path), "\(test.name), \(command[0])")
            #expect(run.standardError.contains(test.says), "\(test.name), \(command[0]): \(run.standardError)")
            #expect(run.standardOutput.isEmpty, "\(test.name), \(command[0])")
        }
    }

    /// A configuration file that cannot be used, and a fragment of the one line that must say why.
    static let configCases: [(name: String, contents: Data, says: String)] = [
        ("binary garbage", Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }), "not valid JSON"),
        ("NUL bytes", Data(count: 64), "not valid JSON"),
        ("nesting 100,000 deep", Data((#"{"rules":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}").utf8), "levels deep"),
        ("a JSON array", Data("[1,2,3]".utf8), "not an object"),
        ("an unknown setting", Data(#"{"keyy":"x"}"#.utf8), "keyy"),
        ("a leeway beyond a double", Data(#"{"leeway":1e400}"#.utf8), "too large"),
        ("a leeway that is negative", Data(#"{"leeway":-1}"#.utf8), "leeway"),
        ("a file of 2 MB", Data(repeating: 0x20, count: 2 * 1024 * 1024), "larger than any configuration file"),
        ("a file that is not UTF-8", Data([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]), "UTF-8"),
    ]

    @Test("Each hostile configuration file ends the run with one line naming it, and exit 2")
    func hostileConfigFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, test) in Self.configCases.enumerated() {
            let path = directory.appendingPathComponent("config-\(index).json").path
            #expect(FileManager.default.createFile(atPath: path, contents: test.contents))
            let run = try CLI.run(["lint", "--config", path, "--now", LintCommandTests.now, LintCommandTests.clean])
            #expect(run.status == 2, "\(test.name): \(run.standardError)")
            #expect(run.standardError.split(separator: "\n").count == 1, "\(test.name): \(run.standardError)")
            #expect(run.standardError.contains(path) && run.standardError.contains(test.says), "\(test.name): \(run.standardError)")
            #expect(run.standardOutput.isEmpty, "\(test.name)")
            #expect(!run.standardError.utf8.contains { $0 < 0x20 && $0 != 0x0A }, "\(test.name): a raw control character")
        }
    }

    @Test("Hostile input to diagnose gets a verdict (exit 1) or a one-line error (exit 2), never a crash")
    func hostileDiagnoseInput() throws {
        let cases: [(name: String, input: [UInt8], status: Int32)] = [
            ("binary garbage", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ 7) }, 1),
            ("a curl command with an unterminated quote", Array("curl -H 'Authorization: Bearer abc".utf8), 1),
            ("a curl command of 10,000 -H flags", Array(("curl " + String(repeating: "-H 'X: y' ", count: 10_000)).utf8), 1),
            ("a curl command ending in a backslash", Array("curl -H \\".utf8), 1),
            ("an HTTP request with 10,000 Authorization headers", Array(("GET /inApps/v1/history/1 HTTP/1.1\r\n" + String(repeating: "Authorization: Bearer a.b.c\r\n", count: 10_000)).utf8), 1),
            ("input over the 1 MB limit", Array(repeating: UInt8(ascii: "A"), count: 2 * 1024 * 1024), 2),
        ]
        for test in cases {
            let run = try CLI.run(["diagnose", "--now", LintCommandTests.now, "-"], inputBytes: test.input)
            #expect(run.status == test.status, "\(test.name): \(run.standardError)")
            if test.status == 2 {
                #expect(run.standardError.split(separator: "\n").count == 1, "\(test.name): \(run.standardError)")
            } else {
                #expect(run.standardOutput.contains("Likely causes"), "\(test.name): \(run.standardOutput.prefix(400))")
            }
            #expect(run.standardOutput.utf8.count < 200_000, "\(test.name): the output echoes the input")
        }
    }
}

extension HostileInputTests {
    @Test("Hostile input to offer-signature gets a verdict (exit 1) or a one-line error (exit 2), quickly, escaped")
    func hostileOfferSignatureInput() throws {
        let base = ProfileCommandTests.offerArguments
        func replacing(_ flag: String, with value: String) -> [String] {
            var arguments = base
            if let index = arguments.firstIndex(of: flag) { arguments[index + 1] = value }
            return arguments
        }
        let cases: [(name: String, arguments: [String], status: Int32)] = [
            ("a 4,000-character signature of garbage", base + [String(repeating: "QUJD", count: 1000)], 1),
            ("a signature over the 4 KB limit", base + [String(repeating: "A", count: 5000)], 2),
            ("a 100 KB product identifier", replacing("--product", with: String(repeating: "p", count: 100_000)) + ["MEUCIQ=="], 2),
            ("an escape sequence in the offer", replacing("--offer", with: "o\u{1B}[31m") + ["MEUCIQ=="], 1),
            ("a nonce with an escape sequence", replacing("--nonce", with: "\u{1B}[2J\u{7}") + ["MEUCIQ=="], 1),
            ("a timestamp of 30 digits", replacing("--timestamp", with: String(repeating: "9", count: 30)) + ["MEUCIQ=="], 1),
            ("an empty signature", base + [""], 1),
            ("a 1,000-byte offer (every field order is still tried)", replacing("--offer", with: String(repeating: "o", count: 1000)) + ["MEYCIQD5XvqZVQ39HkkSlnJnzfEyCvF561uMEhUGz2xC84q4ggIhAPltSC7dxrmQHzjsn2GFpDdgDFJ5nF+MuEBwkDhnYR4W"], 1),
        ]
        // A guard against a hang, not a measure of speed: under valgrind (a test wrapper) everything runs tens of
        // times slower, and a shared machine adds its own delays.
        let hangLimit: Double = ProcessInfo.processInfo.environment["JWTLINT_TEST_WRAPPER"] == nil ? 30 : 600
        for test in cases {
            let started = Date()
            let run = try CLI.run(test.arguments)
            #expect(run.status == test.status, "\(test.name): \(run.standardError)")
            #expect(Date().timeIntervalSince(started) < hangLimit, "\(test.name) took too long")
            if test.status == 2 {
                #expect(run.standardError.split(separator: "\n").count == 1, "\(test.name): \(run.standardError)")
            }
            #expect(!(run.standardOutput + run.standardError).utf8.contains { $0 < 0x20 && $0 != 0x0A }, "\(test.name): a raw control character")
            #expect(run.standardOutput.utf8.count < 20_000, "\(test.name): the output echoes the input")
        }
    }
}

@Suite("Bounded memory")
struct BoundedMemoryTests {
    /// The peak resident memory, in MiB, of `jwtlint arguments…` reading `generator`'s output on standard input,
    /// measured by a Python parent of its own (so no other test's processes count), and the exit status.
    static func peakMemory(of arguments: [String], input generator: String) throws -> (mebibytes: Double, status: Int32) {
        let script = """
            import resource, subprocess, sys
            feed = subprocess.Popen(["/bin/sh", "-c", sys.argv[1]], stdout=subprocess.PIPE)
            run = subprocess.run(sys.argv[2:], stdin=feed.stdout, stdout=subprocess.DEVNULL)
            feed.stdout.close(); feed.wait()
            print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0, run.returncode)
            """
        let run = try CLI.run(["-c", script, generator, CLI.binary.path] + arguments, executable: "/usr/bin/python3")
        let fields = run.standardOutput.split(separator: " ")
        let peak = try #require(fields.first.flatMap { Double($0) }, "\(run.standardOutput) \(run.standardError)")
        let status = try #require(fields.last.flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        return (peak, status)
    }

    /// The growth allowed over a run with one short line: far less than the input, which must not be held.
    static let allowedGrowth = 32.0

    @Test("A 96 MB line is reported by its length without being held in memory")
    func longLine() throws {
        let arguments = ["lint", "--now", LintCommandTests.now, "-"]
        let baseline = try Self.peakMemory(of: arguments, input: "echo x.y.z")
        let (peak, status) = try Self.peakMemory(of: arguments, input: "head -c 96000000 /dev/zero | tr '\\0' A; echo")
        #expect(status == 1 && baseline.status == 1)
        #expect(peak < baseline.mebibytes + Self.allowedGrowth, "peak resident memory \(peak) MiB for a 96 MB line, \(baseline.mebibytes) MiB for a short one")
    }

    @Test("96 MB of oversized lines between short ones stream through in bounded memory")
    func manyLines() throws {
        let arguments = ["lint", "--now", LintCommandTests.now, "--format", "json", "-"]
        let baseline = try Self.peakMemory(of: arguments, input: "echo x.y.z")
        let generator = "i=0; while [ $i -lt 96 ]; do head -c 1000000 /dev/zero | tr '\\0' A; printf '\\nx.y.z\\n'; i=$((i+1)); done"
        let (peak, status) = try Self.peakMemory(of: arguments, input: generator)
        #expect(status == 1 && baseline.status == 1)
        #expect(peak < baseline.mebibytes + Self.allowedGrowth, "peak resident memory \(peak) MiB for 96 MB of input, \(baseline.mebibytes) MiB for one line")
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

    @Test("Standard input that ends in the middle of a token lints what arrived, exit 1")
    func inputEndsMidToken() throws {
        let half = String(LintCommandTests.clean.prefix(LintCommandTests.clean.count / 2))
        let run = try CLI.run(["lint", "--now", LintCommandTests.now, "--format", "json", "-"], input: half)
        #expect(run.status == 1, "\(run.standardError)")
        #expect(run.standardOutput.contains(#""line":1"#) && run.standardOutput.contains(#""rule":"token."#), "\(run.standardOutput)")
    }
}
