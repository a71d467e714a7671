import ArgumentParser
import JWTLint

extension JWTLintCommand {
    /// `jwtlint sign`: a token that lints clean, made as Apple's libraries make them.
    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a signed App Store Server API token that lints clean (for testing, or as a reference).",
            discussion: """
                The token has the header alg ES256, kid and typ JWT, and the claims iss, iat, exp, aud \
                appstoreconnect-v1 and bid, as Apple's libraries make it. Its lifetime is 5 minutes unless \
                --lifetime says otherwise; more than 3600 s is refused. Before printing, jwtlint lints the token it \
                made against the key.

                Example:
                  jwtlint sign --key SubscriptionKey_2X9R4HXF34.p8 --issuer 57246542-96fe-1a63-e053-0824d011072a \\
                               --bundle-id com.example.app
                """)

        @Option(name: .long, help: ArgumentHelp("Apple's .p8 (the In-App Purchase private key).", valueName: "file"))
        var key: String

        @Option(name: .long, help: ArgumentHelp("The issuer ID (claim iss).", valueName: "uuid"))
        var issuer: String

        @Option(name: .customLong("bundle-id"), help: ArgumentHelp("The app's bundle ID (claim bid).", valueName: "id"))
        var bundleID: String

        @Option(name: .long, help: ArgumentHelp("The key ID (header kid). Default: the ID in the key file's name.", valueName: "id"))
        var kid: String?

        @Option(name: .long, help: ArgumentHelp("Seconds from iat to exp, 1 to 3600.", valueName: "seconds"))
        var lifetime: Int = TokenSigner.defaultLifetime

        @Option(name: .long, help: ArgumentHelp("iat, in Unix seconds (default: this machine's clock).", valueName: "unix-seconds"))
        var now: String?

        func run() throws {
            let issuedAt = Int64(try LintInvocation.time(now: now).rounded(.down))
            var options = LintOptions(now: Double(issuedAt), expectedKeyID: kid, issuer: issuer, bundleID: bundleID)
            if let problem = options.problems.first { throw UsageError(message: problem) }
            let signingKey: SigningKey
            do {
                signingKey = try SigningKey.load(contentsOf: key)
            } catch {
                throw UsageError(message: "key file '\(key)' \(error)")
            }
            if signingKey.readableByOthers {
                Output.standardError("jwtlint: warning: key file '\(key)' holds a private key that group or others can read; 'chmod 600' it\n")
            }
            guard let keyID = kid ?? signingKey.keyIDFromFileName else {
                throw UsageError(message: "no key ID: pass --kid, or name the key file SubscriptionKey_<KEYID>.p8 as Apple does")
            }
            let token: String
            do {
                token = try TokenSigner.token(
                    key: signingKey.privateKey, keyID: keyID, issuer: issuer, bundleID: bundleID, issuedAt: issuedAt,
                    lifetime: lifetime)
            } catch {
                throw UsageError(message: "\(error)")
            }
            options.key = signingKey.privateKey.publicKey
            options.expectedKeyID = keyID
            let result = Linter(options: options).lint(token)
            guard !result.hasErrors else {
                throw UsageError(message: "the token made does not lint clean: \(result.findings.map(\.message).joined(separator: " "))")
            }
            Output.standardOutput(token + "\n")
        }
    }
}
