import ArgumentParser
import JWTLint
import JWTLintServeArguments

/// The values a token is expected to carry, shared by `lint`, `diagnose` and `sign`: each flag is declared here
/// once. `lint` and `diagnose` check tokens against them; `sign` writes them into the token it makes.
struct ExpectedValues: ParsableArguments {
    @OptionGroup var keyID: KeyIDOption
    var kid: String? { keyID.kid }

    @Option(name: .long, help: ArgumentHelp(
        "The issuer (claim iss): the issuer ID, a UUID, for App Store tokens; the 10-character Team ID for APNs, DeviceCheck, Sign in with Apple, MusicKit, WeatherKit and MapKit.",
        valueName: "id"))
    var issuer: String?

    @Option(name: .customLong("bundle-id"), help: ArgumentHelp("The app's bundle ID (claim bid), case-sensitive.", valueName: "id"))
    var bundleID: String?

    @Option(name: .customLong("client-id"), help: ArgumentHelp(
        "Sign in with Apple: the client ID (claim sub of a client secret, aud of an identity token), the App ID or Services ID, case-sensitive; WeatherKit: the Services ID.", valueName: "id"))
    var clientID: String?

    @Option(name: .long, help: ArgumentHelp(
        "The nonce: one an identity token must carry (as the app sent it), or the one sign writes into an in-app JWS (default: a random UUID).",
        valueName: "nonce"))
    var nonce: String?

    @Option(name: .long, help: ArgumentHelp(
        "The time to check (or sign) at, in Unix seconds (default: this machine's clock).", valueName: "unix-seconds"))
    var now: String?
}

/// What `lint` and `diagnose` check tokens with: the key, the expected values, the leeway, the profile and the
/// configuration file. It owns turning them into ``LintOptions``.
struct CheckOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The key to verify signatures with: Apple's .p8 (the public key is derived from it), a public key PEM, or a public EC JWK.",
        valueName: "file"))
    var key: String?

    @OptionGroup var expected: ExpectedValues

    @Option(name: .long, help: ArgumentHelp("How far iat may be ahead of now, in seconds (default 60).", valueName: "seconds"))
    var leeway: String?

    @Option(name: .long, help: ArgumentHelp(
        "The kind of token to judge: auto (the default: lint picks by aud, diagnose by host), \(ProfileName.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "profile"))
    var profile: String?

    @Option(name: .long, help: ArgumentHelp(
        "A configuration file (default: .jwtlint.json in this folder or the nearest parent). Flags override it.",
        valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "App Store-signed data: the environment expected, sandbox, production, xcode or local-testing (default: the data's own, said so).",
        valueName: "environment"))
    var environment: String?

    @Option(name: .customLong("app-apple-id"), help: ArgumentHelp(
        "App Store-signed data: the app's Apple ID, which production data must carry.", valueName: "id"))
    var appAppleID: String?

    @Option(name: .long, help: ArgumentHelp(
        "App Store-signed data: also trust this root certificate (PEM or DER), for test chains; repeat for more. Apple Root CA - G3 is built in.",
        valueName: "file"))
    var root: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "App Store-signed data: check the chain as of signed-date (the data's signedDate, the default, as Apple's verifier does offline) or now.",
        valueName: "time"))
    var at: String?

    /// The same values, plain.
    var values: CheckValues {
        CheckValues(
            key: key, kid: expected.kid, issuer: expected.issuer, bundleID: expected.bundleID, clientID: expected.clientID, nonce: expected.nonce, now: expected.now, leeway: leeway,
            profile: profile, config: config, environment: environment, appAppleID: appAppleID, roots: root, at: at)
    }
}

/// The check flags as plain values, however they were read: by swift-argument-parser through ``CheckOptions``, or
/// by the fast `lint` reader (``LintInvocation/parse(_:)``).
struct CheckValues: Equatable {
    var key: String?
    var kid: String?
    var issuer: String?
    var bundleID: String?
    var clientID: String?
    var nonce: String?
    var now: String?
    var leeway: String?
    var profile: String?
    var config: String?
    var environment: String?
    var appAppleID: String?
    var roots: [String] = []
    var at: String?

