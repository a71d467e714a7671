import ArgumentParser
import JWTLint

extension JWTLintCommand {
    /// `jwtlint decode`: shows what a token says, with its times in UTC and relative to now.
    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a token's header and claims, with its times in UTC and relative to now. Verifies nothing.",
            discussion: """
                TOKEN may be the bare token, 'Bearer <token>' or 'Authorization: Bearer <token>'; '-' reads one \
                line from standard input. To check the token, use 'jwtlint lint'.
                """)

        @Option(name: .long, help: ArgumentHelp("Show times relative to this Unix time (default: this machine's clock).", valueName: "unix-seconds"))
        var now: String?

        @Argument(help: ArgumentHelp("The token, or '-' to read it from standard input.", valueName: "token"))
        var token: String

        func run() throws {
            let time = try CheckValues.time(now: now)
            var input = token
            if token == "-" {
                var lines = InputLines()
                var found: String?
                while let line = try lines.next() {
                    if case .text(let text, _) = line, !text.allSatisfy(\.isWhitespace) {
                        found = text
                        break
                    }
                    if case .oversized(let count, _) = line {
                        throw UsageError(message: "standard input holds a \(count)-byte line, too long to be a token")
                    }
                }
                guard let found else { throw UsageError(message: "standard input holds no token") }
                input = found
            }
            let decoded = DecodedToken.decode(input)
            let text = DecodeReport.text(decoded, now: time)
            Output.standardOutput(text)
            if !decoded.findings.isEmpty {
                for finding in decoded.findings {
                    Output.standardError("\(finding.severity.rawValue) \(finding.rule): \(finding.message)\n")
                }
                Output.flush()
                throw ExitCode(ExitStatus.findings)
            }
        }
    }
}

