import ArgumentParser
import JWTLint

/// Output formats of `jwtlint lint`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension JWTLintCommand {
    /// `jwtlint lint`: checks tokens and reports every finding.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check tokens against the App Store Server API rules and verify their signatures.",
            discussion: """
                Each TOKEN may be the bare token, 'Bearer <token>' or a header line 'Authorization: Bearer <token>'. \
                With '-' or no TOKEN, tokens are read from standard input, one per line (blank lines skipped). A \
                token that starts with '-' can follow '--'.

                Examples:
                  jwtlint lint --key SubscriptionKey_2X9R4HXF34.p8 "$TOKEN"
                  jwtlint lint --key key.pub.pem --issuer 57246542-96fe-1a63-e053-0824d011072a \\
                               --bundle-id com.example.app --format json - < tokens.txt
                  jwtlint lint --now 1767225600 "Authorization: Bearer $TOKEN"

                Exit status: 0 when no finding is an error, 1 when any is, 2 for unusable input.
                See 'jwtlint rules' for every rule.
                """)

        @Option(name: .long, help: ArgumentHelp(
            "The key to verify signatures with: Apple's .p8 (the public key is derived from it), a public key PEM, or a public EC JWK.",
            valueName: "file"))
        var key: String?

        @Option(name: .long, help: ArgumentHelp(
            "The expected key ID (header kid). Default: the ID in the key file's name (SubscriptionKey_<ID>.p8, AuthKey_<ID>.p8).",
            valueName: "id"))
        var kid: String?

        @Option(name: .long, help: ArgumentHelp("The expected issuer ID (claim iss).", valueName: "uuid"))
        var issuer: String?

        @Option(name: .customLong("bundle-id"), help: ArgumentHelp("The expected bundle ID (claim bid), case-sensitive.", valueName: "id"))
        var bundleID: String?

        @Option(name: .long, help: ArgumentHelp("Check as of this time, in Unix seconds (default: this machine's clock).", valueName: "unix-seconds"))
        var now: String?

        @Option(name: .long, help: ArgumentHelp("How far iat may be ahead of now, in seconds.", valueName: "seconds"))
        var leeway: String = "60"

        @Option(name: .long, help: ArgumentHelp("Output format: text (for people) or json (a documented contract, see the README).", valueName: "format"))
        var format: OutputFormat = .text

        @Argument(help: ArgumentHelp("Tokens to check, or '-' for standard input (the default).", valueName: "token"))
        var tokens: [String] = []

        func run() throws {
            let options = try makeOptions()
            let linter = Linter(options: options)
            let reporter: any Reporter =
                format == .json ? JSONReporter() : TextReporter(colour: Output.wantsColour, now: options.now)
            var summary = LintSummary()
            var index = 0
            Output.standardOutput(reporter.opening())
            var buffer: [UInt8] = []
            func emit(_ result: LintResult, line: Int?) {
                reporter.report(ReportedResult(index: index, line: line, result: result), isFirst: index == 0, into: &buffer)
                Output.standardOutput(bytes: &buffer)
                summary.add(result)
                index += 1
            }
            for argument in tokens.isEmpty ? ["-"] : tokens {
                if argument == "-" {
                    var lines = InputLines()
                    while let line = try lines.next() {
                        switch line {
                        case .text(let text, let number):
                            if text.allSatisfy(\.isWhitespace) { continue }
                            emit(linter.lint(text), line: number)
                        case .oversized(let byteCount, let number):
                            emit(linter.lintOversizedInput(byteCount: byteCount), line: number)
                        }
                    }
                } else {
                    emit(linter.lint(argument), line: nil)
                }
            }
            Output.standardOutput(reporter.closing(summary))
            Output.flush()
            if summary.failed > 0 { throw ExitCode(ExitStatus.findings) }
        }

        private func makeOptions() throws -> LintOptions {
            let time: Double
            if let now {
                guard let value = Double(now), value.isFinite, value >= 0 else {
                    throw UsageError(message: "--now \(now) is not a Unix time in seconds (a number such as 1767225600)")
                }
                time = value
            } else {
                time = Output.currentTime()
            }
            guard let leewayValue = Double(leeway), leewayValue.isFinite, leewayValue >= 0 else {
                throw UsageError(message: "--leeway \(leeway) is not a number of seconds (0 or more)")
            }
            var options = LintOptions(now: time, expectedKeyID: kid, issuer: issuer, bundleID: bundleID, leeway: leewayValue)
            if let key {
                do {
                    let loaded = try VerificationKey.load(contentsOf: key)
                    options.key = loaded.publicKey
                    options.keyIDFromFileName = loaded.keyIDFromFileName
                } catch {
                    throw UsageError(message: "key file '\(key)' \(error)")
                }
            }
            return options
        }
    }
}
