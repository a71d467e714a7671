import ArgumentParser
import JWTLint

extension JWTLintCommand {
    /// `jwtlint chain`: the test chain that signs notifications and the stand-in's data.
    struct Chain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a test chain shaped like Apple's, for 'notify' and 'serve' to sign with (--chain DIR).",
            subcommands: [Create.self])

        /// `jwtlint chain create DIR`.
        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write a new test chain into a folder: root.pem for your verifier to trust, and its keys.",
                discussion: """
                    The chain is shaped like the App Store's: a P-384 root and intermediate, a P-256 leaf, Apple's \
                    marker OIDs (1.2.840.113635.100.6.2.1 on the intermediate, 1.2.840.113635.100.6.11.1 on the leaf), \
                    names that say TEST ONLY. DIR gets root.pem, intermediate.pem and leaf.pem, and the private keys \
                    root.key, intermediate.key and leaf.key (mode 0600). Give root.pem to the verifier of the handler \
                    under test (Apple's SignedDataVerifier with online checks off), and DIR to 'jwtlint notify --chain' \
                    and 'jwtlint serve --chain', so that every run signs with the same root. Nothing it signs verifies \
                    against Apple's root.

                    Examples:
                      jwtlint chain create test-chain
                      jwtlint notify DID_RENEW --chain test-chain --url http://localhost:8080/notifications
                    """)

            @Argument(help: ArgumentHelp("The folder to write (made if missing).", valueName: "dir"))
            var folder: String

            @Flag(name: .long, help: "Replace a chain already in the folder (its old root is no longer trusted by anything signed after).")
            var force = false

            @Option(name: .long, help: ArgumentHelp("How many years the chain is valid (default 2).", valueName: "years"))
            var years: Int = 2

            func run() throws {
                let now = Output.currentTime()
                do {
                    try TestChainDirectory.create(in: folder, now: now, years: years, force: force)
                } catch {
                    throw UsageError(message: error.description)
                }
                Output.standardOutput("wrote a test chain to \(folder): trust \(folder)/root.pem; the keys are \(TestChainDirectory.keyFiles.joined(separator: ", ")) (mode 0600)\n")
            }
        }
    }
}
