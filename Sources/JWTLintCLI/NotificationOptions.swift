import ArgumentParser
import JWTLint
import JWTLintHTTP

/// The app and customer a notification is about: `--bundle-id`, `--app-apple-id`, `--environment`,
/// `--original-transaction-id`.
struct NotificationSubjectOptions: ParsableArguments {
    @Option(name: .customLong("bundle-id"), help: ArgumentHelp("The app's bundle ID in the data (default com.example.app).", valueName: "id"))
    var bundleID: String?

    @Option(name: .customLong("app-apple-id"), help: ArgumentHelp("The app's Apple ID, appAppleId (default 1234567890).", valueName: "number"))
    var appAppleID: Int64?

    @Option(name: .long, help: ArgumentHelp("Where the data says it comes from: sandbox (the default) or production.", valueName: "environment"))
    var environment: String?

    @Option(name: .customLong("original-transaction-id"), help: ArgumentHelp(
        "The customer's original transaction ID (default: a new one, 16 digits).", valueName: "id"))
    var originalTransactionID: String?

    /// Whether any of these flags was given.
    var given: Bool { bundleID != nil || appAppleID != nil || environment != nil || originalTransactionID != nil }

    /// The subject these flags describe.
    func subject() throws -> NotificationSubject {
        var subject = NotificationSubject()
        if let bundleID {
            guard !bundleID.isEmpty, bundleID.utf8.count <= 155 else { throw UsageError(message: "--bundle-id must be a bundle ID such as com.example.app") }
            subject.bundleID = bundleID
        }
        if let appAppleID {
            guard appAppleID > 0 else { throw UsageError(message: "--app-apple-id must be a positive number (the app's Apple ID)") }
            subject.appAppleID = appAppleID
        }
        if let environment {
            switch environment.lowercased() {
            case "sandbox": subject.environment = .sandbox
            case "production": subject.environment = .production
            default: throw UsageError(message: "--environment \(environment) is not sandbox or production (the App Store signs no other)")
            }
        }
        if let originalTransactionID {
            guard !originalTransactionID.isEmpty, originalTransactionID.utf8.count <= 32, originalTransactionID.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw UsageError(message: "--original-transaction-id must be digits, as Apple's transaction IDs are")
            }
            subject.originalTransactionID = originalTransactionID
        }
        return subject
    }
}

/// The chain a notification is signed with: `--chain DIR` (made by `jwtlint chain create`) or a new one, and
/// `--write-root FILE` for the verifier under test.
struct SigningChainOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A folder made by 'jwtlint chain create', to sign with its chain (default: a new chain, made now).", valueName: "dir"))
    var chain: String?

    @Option(name: .customLong("write-root"), help: ArgumentHelp(
        "Write the chain's root certificate (PEM) to this file, for the verifier under test to trust.", valueName: "file"))
    var writeRoot: String?

    /// The chain, loaded or made, its root written where asked.
    func load(now: Double) throws -> TestChain {
        let chain: TestChain
        do throws(JWTLintError) {
            if let folder = self.chain {
                chain = try TestChain.load(from: folder, now: now)
            } else {
                chain = try TestChain.make(now: now)
            }
        } catch {
            throw UsageError(message: error.description)
        }
        if let writeRoot { try Output.writeFile(writeRoot, contents: Array(chain.rootPEM.utf8), what: "the root") }
        return chain
    }
}

/// How a request is sent: `--timeout`, `--cacert`, `--insecure`.
struct HTTPSendingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds to wait for the whole answer (default 30).", valueName: "seconds"))
    var timeout: String?

    @Option(name: .long, help: ArgumentHelp(
        "A PEM file of the CA certificates an https endpoint's certificate must chain to (default: the system's).", valueName: "file"))
    var cacert: String?

    @Flag(name: .long, help: "Accept any TLS certificate from an https endpoint (Apple never would).")
    var insecure = false

    /// The client for `target`, and the target read from `url`.
    func client(for url: String) throws -> (HTTPClient, HTTPTarget) {
        let target: HTTPTarget
        do {
            target = try HTTPTarget(url: url)
        } catch {
            throw UsageError(message: "--url: \(error.description)")
        }
        var settings = HTTPClient.Settings()
        if let timeout {
            guard let seconds = CheckValues.decimal(timeout), seconds > 0, seconds <= 3600 else {
                throw UsageError(message: "--timeout \(timeout) is not a number of seconds from 0 to 3600 (such as 5 or 0.5)")
            }
            settings.timeout = seconds
        }
        settings.trustedCertificates = cacert
        settings.verifiesCertificates = !insecure
        do {
            return (try HTTPClient(settings: settings, usesTLS: target.secure), target)
        } catch {
            throw UsageError(message: error.description)
        }
    }
}
