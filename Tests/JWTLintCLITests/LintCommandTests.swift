import Foundation
import Testing

/// End-to-end tests of `jwtlint lint`, running the built binary.
@Suite("jwtlint lint, end to end")
struct LintCommandTests {
    static let now = "1767225600"
    static let keyA = CLI.vector("keys/SubscriptionKey_TESTKEYA01.p8")
    static var samples: [String] {
        ((try? String(contentsOfFile: CLI.vector("samples/tokens.txt"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
    static var clean: String { samples.first ?? "" }

    /// A clean sample token with one claim changed and no valid signature (the payload was re-encoded).
    static func tampered(_ token: String, replacing old: String, with new: String) -> String {
        let parts = token.split(separator: ".").map(String.init)
        var payload = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        payload += String(repeating: "=", count: (4 - payload.count % 4) % 4)
        let json = String(decoding: Data(base64Encoded: payload)!, as: UTF8.self).replacingOccurrences(of: old, with: new)
        let encoded = Data(json.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return parts[0] + "." + encoded + "." + parts[2]
    }

    @Test("The sample tokens lint with no error: exit status 0")
    func samplesPass() throws {
        #expect(Self.samples.count >= 5)
        let run = try CLI.run(["lint", "--key", Self.keyA, "--now", Self.now, "-"], input: Self.samples.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("\(Self.samples.count) tokens: \(Self.samples.count) passed, 0 failed"))
    }

    @Test("The README's main command, as written there, passes the samples with warnings and fixes and nothing on standard error; its failing example prints what the README shows, exit 1")
    func readmeMainCommand() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let prefix = "bash .ci/setup && swift run -c release jwtlint "
        let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix(prefix) })
        let command = line.dropFirst(prefix.count)
        let parts = command.components(separatedBy: " - < ")
        try #require(parts.count == 2)
        let arguments = parts[0].split(separator: " ").map(String.init) + ["-"]
        let samples = try String(contentsOf: CLI.packageRoot.appendingPathComponent(parts[1]), encoding: .utf8)
        let run = try CLI.run(arguments, input: samples)
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardError.isEmpty, "\(run.standardError)")
        #expect(run.standardOutput.contains("11 tokens: 11 passed, 0 failed; 0 errors, 5 warnings; signatures: 11 verified"))
        #expect(run.standardOutput.contains("warning claims.iat") && run.standardOutput.contains("fix: Set iat"))

        // The failing example: the command after "$ jwtlint ", then its output up to "$ echo $?".
        let example = try #require(readme.range(of: "$ jwtlint lint "))
        let rest = readme[example.upperBound...]
        let end = try #require(rest.range(of: "\n$ echo $?\n1\n"))
        let block = rest[..<end.lowerBound].split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let failingParts = block[0].components(separatedBy: " - < ")
        try #require(block.count == 2 && failingParts.count == 2, "the README's failing example is '$ jwtlint lint ARGUMENTS - < FILE' and its output")
        let failing = try CLI.run(
            ["lint"] + failingParts[0].split(separator: " ").map(String.init) + ["-"],
            input: try String(contentsOf: CLI.packageRoot.appendingPathComponent(failingParts[1]), encoding: .utf8))
        #expect(failing.status == 1)
        #expect(failing.standardOutput == block[1] + "\n", "Copy jwtlint's output into the README, or the other way round")
    }

    @Test("An error finding makes the exit status 1, and text output explains it with the rule and a fix")
    func errorExitsOne() throws {
        let token = Self.tampered(Self.clean, replacing: "appstoreconnect-v1", with: "appstoreconnect-v1-sandbox")
        let run = try CLI.run(["lint", "--key", Self.keyA, "--now", Self.now, token])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("claims.aud"))
        #expect(run.standardOutput.contains("signature.mismatch"))
        #expect(run.standardOutput.contains("fix: "))
        #expect(!run.standardOutput.contains(token), "the token is echoed")
        #expect(!run.standardOutput.contains("\u{1B}["), "colour on a pipe")
    }

    @Test(
        "Unusable keys end the run with exit 2 and one line on standard error naming the key file",
        arguments: ["keys/bad/encrypted.p8", "keys/bad/rsa.p8", "keys/bad/p384.p8", "keys/bad/garbage.p8", "keys/bad/empty.p8", "keys/missing.p8", "keys"])
    func unusableKey(_ path: String) throws {
        let file = CLI.vector(path)
        let run = try CLI.run(["lint", "--key", file, "--now", Self.now, Self.clean])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(run.standardError)")
        #expect(run.standardError.contains(file))
    }

    @Test(
        "Bad flags and flag values exit 2, saying what is wrong",
        arguments: [
            (["--bogus"], "Unknown option"), (["--now", "soon"], "--now"), (["--now", "0x10"], "--now"),
            (["--leeway=-5"], "--leeway"), (["--format", "xml"], "format"), (["--issuer", "team"], "--issuer"),
            (["--kid", ""], "--kid"), (["--bundle-id", " com.example.app"], "--bundle-id"),
        ])
    func badFlags(_ flags: [String], _ mention: String) throws {
        let run = try CLI.run(["lint"] + flags + [Self.clean])
        #expect(run.status == 2, "\(run.standardError)")
        #expect(run.standardError.contains(mention), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test("Empty standard input is an error (exit 2), not a pass")
    func emptyInput() throws {
        for input in ["", "\n  \n\t\n"] {
            let run = try CLI.run(["lint", "--format", "json", "-"], input: input)
            #expect(run.status == 2)
            #expect(run.standardOutput.isEmpty, "no partial JSON")
            #expect(run.standardError.contains("no token"))
        }
    }

    @Test("A line that is not UTF-8 is reported by its real first byte")
    func notUTF8() throws {
        let run = try CLI.run(["lint", "--format", "json", "-"], input: "\u{FF}")
        let raw = try CLI.run(["lint", "-"], inputBytes: [0xFF, 0xFE, 0x2E, 0xC3, 0x2E, 0x7A, 0x0A])
        #expect(raw.status == 1)
        #expect(raw.standardOutput.contains("byte 0xFF at offset 0"), "\(raw.standardOutput)")
        #expect(run.status == 1)
    }

    @Test("Results are printed as lines arrive, before standard input ends")
    func streamsStandardInput() throws {
        let first = try CLI.firstOutputBeforeClosingInput(
            ["lint", "--key", Self.keyA, "--now", Self.now, "-"], firstLine: Self.clean + "\n", timeout: 10)
        #expect(first.contains("token 1 (line 1, sha256 ") && first.contains("): ok"), "nothing was printed while standard input stayed open")
    }

    @Test("Help teaches the input forms and the exit statuses, with exit 0")
    func help() throws {
        let run = try CLI.run(["lint", "--help"])
        #expect(run.status == 0)
        for text in ["--key", "--kid", "--issuer", "--bundle-id", "--now", "--leeway", "--format", "Bearer", "Exit status"] {
            #expect(run.standardOutput.contains(text), "\(text)")
        }
    }

    @Test("Standard input is read line by line, blank lines skipped, results in input order with line numbers")
    func standardInput() throws {
        let broken = "not-a-token"
        let input = "\n\(Self.clean)\n   \n\(broken)\nBearer \(Self.clean)\r\n"
        let run = try CLI.run(["lint", "--key", Self.keyA, "--now", Self.now, "--format", "json"], input: input)
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.map { $0["index"] as? Int } == [0, 1, 2])
        #expect(results.map { $0["line"] as? Int } == [2, 4, 5])
        #expect(results.map { $0["signature"] as? String } == ["verified", "unchecked", "verified"])
    }

    @Test("A token that starts with '-' can follow '--'")
    func doubleDash() throws {
        let run = try CLI.run(["lint", "--now", Self.now, "--", "-abc.def.ghi"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("token."))
    }

    @Test("The JSON output follows the documented contract")
    func jsonContract() throws {
        let run = try CLI.run(["lint", "--key", Self.keyA, "--now", Self.now, "--format", "json", Self.clean, "a.b"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["results", "summary"])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let first = results[0], second = results[1]
        #expect(Set(first.keys) == ["index", "profile", "signature", "header", "claims", "findings"])
        #expect(first["profile"] as? String == "app-store-server-api")
        #expect((first["header"] as? [String: Any])?["alg"] as? String == "ES256")
        #expect((first["claims"] as? [String: Any])?["aud"] as? String == "appstoreconnect-v1")
        #expect(Set(second.keys) == ["index", "profile", "signature", "findings"], "header and claims must be absent when they did not decode")
        let finding = try #require((second["findings"] as? [[String: Any]])?.first)
        #expect(Set(finding.keys) == ["rule", "severity", "message", "hint"])
        #expect(finding["rule"] as? String == "token.format")
        #expect(finding["severity"] as? String == "error")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["tokens"] as? Int == 2)
        #expect(summary["failed"] as? Int == 1)
        #expect(summary["passed"] as? Int == 1)
        #expect(Set(summary.keys) == ["tokens", "passed", "failed", "errors", "warnings", "infos", "signatures", "profiles"])
        #expect(summary["profiles"] as? [String: Int] == ["app-store-server-api": 2])
    }

    @Test("Without a key the signature is reported unverified, as a warning")
    func noKey() throws {
        let run = try CLI.run(["lint", "--now", Self.now, Self.clean])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("signature.unverified"))
        #expect(run.standardOutput.contains("signature not checked"))
    }

    @Test("Colour appears on a terminal, and not with NO_COLOR set or on a pipe")
    func colourOnlyOnATerminal() throws {
        // script(1) runs the command on a pseudo-terminal.
        let command = "\(CLI.binary.path) lint --now \(Self.now) \(Self.clean)"
        let onTerminal = try CLI.run(["-qec", command, "/dev/null"], executable: "/usr/bin/script")
        #expect(onTerminal.standardOutput.contains("\u{1B}[32mok"), "\(onTerminal.standardOutput)")
        let noColour = try CLI.run(["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1"], executable: "/usr/bin/script")
        // The verdict itself, not any "ok" (every "token N" has one).
        #expect(noColour.standardOutput.contains("): ok") && !noColour.standardOutput.contains("\u{1B}["), "\(noColour.standardOutput)")
        let piped = try CLI.run(["lint", "--now", Self.now, Self.clean])
        #expect(!piped.standardOutput.contains("\u{1B}["))
    }

    @Test("A key file whose text is broken never has its base64 printed")
    func brokenKeyNotPrinted() throws {
        let pem = try String(contentsOfFile: Self.keyA, encoding: .utf8)
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let variants = [
            pem.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "-----END PRIVATE KEY-----", with: ""),
            pem.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "BEGIN PRIVATE KEY-----", with: "BEGIN PRIVATE KEY----"),
            pem + pem,
        ]
        for (index, text) in variants.enumerated() {
            let file = directory.appendingPathComponent("key\(index).p8")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let run = try CLI.run(["lint", "--key", file.path, "--now", Self.now, Self.clean])
            #expect(run.status == 2, "variant \(index)")
            for start in stride(from: 0, to: body.count - 12, by: 12) {
                #expect(!run.standardError.contains(String(body.dropFirst(start).prefix(12))), "variant \(index): \(run.standardError)")
            }
        }
    }

