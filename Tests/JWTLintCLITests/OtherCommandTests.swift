import ArgumentParser
import Foundation
import Testing
import JWTLint
@testable import JWTLintCLI

@Suite("jwtlint rules and decode, end to end")
struct OtherCommandTests {
    @Test("rules lists every rule ID with its default severity")
    func rules() throws {
        let run = try CLI.run(["rules"])
        #expect(run.status == 0)
        for rule in RuleCatalog.all {
            #expect(run.standardOutput.contains(rule.id.rawValue), "\(rule.id)")
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
        #expect(table == RuleCatalogReport.markdown(), "Regenerate the README table with: swift run jwtlint rules --format markdown")
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

@Suite("jwtlint explain, --tokens-file and --quiet, end to end")
struct MoreCommandTests {
    @Test("explain prints a rule's summary, explanation, source, fix and examples", arguments: RuleCatalog.all.map(\.id.rawValue))
    func explain(_ id: String) throws {
        let run = try CLI.run(["explain", id])
        let rule = try #require(RuleCatalog.rule(id: id))
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("\(id) (\(rule.defaultSeverity.rawValue))"))
        for heading in ["Source:", "Fix:", "Examples that break the rule:", "Examples that keep it:"] {
            #expect(run.standardOutput.contains(heading))
        }
        #expect(run.standardOutput.contains(rule.triggeringExamples[0].note))
    }

    @Test("explain refuses an unknown rule with exit 2 and suggests the near ones")
    func explainUnknown() throws {
        let run = try CLI.run(["explain", "lifetime"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("claims.lifetime"))
    }

    @Test("--tokens-file reads one token per line and names each line")
    func tokensFile() throws {
        let run = try CLI.run([
            "lint", "--tokens-file", CLI.vector("samples/tokens.txt"), "--key", LintCommandTests.keyA,
            "--now", LintCommandTests.now, "--format", "json",
        ])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let lines = (object["results"] as? [[String: Any]] ?? []).map { $0["line"] as? Int }
        #expect(lines == Array(1...LintCommandTests.samples.count))
        let missing = try CLI.run(["lint", "--tokens-file", "/nonexistent/tokens.txt"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("/nonexistent/tokens.txt"))
    }

    @Test("--quiet prints nothing and keeps the exit status")
    func quiet() throws {
        let clean = try CLI.run(["lint", "--quiet", "--key", LintCommandTests.keyA, "--now", LintCommandTests.now, LintCommandTests.clean])
        #expect(clean.status == 0 && clean.standardOutput.isEmpty)
        let broken = try CLI.run(["lint", "--quiet", "--now", LintCommandTests.now, "a.b"])
        #expect(broken.status == 1 && broken.standardOutput.isEmpty)
        let viaParser = try CLI.run(["lint", "-q", "--now", LintCommandTests.now, "a.b"])
        #expect(viaParser.status == 1 && viaParser.standardOutput.isEmpty)
    }
}

@Suite("jwtlint pubkey, end to end")
struct PubkeyCommandTests {
    @Test("pubkey prints the .p8's public key as the same PEM openssl derives")
    func pem() throws {
        let run = try CLI.run(["pubkey", "--key", LintCommandTests.keyA])
        #expect(run.status == 0)
        #expect(run.standardOutput == (try String(contentsOfFile: CLI.vector("keys/TESTKEYA01.pub.pem"), encoding: .utf8)))
        #expect(!run.standardOutput.contains("PRIVATE"))
    }

    @Test("pubkey --format jwk prints the public JWK with the file's kid, and the RFC 7638 thumbprint")
    func jwk() throws {
        let run = try CLI.run(["pubkey", "--key", LintCommandTests.keyA, "--format", "jwk"])
        #expect(run.status == 0)
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: String])
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: CLI.vector("keys/TESTKEYA01.jwk.json")))) as? [String: String])
        #expect(printed == expected)
        #expect(printed["d"] == nil)
        // The thumbprint, computed independently with the openssl command line over RFC 7638's canonical JSON.
        let canonical = #"{"crv":"P-256","kty":"EC","x":""# + expected["x"]! + #"","y":""# + expected["y"]! + #""}"#
        let viaBase64 = try CLI.run(["-c", "printf '%s' '\(canonical)' | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '='"], executable: "/bin/sh")
        #expect(run.standardError.contains("thumbprint (RFC 7638, SHA-256): \(viaBase64.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))"))
    }

    @Test("A private key readable by group or others draws a warning; mode 600 does not")
    func permissionWarning() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("SubscriptionKey_TESTKEYA01.p8")
        try FileManager.default.copyItem(atPath: LintCommandTests.keyA, toPath: file.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let open = try CLI.run(["pubkey", "--key", file.path])
        #expect(open.standardError.contains("warning") && open.standardError.contains("chmod 600"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let closed = try CLI.run(["pubkey", "--key", file.path])
        #expect(!closed.standardError.contains("warning"))
        let lint = try CLI.run(["lint", "--key", file.path, "--now", LintCommandTests.now, LintCommandTests.clean])
        #expect(lint.status == 0 && !lint.standardError.contains("warning"))
    }
}

