import ArgumentParser
import JWTLint

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `jwtlint`: verifies and lints the JWTs a server signs with an App Store Connect In-App Purchase key.
@main
struct JWTLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jwtlint",
        abstract: "Verify and lint what an In-App Purchase key signs: App Store Server API tokens, StoreKit in-app JWS, legacy offer signatures.",
        discussion: """
            Picks the rules of each token's kind (its profile: app-store-server-api, promotional-offer, \
            introductory-offer-eligibility, advanced-commerce-in-app, or app-store-connect-api when asked), checks \
            the header (alg, kid, typ), the claims that kind needs and the ES256 signature against your key, and \
            explains every problem with a stable rule ID and a fix.

            Examples:
              jwtlint lint --key SubscriptionKey_2X9R4HXF34.p8 "$TOKEN"
              pbpaste | jwtlint lint --key key.pub.pem --bundle-id com.example.app -
              jwtlint lint --profile app-store-connect-api --key AuthKey_ABCDE12345.p8 "$ASC_TOKEN"
              jwtlint offer-signature --key key.p8 --bundle-id ID --product ID --offer ID --nonce UUID --timestamp MS SIG
              jwtlint decode "Authorization: Bearer $TOKEN"
              jwtlint rules --profile promotional-offer

            Exit status: 0 no error finding, 1 an error finding, 2 unusable input (key, flags, unreadable input).

            jwtlint \(JWTLintVersion.current)
            """,
        version: JWTLintVersion.current,
        subcommands: [Lint.self, Diagnose.self, Decode.self, Rules.self, Explain.self, Pubkey.self, Sign.self, OfferSignature.self, Serve.self, Notify.self, Realtime.self, Chain.self],
        defaultSubcommand: Lint.self
    )

    /// Runs the command, mapping every failure to jwtlint's exit statuses: usage errors exit 2, not 64.
    static func main() {
        // First thing, before OpenSSL or jansson allocates: key material they free is overwritten.
        MemoryHygiene.clearFreedMemory()
        do {
            if let invocation = LintInvocation.parse(Array(CommandLine.arguments.dropFirst())) {
                try invocation.run()
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch let error as UsageError {
            Output.standardError("jwtlint: \(error.message)\n")
            Output.flush()
            terminate(ExitStatus.unusableInput)
        } catch {
            Output.flush()
            let code = exitCode(for: error)
            if code == .success || error is ExitCode {
                self.exit(withError: error)
            }
            Output.standardError(fullMessage(for: error) + "\n")
            terminate(ExitStatus.unusableInput)
        }
        Output.flush()
    }
}

/// jwtlint's exit statuses.
enum ExitStatus {
    /// No finding is an error.
    static let clean: Int32 = 0
    /// At least one finding is an error.
    static let findings: Int32 = 1
    /// The input could not be used: key, flags, unreadable input.
    static let unusableInput: Int32 = 2
}

/// A problem with what the user gave (key file, flag value, input), reported as one line, exit status 2.
struct UsageError: Error {
    let message: String
}
