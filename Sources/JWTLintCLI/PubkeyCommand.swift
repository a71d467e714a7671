import ArgumentParser
import JWTLint

extension JWTLintCommand {
    /// `jwtlint pubkey`: the public key of a `.p8`, so that CI can verify without the private key.
    struct Pubkey: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the public key of a key file (derived from a .p8), with its RFC 7638 JWK thumbprint.",
            discussion: """
                Give the output to 'jwtlint lint --key' on machines that should not hold the private key, such as a \
                CI runner:
                  jwtlint pubkey --key SubscriptionKey_2X9R4HXF34.p8 > SubscriptionKey_2X9R4HXF34.pub.pem
                The thumbprint identifies the key without revealing it. Private key material is never printed.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case pem, jwk
        }

        @Option(name: .long, help: ArgumentHelp("The key file: Apple's .p8, a public key PEM, or a public JWK.", valueName: "file"))
        var key: String

        @Option(name: .long, help: ArgumentHelp("Output format: pem (SubjectPublicKeyInfo) or jwk.", valueName: "format"))
        var format: Format = .pem

        func run() throws {
            let loaded = try KeyFileLoader.load(key)
            let publicKey = loaded.publicKey
            switch format {
            case .pem:
                Output.standardOutput(publicKey.pem)
                Output.standardError("jwtlint: JWK thumbprint (RFC 7638, SHA-256): \(publicKey.thumbprint)\n")
            case .jwk:
                var jwk = publicKey.jwk
                jwk.removeLast()
                if let keyID = loaded.keyIDFromFileName { jwk += #","kid":""# + keyID + #"""# }
                Output.standardOutput(jwk + "}\n")
                Output.standardError("jwtlint: JWK thumbprint (RFC 7638, SHA-256): \(publicKey.thumbprint)\n")
            }
        }
    }
}

/// Loads `--key` files for every command: a one-line error naming the file (exit 2) when it is unusable, and a
/// warning when a private key is readable by group or others.
enum KeyFileLoader {
    /// The key or key set in the file at `path`, with the warning about a private key others can read.
    static func loadMaterial(_ path: String) throws -> KeyMaterial {
        let loaded: KeyMaterial
        do {
            loaded = try KeyMaterial.load(contentsOf: path)
        } catch {
            throw UsageError(message: "key file '\(path)' \(error)")
        }
        if case .key(let key) = loaded { warnIfReadable(key, path: path) }
        return loaded
    }

    /// The one key in the file at `path`, for the commands that verify ES256 alone.
    static func load(_ path: String) throws -> VerificationKey {
        guard case .key(let key) = try loadMaterial(path) else {
            throw UsageError(message: "key file '\(path)' is a JWK Set; give a file holding the one JWK to verify with")
        }
        return key
    }

    private static func warnIfReadable(_ loaded: VerificationKey, path: String) {
        if loaded.privateKeyReadableByOthers {
            Output.standardError(
                "jwtlint: warning: key file '\(path)' holds a private key that group or others can read; 'chmod 600' it, or give CI the public key ('jwtlint pubkey --key \(path)')\n"
            )
        }
    }
}