    /// The options these flags and the configuration file give (flags win), with the key loaded.
    func lintOptions(warningsAsErrors: Bool = false) throws -> LintOptions {
        let configuration = try loadConfiguration()
        let time = try Self.time(now: now)
        var leewayValue = configuration?.leeway ?? LintOptions.defaultLeeway
        if let leeway {
            guard let value = Self.decimal(leeway) else {
                throw UsageError(message: "--leeway \(leeway) is not a number of seconds (0 or more)")
            }
            leewayValue = value
        }
        var options = LintOptions(
            now: time, expectedKeyID: kid ?? configuration?.keyID, issuer: issuer ?? configuration?.issuer,
            bundleID: bundleID ?? configuration?.bundleID, leeway: leewayValue)
        options.clientID = clientID ?? configuration?.clientID
        options.nonce = nonce
        if let profile {
            guard let choice = ProfileChoice(name: profile) else {
                throw UsageError(message: "--profile \(profile) is not a profile; the profiles are \(ProfileChoice.names.joined(separator: ", "))")
            }
            options.profile = choice
        } else if let configured = configuration?.profile {
            options.profile = configured
        }
        options.ruleSettings = configuration?.rules ?? [:]
        options.warningsAsErrors = warningsAsErrors || configuration?.warningsAsErrors == true
        try Self.refuseProblems(of: options)
        try applySignedDataValues(to: &options, configuration: configuration)
        if let key = key ?? configuration?.key {
            options.use(try KeyFileLoader.loadMaterial(key))
        }
        return options
    }

    /// --environment, --app-apple-id, --root and --at, for App Store-signed data; each flag replaces its
    /// configuration setting.
    private func applySignedDataValues(to options: inout LintOptions, configuration: Configuration?) throws {
        if let configuration {
            options.environment = configuration.environment ?? options.environment
            options.appAppleID = configuration.appAppleID ?? options.appAppleID
            options.chainTime = configuration.chainTime ?? options.chainTime
        }
        if let environment {
            guard let value = SignedEnvironment(optionName: environment) else {
                throw UsageError(message: "--environment \(environment) is not an environment; give sandbox, production, xcode or local-testing")
            }
            options.environment = value
        }
        if let appAppleID {
            guard let value = Configuration.appAppleID(appAppleID) else {
                throw UsageError(message: "--app-apple-id \(appAppleID) is not an app's Apple ID (a number such as 1234567890)")
            }
            options.appAppleID = value
        }
        if let at {
            guard let chainTime = LintOptions.ChainTime(optionName: at) else {
                throw UsageError(message: "--at \(at) is not signed-date or now")
            }
            options.chainTime = chainTime
        }
        let rootFiles = roots.isEmpty ? configuration?.roots ?? [] : roots
        guard !rootFiles.isEmpty else { return }
        var certificates: [[UInt8]] = []
        for path in rootFiles {
            do {
                let contents = try FileReader.read(path, what: "root certificate file", limit: 1024 * 1024, accepting: .regularFile).contents
                certificates += try TrustedRoots.certificates(in: contents)
            } catch let error as FileReadError {
                throw UsageError(message: "\(error)")
            } catch {
                throw UsageError(message: "root certificate file '\(path)' \(error)")
            }
        }
        do {
            options.trustedRoots = try TrustedRoots(adding: certificates)
        } catch {
            throw UsageError(message: "a root certificate \(error)")
        }
    }

    /// Throws the first problem with the expected values, named by the flag that gives each.
    static func refuseProblems(of options: LintOptions) throws {
        guard let problem = options.problems.first else { return }
        switch problem {
        case .issuerNotUUID(let issuer):
            throw UsageError(message: "--issuer \(JSONText.quoted(issuer)) is not an issuer ID (a UUID such as 57246542-96fe-1a63-e053-0824d011072a)")
        case .unusableKeyID(let keyID): throw UsageError(message: "--kid \(JSONText.quoted(keyID)) is empty or holds whitespace")
        case .unusableBundleID(let bundleID): throw UsageError(message: "--bundle-id \(JSONText.quoted(bundleID)) is empty or holds whitespace")
        case .negativeLeeway: throw UsageError(message: "\(problem)")
        }
    }

    /// The configuration file named by --config, else the nearest .jwtlint.json, else none.
    private func loadConfiguration() throws -> Configuration? {
        let path = config ?? Configuration.workingDirectory().flatMap(Configuration.find(from:))
        guard let path else { return nil }
        do {
            return try Configuration.load(contentsOf: path)
        } catch {
            throw UsageError(message: "\(error)")
        }
    }

    /// The time `--now` gives, or this machine's clock without it.
    /// - Throws: ``UsageError`` when the value is not a plain decimal number of seconds.
    static func time(now: String?) throws -> Double {
        guard let now else { return Output.currentTime() }
        guard let value = decimal(now), value < 1e12 else {
            throw UsageError(message: "--now \(now) is not a Unix time in seconds (a number such as 1767225600)")
        }
        return value
    }

    /// A non-negative decimal number such as `1767225600` or `0.5`; not hexadecimal, exponents, `inf` or `nan`,
    /// which `Double(_:)` would accept.
    static func decimal(_ text: String) -> Double? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !text.isEmpty, text.count <= 24,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Double(text)
    }
}
