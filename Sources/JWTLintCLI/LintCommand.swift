import ArgumentParser
import JWTLint

/// Output formats of `jwtlint lint`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif, junit
}

extension JWTLintCommand {
    /// `jwtlint lint`: checks tokens and reports every finding.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check tokens under the rules of their kind (profile) and verify their signatures.",
            discussion: """
                Each TOKEN may be the bare token, 'Bearer <token>' or a header line 'Authorization: Bearer <token>'. \
                With '-' or no TOKEN, tokens are read from standard input, one per line (blank lines skipped). A \
                token that starts with '-' can follow '--'. A JSON document from Apple (a notification body \
                {"signedPayload": ...} or an API response) is read for every signed member in it.

                Each token is judged under a profile: with --profile auto (the default), the one its aud names \
                (promotional-offer, introductory-offer-eligibility, advanced-commerce-api for the StoreKit in-app \
                JWS); apple-signed for data the App Store signs (a header with x5c, or a payload of App Store \
                data), judged as Apple's SignedDataVerifier judges it, with its status; else app-store-server-api. \
                Pin one with --profile NAME to fail tokens of any other kind; App Store Connect API tokens are \
                judged as such only with --profile app-store-connect-api.

                Examples:
                  jwtlint lint --key SubscriptionKey_2X9R4HXF34.p8 "$TOKEN"
                  jwtlint lint --key key.pub.pem --issuer 57246542-96fe-1a63-e053-0824d011072a \\
                               --bundle-id com.example.app --format json - < tokens.txt
                  jwtlint lint --now 1767225600 "Authorization: Bearer $TOKEN"
                  jwtlint lint --profile promotional-offer --key key.pub.pem "$PROMOTIONAL_OFFER_JWS"
                  jwtlint lint --environment production --app-apple-id 1234567890 \
                               --bundle-id com.example.app < notification-body.json

                Exit status: 0 when no finding is an error, 1 when any is (for App Store-signed data: exactly \
                when Apple's verifier would not answer OK), 2 for unusable input.
                See 'jwtlint rules' for every rule.
                """)

        @OptionGroup var check: CheckOptions

        @Option(name: .long, help: ArgumentHelp("Output format: text (for people), json (a documented contract, see the README), github (Actions annotations), sarif (2.1.0) or junit (XML).", valueName: "format"))
        var format: OutputFormat = .text

        @Option(name: .long, help: ArgumentHelp("Threads to verify with (default: the number of cores). Output order and content do not depend on it.", valueName: "n"))
        var jobs: String?

        @Option(name: .customLong("tokens-file"), help: ArgumentHelp(
            "Read tokens from this file, one per line ('-' for standard input); results name the line.", valueName: "file"))
        var tokensFile: String?

        @Flag(name: .customLong("warnings-as-errors"), help: "Count warnings as errors (exit status 1).")
        var warningsAsErrors = false

        @Flag(name: .shortAndLong, help: "Print nothing; only the exit status tells the verdict.")
        var quiet = false

        @Flag(name: .customLong("show-token"), help: "Print each token itself (text and json); by default reports show only a fingerprint and what the token decoded to, so CI logs never keep a usable token.")
        var showToken = false

        @Argument(help: ArgumentHelp("Tokens to check, or '-' for standard input (the default).", valueName: "token"))
        var tokens: [String] = []

        /// What this command line asks for, as plain values.
        var invocation: LintInvocation {
            LintInvocation(
                check: check.values, format: format, jobs: jobs, tokensFile: tokensFile, quiet: quiet, showToken: showToken,
                warningsAsErrors: warningsAsErrors, tokens: tokens)
        }

        func run() throws {
            try invocation.run()
        }
    }
}