    @Test("Private key material never appears in any output")
    func privateKeyNeverPrinted() throws {
        let pem = try String(contentsOfFile: Self.keyA, encoding: .utf8)
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        for arguments in [
            ["lint", "--key", Self.keyA, "--now", Self.now, "--format", "json", Self.clean],
            ["lint", "--key", Self.keyA, "--now", Self.now, Self.clean, "x.y.z"],
        ] {
            let run = try CLI.run(arguments)
            for chunk in stride(from: 0, to: body.count - 16, by: 16) {
                let piece = String(body.dropFirst(chunk).prefix(16))
                #expect(!run.standardOutput.contains(piece) && !run.standardError.contains(piece))
            }
        }
    }
}

@Suite("jwtlint lint --jobs, end to end")
struct ParallelLintTests {
    /// Every lint vector's input, repeated past the size of one chunk, so several chunks and every worker run.
    static func manyInputs() throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.vector("lint/cases.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tokens = (object["cases"] as? [[String: Any]] ?? []).compactMap { $0["token"] as? String }
            .filter { !$0.contains("\n") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(tokens.count > 200)
        return Array(repeating: tokens.joined(separator: "\n"), count: 20).joined(separator: "\n") + "\n"
    }

    @Test("Output is byte-identical for 1, 2 and 3 jobs, in JSON and text")
    func parallelOutputIsIdentical() throws {
        let input = try Self.manyInputs()
        for format in ["json", "text"] {
            let runs = try [1, 2, 3].map { jobs in
                try CLI.run(
                    ["lint", "--jobs", "\(jobs)", "--key", LintCommandTests.keyA, "--now", LintCommandTests.now, "--format", format, "-"],
                    input: input)
            }
            #expect(runs[0].status == 1)
            #expect(runs[0].standardOutput.count > 100_000)
            for run in runs.dropFirst() {
                #expect(run.status == runs[0].status)
                #expect(run.standardOutput == runs[0].standardOutput, "\(format)")
            }
        }
    }

    @Test("Input that pauses before the first line and then brings thousands of tokens gives the same output")
    func pausedThenBulk() throws {
        let input = try Self.manyInputs()
        let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines.prefix(1).joined(separator: "\n") + "\n"
        let rest = lines.dropFirst().joined(separator: "\n")
        let arguments = ["lint", "--jobs", "2", "--key", LintCommandTests.keyA, "--now", LintCommandTests.now, "--format", "json", "-"]
        let paused = try CLI.runInBursts(arguments, bursts: [first, rest], pause: 0.3)
        let whole = try CLI.run(arguments, input: input)
        #expect(paused.status == whole.status)
        #expect(paused.standardOutput == whole.standardOutput)
        #expect(paused.standardOutput.count > 100_000)
    }

    @Test("--jobs must be a number from 1 to 512", arguments: ["0", "-1", "many", "513"])
    func badJobs(_ value: String) throws {
        let run = try CLI.run(["lint", "--jobs", value, LintCommandTests.clean])
        #expect(run.status == 2)
    }
}