@Suite("jwtlint sign, end to end")
struct SignCommandTests {
    static let issuer = "57246542-96fe-1a63-e053-0824d011072a"

    @Test("sign makes a token that lints clean against the public key, with Apple's claims and a 5-minute lifetime")
    func signsCleanTokens() throws {
        let run = try CLI.run([
            "sign", "--key", LintCommandTests.keyA, "--issuer", Self.issuer, "--bundle-id", "com.example.app", "--now", "1767225600",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let token = run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let lint = try CLI.run([
            "lint", "--key", CLI.vector("keys/TESTKEYA01.pub.pem"), "--kid", "TESTKEYA01", "--issuer", Self.issuer,
            "--bundle-id", "com.example.app", "--now", "1767225700", "--format", "json", token,
        ])
        #expect(lint.status == 0, "\(lint.standardOutput)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lint.standardOutput.utf8)) as? [String: Any])
        let result = try #require((object["results"] as? [[String: Any]])?.first)
        #expect(result["signature"] as? String == "verified")
        #expect((result["findings"] as? [Any])?.isEmpty == true)
        let claims = try #require(result["claims"] as? [String: Any])
        #expect(claims["iat"] as? Int == 1_767_225_600)
        #expect(claims["exp"] as? Int == 1_767_225_900)
        #expect(claims["aud"] as? String == "appstoreconnect-v1")
        #expect((result["header"] as? [String: Any])?["typ"] as? String == "JWT")
    }

    @Test("sign refuses a lifetime over 3600 s, a public key, and a key with no key ID", arguments: [
        ["--lifetime", "3601"], ["--lifetime", "0"],
    ])
    func refuses(_ flags: [String]) throws {
        let run = try CLI.run(["sign", "--key", LintCommandTests.keyA, "--issuer", Self.issuer, "--bundle-id", "a"] + flags)
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
    }

    @Test("sign needs a private key and a key ID")
    func needsPrivateKeyAndKeyID() throws {
        let publicOnly = try CLI.run(["sign", "--key", CLI.vector("keys/TESTKEYA01.pub.pem"), "--issuer", Self.issuer, "--bundle-id", "a"])
        #expect(publicOnly.status == 2 && publicOnly.standardError.contains("private key"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let renamed = directory.appendingPathComponent("key.p8")
        try FileManager.default.copyItem(atPath: LintCommandTests.keyA, toPath: renamed.path)
        let noKeyID = try CLI.run(["sign", "--key", renamed.path, "--issuer", Self.issuer, "--bundle-id", "a"])
        #expect(noKeyID.status == 2 && noKeyID.standardError.contains("--kid"))
        let withKeyID = try CLI.run(["sign", "--key", renamed.path, "--issuer", Self.issuer, "--bundle-id", "a", "--kid", "TESTKEYA01"])
        #expect(withKeyID.status == 0)
    }
}

@Suite("Configuration files, end to end")
struct ConfigurationCommandTests {
    /// Runs `jwtlint arguments…` in a new folder holding `.jwtlint.json` with `configuration`, from a subfolder.
    static func runWithConfiguration(_ configuration: String, _ arguments: [String]) throws -> CLIRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-\(UUID().uuidString)")
        let sub = directory.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try configuration.write(to: directory.appendingPathComponent(".jwtlint.json"), atomically: true, encoding: .utf8)
        let quoted = ([CLI.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try CLI.run(["-c", "cd '\(sub.path)' && " + quoted.joined(separator: " ")], executable: "/bin/sh")
    }

    @Test("The nearest .jwtlint.json is used; its key verifies and its rule settings apply")
    func discovered() throws {
        let token = LintCommandTests.samples[1]  // no iat: a claims.iat warning
        let configuration = #"{"key": "\#(CLI.vector("keys/TESTKEYA01.pub.pem"))", "rules": {"claims.iat": "error"}}"#
        let run = try Self.runWithConfiguration(configuration, ["lint", "--now", LintCommandTests.now, "--format", "json", token])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains(#""signature":"verified""#))
        #expect(run.standardOutput.contains(#""rule":"claims.iat","severity":"error""#))
    }

    @Test("Flags override the file")
    func flagsOverride() throws {
        let configuration = #"{"bundleId": "com.example.other", "leeway": 0}"#
        let token = LintCommandTests.clean
        let fromFile = try Self.runWithConfiguration(configuration, ["lint", "--now", LintCommandTests.now, token])
        #expect(fromFile.status == 1 && fromFile.standardOutput.contains("claims.bid"))
        let overridden = try Self.runWithConfiguration(
            configuration, ["lint", "--now", LintCommandTests.now, "--bundle-id", "com.example.app", token])
        #expect(overridden.status == 0, "\(overridden.standardOutput)")
    }

    @Test("A broken configuration stops the run with exit 2, naming the file and line")
    func broken() throws {
        let run = try Self.runWithConfiguration("{\n  \"bundleid\": \"x\"\n}\n", ["lint", LintCommandTests.clean])
        #expect(run.status == 2)
        #expect(run.standardError.contains(".jwtlint.json:2: unknown setting \"bundleid\""))
    }

    @Test("--warnings-as-errors fails a run that has only warnings")
    func warningsAsErrors() throws {
        let run = try CLI.run(["lint", "--warnings-as-errors", "--now", LintCommandTests.now, LintCommandTests.clean])
        #expect(run.status == 1)
        let plain = try CLI.run(["lint", "--now", LintCommandTests.now, LintCommandTests.clean])
        #expect(plain.status == 0)
    }
}

@Suite("Shell completions and the manual's source")
struct CompletionTests {
    /// Where each shell's script completes a subcommand, and an option of a subcommand: the forms
    /// swift-argument-parser writes. A bare name would not do: every script says "jwtlint" dozens of times.
    static func subcommandEntry(_ name: String, shell: String) -> String {
        switch shell {
        case "bash": return "_jwtlint_\(name)() {"
        case "zsh": return "'\(name):"
        default: return "-fa '\(name)'"
        }
    }

    static func optionEntry(_ option: String, of command: String, shell: String) -> String {
        switch shell {
        case "bash": return "--\(option)"
        case "zsh": return "'--\(option)["
        default: return "\"jwtlint \(command)\" \(option)' -l '\(option)'"
        }
    }

    /// The part of a bash or zsh script that completes `command`: from its function to the next one.
    static func function(_ command: String, in script: String) -> Substring {
        guard let start = script.range(of: "_jwtlint_\(command)() {") else { return "" }
        let rest = script[start.upperBound...]
        return rest[..<(rest.range(of: "\n_jwtlint_")?.lowerBound ?? rest.endIndex)]
    }

    @Test("Completion scripts for bash, zsh and fish complete every subcommand and the options of lint and diagnose", arguments: ["bash", "zsh", "fish"])
    func completions(_ shell: String) throws {
        let run = try CLI.run(["--generate-completion-script", shell])
        #expect(run.status == 0)
        let script = run.standardOutput
        let subcommands = JWTLintCommand.configuration.subcommands.map { $0._commandName }
        #expect(subcommands.contains("diagnose") && subcommands.contains("offer-signature"))
        for name in subcommands {
            #expect(script.contains(Self.subcommandEntry(name, shell: shell)), "\(shell): subcommand \(name)")
        }
        for (command, option) in [("lint", "tokens-file"), ("lint", "profile"), ("diagnose", "response"), ("diagnose", "issuer"), ("sign", "bundle-id")] {
            let entry = Self.optionEntry(option, of: command, shell: shell)
            let place = shell == "fish" ? script : String(Self.function(command, in: script))
            #expect(place.contains(entry), "\(shell): \(command) --\(option)")
        }
    }

    @Test("The help dump that the man page is generated from lists every subcommand")
    func manualSource() throws {
        let run = try CLI.run(["--experimental-dump-help"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let command = try #require(object["command"] as? [String: Any])
        let names = (command["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
        for name in ["lint", "decode", "rules", "explain", "pubkey", "sign"] {
            #expect(names.contains(name), "\(name)")
        }
    }
}

@Suite("The version")
struct VersionTests {
    @Test("jwtlint --version, jwtlint serve --version and the end of jwtlint --help all say the one version the library holds")
    func oneVersion() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && version.standardOutput == JWTLintVersion.current + "\n")
        let serve = try CLI.run(["serve", "--version"])
        #expect(serve.status == 0 && serve.standardOutput == JWTLintVersion.current + "\n", "\(serve.standardError)")
        #expect(try CLI.run(["--help"]).standardOutput.contains("jwtlint \(JWTLintVersion.current)"))
        #expect(JWTLintVersion.current.split(separator: ".").count == 3 && JWTLintVersion.current.split(separator: ".").allSatisfy { Int($0) != nil })
    }
}
