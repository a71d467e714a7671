import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A test private key and the forms its secret could leak in: the private scalar raw, in hex, base64 and
/// base64url, and every run of 16 characters of the PEM body that encodes only scalar bytes.
struct PrivateKeyMaterial: CustomStringConvertible, Sendable {
    let name: String
    let path: String
    let scalar: [UInt8]
    let leakForms: [String]
    var description: String { name }

    static func pemBody(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
    }

    /// Reads a PKCS#8 P-256 `.p8` and finds its scalar: the OCTET STRING after `version 1` in the ECPrivateKey.
    init(name: String, path: String) throws {
        self.name = name
        self.path = path
        let body = Self.pemBody(try String(contentsOfFile: path, encoding: .utf8))
        let der = [UInt8](try #require(Data(base64Encoded: body)))
        let marker: [UInt8] = [0x02, 0x01, 0x01, 0x04, 0x20]
        let start = try #require((0...(der.count - marker.count)).first { Array(der[$0..<($0 + marker.count)]) == marker }) + marker.count
        scalar = Array(der[start..<(start + 32)])
        let base64 = Data(scalar).base64EncodedString()
        let base64URL = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        var forms = [
            scalar.map { String(format: "%02x", $0) }.joined(), scalar.map { String(format: "%02X", $0) }.joined(),
            String(base64.dropLast()), base64URL,
        ]
        // Base64 character i carries bits 6i..6i+5 of the DER; keep the characters that carry scalar bits only.
        let characters = Array(body)
        let first = (start * 8 + 5) / 6, last = ((start + 32) * 8) / 6 - 1
        var index = first
        while index + 16 <= last + 1 {
            forms.append(String(characters[index..<(index + 16)]))
            index += 4
        }
        leakForms = forms
    }

    /// The forms of the secret that `text` contains.
    func leaks(in text: String) -> [String] {
        leakForms.filter { text.contains($0) }
    }
}

@Suite("Key hygiene")
struct KeyHygieneTests {
    static let keys: [PrivateKeyMaterial] = [
        ("key A (150-byte DER)", "keys/SubscriptionKey_TESTKEYA01.p8"), ("key B (138-byte DER)", "keys/AuthKey_TESTKEYB02.p8"),
        ("key C (no public key)", "keys/SubscriptionKey_TESTKEYC03.p8"),
    ].compactMap { try? PrivateKeyMaterial(name: $0.0, path: CLI.vector($0.1)) }

    static let issuer = "57246542-96fe-1a63-e053-0824d011072a"

    /// Variants of a key file, good and broken, written to `directory`: each must be read or refused without its
    /// secret appearing in any output.
    static func variants(of key: PrivateKeyMaterial, in directory: URL) throws -> [String] {
        let text = try String(contentsOfFile: key.path, encoding: .utf8)
        let body = PrivateKeyMaterial.pemBody(text)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let middle = lines.count / 2
        lines[middle] = String(lines[middle].reversed())
        let contents: [(String, String)] = [
            ("spaces.p8", text.replacingOccurrences(of: "\n", with: " ")),
            ("escaped-newlines.p8", text.replacingOccurrences(of: "\n", with: "\\n")),
            ("corrupted.p8", lines.joined(separator: "\n")),
            ("bare-base64.p8", body),
            ("sec1-label.p8", text.replacingOccurrences(of: "PRIVATE KEY", with: "EC PRIVATE KEY")),
            ("public-label.pem", text.replacingOccurrences(of: "PRIVATE KEY", with: "PUBLIC KEY")),
            ("twice.p8", text + "\n" + text),
            ("trailing.p8", text.replacingOccurrences(of: body.suffix(8), with: body.suffix(8).dropLast(4) + "AAAAAAAA")),
            ("truncated-body.p8", "-----BEGIN PRIVATE KEY-----\n" + body.prefix(body.count - 12) + "\n-----END PRIVATE KEY-----\n"),
        ]
        return try contents.map { name, value in
            let path = directory.appendingPathComponent(name).path
            try value.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    /// Every command that reads a key, in every output form, on good and bad tokens.
    static func commands(key path: String) -> [[String]] {
        let now = LintCommandTests.now, clean = LintCommandTests.clean
        let tampered = LintCommandTests.tampered(clean, replacing: "appstoreconnect-v1", with: "x")
        var commands: [[String]] = []
        for format in ["text", "json", "github", "sarif", "junit"] {
            commands.append(["lint", "--key", path, "--now", now, "--format", format, "--show-token", clean, tampered, "x.y.z"])
        }
        commands += [
            ["lint", "--key", path, "--now", now, "--kid", "WRONGKEY00", "--issuer", issuer, "--bundle-id", "com.example.app", clean],
            ["diagnose", "--key", path, "--now", now, clean],
            ["diagnose", "--key", path, "--now", now, "curl -H 'Authorization: Bearer \(tampered)' https://api.storekit.apple.com/inApps/v1/history/1"],
            ["pubkey", "--key", path], ["pubkey", "--key", path, "--format", "jwk"],
            ["sign", "--key", path, "--issuer", issuer, "--bundle-id", "com.example.app", "--kid", "TESTKEYA01", "--now", now],
            ["sign", "--key", path, "--issuer", issuer, "--bundle-id", "com.example.app", "--kid", "TESTKEYA01", "--lifetime", "4000"],
            ["sign", "--key", path, "--issuer", "not-a-uuid", "--bundle-id", "com.example.app", "--kid", "TESTKEYA01"],
        ]
        return commands
    }

    @Test("No output of any command, good key or broken, holds the private key in any encoding", arguments: keys)
    func noOutputHoldsTheKey(_ key: PrivateKeyMaterial) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-hygiene-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var statuses: Set<Int32> = []
        for path in [key.path] + (try Self.variants(of: key, in: directory)) {
            for command in Self.commands(key: path) {
                let run = try CLI.run(command)
                statuses.insert(run.status)
                let leaks = key.leaks(in: run.standardOutput + run.standardError)
                #expect(leaks.isEmpty, "\(command.prefix(4).joined(separator: " ")): prints \(leaks)")
            }
        }
        // The commands succeeded, found errors, and refused input: each kind of output was searched.
        #expect(statuses.isSuperset(of: [0, 1, 2]), "\(statuses)")
    }

    @Test("The check can fail: the key's own PEM body holds every one of its PEM windows")
    func checkCanFail() throws {
        for key in Self.keys {
            let body = PrivateKeyMaterial.pemBody(try String(contentsOfFile: key.path, encoding: .utf8))
            #expect(key.leakForms.count >= 8, "\(key.name)")
            #expect(key.leakForms.dropFirst(4).allSatisfy { body.contains($0) }, "\(key.name)")
        }
        #expect(Self.keys.count == 3)
    }

    @Test("A private JWK is refused without printing its d")
    func privateJWK() throws {
        let path = CLI.vector("keys/bad/jwk-private.json")
        let jwk = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let d = try #require(jwk["d"] as? String)
        for command in [["lint", "--key", path, LintCommandTests.clean], ["pubkey", "--key", path, "--format", "jwk"], ["diagnose", "--key", path, LintCommandTests.clean]] {
            let run = try CLI.run(command)
            #expect(run.status == 2)
            #expect(!(run.standardOutput + run.standardError).contains(d.prefix(16)), "\(command[0])")
            #expect(!(run.standardOutput + run.standardError).contains(d.suffix(16)), "\(command[0])")
        }
    }

    #if os(Linux)
    /// A running process whose writable memory can be searched, through /proc (the tests are its parent).
    final class WatchedProcess {
        let process = Process()
        let input = Pipe(), output = Pipe()

        init(_ executable: URL, _ arguments: [String]) throws {
            process.executableURL = executable
            process.arguments = arguments
            process.environment = CLI.childEnvironment(adding: [:])
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = input
            try process.run()
        }

        deinit {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }

        /// Waits until the process blocks reading its standard input (x86_64 `read` is 0, arm64's 63).
        func waitUntilReading() throws {
            for _ in 0..<3000 {
                let fields = ((try? String(contentsOfFile: "/proc/\(process.processIdentifier)/syscall", encoding: .utf8)) ?? "").split(separator: " ")
                if fields.count > 1, fields[0] == "0" || fields[0] == "63", fields[1] == "0x0" { return }
                usleep(10_000)
            }
            Issue.record("the process never waited for input")
        }

        /// Writes `line` and returns the first line printed in answer.
        func send(_ line: String) throws -> String {
            try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
            var printed = Data()
            while !printed.contains(0x0A) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                printed.append(chunk)
            }
            return String(decoding: printed, as: UTF8.self)
        }

        /// Which of `needles` occur in the process's writable memory (regions up to 1 GiB: a sanitizer's shadow is
        /// skipped). Under JWTLINT_TEST_WRAPPER the binary is a script that execs the wrapper, which keeps the pid.
        func search(_ needles: [[UInt8]]) throws -> [Bool] {
            let pid = process.processIdentifier
            let maps = try String(contentsOfFile: "/proc/\(pid)/maps", encoding: .utf8)
            let memory = open("/proc/\(pid)/mem", O_RDONLY)
            try #require(memory >= 0, "cannot open /proc/\(pid)/mem: \(String(cString: strerror(errno)))")
            defer { close(memory) }
            var found = needles.map { _ in false }
            var scanned = 0
            for line in maps.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count >= 2, fields[1].hasPrefix("rw") else { continue }
                let bounds = fields[0].split(separator: "-").compactMap { UInt(String($0), radix: 16) }
                guard bounds.count == 2, bounds[1] > bounds[0], bounds[1] - bounds[0] <= 1 << 30 else { continue }
                var region = [UInt8](repeating: 0, count: Int(bounds[1] - bounds[0]))
                let count = region.withUnsafeMutableBytes { pread(memory, $0.baseAddress, $0.count, off_t(bounds[0])) }
                guard count > 0 else { continue }
                scanned += count
                region.withUnsafeBytes { haystack in
                    for (index, needle) in needles.enumerated() where !found[index] {
                        found[index] = KeyHygieneTests.contains(UnsafeRawBufferPointer(rebasing: haystack[0..<count]), needle)
                    }
                }
            }
            #expect(scanned > 1 << 20, "only \(scanned) bytes of memory could be read")
            return found
        }
    }

    /// Whether `needle` occurs in `haystack`: memchr for its first byte, then memcmp.
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard let base = haystack.baseAddress, let first = needle.first, needle.count <= haystack.count else { return false }
        var offset = 0
        while offset <= haystack.count - needle.count {
            guard let hit = memchr(base + offset, Int32(first), haystack.count - needle.count + 1 - offset) else { return false }
            let position = base.distance(to: UnsafeRawPointer(hit))
            if needle.withUnsafeBytes({ memcmp(base + position, $0.baseAddress!, needle.count) }) == 0 { return true }
            offset = position + 1
        }
        return false
    }

    /// The secret as it could sit in memory: the raw scalar, its first 12 bytes, and PEM body windows.
    static func memoryNeedles(_ key: PrivateKeyMaterial) -> [[UInt8]] {
        [key.scalar, Array(key.scalar.prefix(12))] + key.leakForms.suffix(2).map { Array($0.utf8) }
    }

    @Test("The memory search finds a key that a process does hold")
    func searchCanFail() throws {
        let key = try #require(Self.keys.first)
        let holder = try WatchedProcess(URL(fileURLWithPath: "/usr/bin/python3"), [
            "-c", "import base64, sys; k = open(sys.argv[1]).read(); d = base64.b64decode(''.join(l for l in k.splitlines() if '-' not in l)); sys.stdin.read()",
            key.path,
        ])
        try holder.waitUntilReading()
        #expect(try holder.search(Self.memoryNeedles(key)) == [true, true, true, true])
    }

    @Test("Once the public key is derived, no copy of the private key is left in jwtlint's memory", arguments: keys)
    func memoryHoldsNoKey(_ key: PrivateKeyMaterial) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-memory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The key as Apple ships it, and as a CI secret mangles it (newlines turned to spaces or to "\n").
        for path in [key.path] + (try Self.variants(of: key, in: directory).prefix(2)) {
            let linter = try WatchedProcess(CLI.binary, ["lint", "--key", path, "--now", LintCommandTests.now, "-"])
            // The key is read before the first token, while nothing else has yet reused the memory it was read into.
            try linter.waitUntilReading()
            let before = try linter.search(Self.memoryNeedles(key))
            #expect(before == [false, false, false, false], "\(path), before the first token: \(before)")
            let report = try linter.send(LintCommandTests.clean)
            // A signature checked (verified with key A, invalid with the others) means the key was read and derived.
            #expect(report.contains("signature verified") || report.contains("signature invalid"), "\(report)")
            let control = Array(LintCommandTests.clean.utf8.prefix(48))
            // The control proves the search reads jwtlint's heap: the token it was given is there.
            #expect(try linter.search([control] + Self.memoryNeedles(key)) == [true, false, false, false, false], "\(path), after a token")
        }
    }
    #endif
}
