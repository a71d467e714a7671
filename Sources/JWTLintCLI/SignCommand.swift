import ArgumentParser
import JWTLint

extension JWTLintCommand {
    /// `jwtlint sign`: a token of any profile that lints clean, made as Apple's libraries make them.
    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a signed token of any profile that lints clean (for testing, or as a reference).",
            discussion: """
                Tokens are made as Apple's libraries make them: header alg ES256, kid, typ JWT; iat in whole \
                seconds; for StoreKit in-app JWS a random lower-case UUID nonce (or --nonce) and no exp. Before \
                printing, jwtlint lints the token it made against the key, under its profile.

                --profile app-store-server-api (the default): --issuer, --bundle-id; exp is iat + --lifetime \
                (300 s unless given, at most 3600).
                --profile promotional-offer: --issuer, --bundle-id, --product, --offer, optionally --transaction-id.
                --profile introductory-offer-eligibility: --issuer, --bundle-id, --product, --transaction-id, \
                --allow-introductory-offer true|false.
                --profile advanced-commerce-in-app: --issuer, --bundle-id, --request FILE (the JSON request; '-' \
                reads standard input), encoded as standard base64.
                --profile app-store-connect-api: --issuer (a team key) or --individual (sub "user"), optionally \
                --scope, once per entry; exp is iat + --lifetime (at most 1200 s without a scope).

                Examples:
                  jwtlint sign --key SubscriptionKey_2X9R4HXF34.p8 --issuer 57246542-96fe-1a63-e053-0824d011072a \\
                               --bundle-id com.example.app
                  jwtlint sign --profile promotional-offer --key SubscriptionKey_2X9R4HXF34.p8 \\
                               --issuer 57246542-96fe-1a63-e053-0824d011072a --bundle-id com.example.app \\
                               --product com.example.app.monthly --offer winback.50 --transaction-id 2000000123456789
                """)

        @Option(name: .long, help: ArgumentHelp("The kind of token: \(ProfileName.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "profile"))
        var profile: String = ProfileName.appStoreServerAPI.rawValue

        @Option(name: .long, help: ArgumentHelp("Apple's .p8 (the private key).", valueName: "file"))
        var key: String

        @OptionGroup var expected: ExpectedValues

        private var issuer: String? { expected.issuer }
        private var bundleID: String? { expected.bundleID }
        private var kid: String? { expected.kid }

        @Option(name: .long, help: ArgumentHelp("Seconds from iat to exp (API tokens): at most 3600 (1200 for App Store Connect without a scope).", valueName: "seconds"))
        var lifetime: Int?

        @Option(name: .long, help: ArgumentHelp("The product identifier (claim productId).", valueName: "id"))
        var product: String?

        @Option(name: .long, help: ArgumentHelp("The promotional offer identifier (claim offerIdentifier).", valueName: "id"))
        var offer: String?

        @Option(name: .customLong("transaction-id"), help: ArgumentHelp("One of the customer's transaction IDs (claim transactionId).", valueName: "id"))
        var transactionID: String?

        @Option(name: .customLong("allow-introductory-offer"), help: ArgumentHelp("true or false (claim allowIntroductoryOffer).", valueName: "bool"))
        var allowIntroductoryOffer: String?

        @Option(name: .long, help: ArgumentHelp("A file holding the Advanced Commerce JSON request, or '-' for standard input.", valueName: "file"))
        var request: String?

        @Option(name: .long, help: ArgumentHelp("The nonce of an in-app JWS (default: a random UUID).", valueName: "uuid"))
        var nonce: String?

        @Flag(name: .long, help: "An individual App Store Connect API key's token: sub \"user\", no iss.")
        var individual = false

        @Option(name: .long, help: ArgumentHelp("A scope entry of an App Store Connect API token, such as 'GET /v1/apps'; repeat for more.", valueName: "entry"))
        var scope: [String] = []

        func run() throws {
            guard let name = ProfileName(rawValue: profile) else {
                throw UsageError(message: "--profile \(profile) is not a profile; the profiles are \(ProfileName.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            try refuseFlagsOtherThan(name)
            let issuedAt = Int64(try CheckValues.time(now: expected.now).rounded(.down))
            var options = LintOptions(
                now: Double(issuedAt), expectedKeyID: kid, issuer: issuer, bundleID: bundleID, profile: .pinned(name))
            try CheckValues.refuseProblems(of: options)
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
            let claims = TokenSigner.Claims(
                kind: try kind(of: name), keyID: keyID, issuer: name == .appStoreConnectAPI && individual ? nil : try required(issuer, "--issuer"),
                issuedAt: issuedAt, nonce: nonce)
            let token: String
            do {
                token = try TokenSigner.token(key: signingKey.privateKey, claims: claims)
            } catch {
                throw UsageError(message: "\(error)")
            }
            options.key = signingKey.privateKey.publicKey
            options.expectedKeyID = keyID
            let result = Linter(options: options).lint(token)
            guard !result.hasErrors else {
                throw UsageError(message: "the token made does not lint clean: \(result.findings.filter { $0.severity == .error }.map(\.message).joined(separator: " "))")
            }
            Output.standardOutput(token + "\n")
        }

        /// What the profile's token says beyond the key ID, issuer and time.
        private func kind(of name: ProfileName) throws -> TokenSigner.Claims.Kind {
            switch name {
            case .appStoreServerAPI:
                return .appStoreServerAPI(bundleID: try required(bundleID, "--bundle-id"), lifetime: lifetime ?? TokenSigner.defaultLifetime)
            case .promotionalOffer:
                return .promotionalOffer(
                    bundleID: try required(bundleID, "--bundle-id"), productID: try required(product, "--product"),
                    offerIdentifier: try required(offer, "--offer"), transactionID: transactionID)
            case .introductoryOfferEligibility:
                let allow = try required(allowIntroductoryOffer, "--allow-introductory-offer")
                guard allow == "true" || allow == "false" else {
                    throw UsageError(message: "--allow-introductory-offer \(allow) is not true or false")
                }
                return .introductoryOfferEligibility(
                    bundleID: try required(bundleID, "--bundle-id"), productID: try required(product, "--product"),
                    allowIntroductoryOffer: allow == "true", transactionID: try required(transactionID, "--transaction-id"))
            case .advancedCommerceInApp:
                let path = try required(request, "--request")
                let text = try WholeInput.contents(of: path, what: "request file")
                guard let object = DecodedToken.jsonObject(Array(text.utf8)) else {
                    throw UsageError(message: "request file '\(path)' does not hold a JSON object")
                }
                return .advancedCommerceInApp(bundleID: try required(bundleID, "--bundle-id"), request: object)
            case .appStoreConnectAPI:
                if individual && issuer != nil {
                    throw UsageError(message: "--individual and --issuer exclude each other: an individual key's token has no iss")
                }
                return .appStoreConnectAPI(lifetime: lifetime ?? TokenSigner.defaultLifetime, scope: scope.isEmpty ? nil : scope)
            case .appleSigned:
                throw UsageError(message: "--profile apple-signed is data the App Store signs with its own certificates; no key of yours can make it (Vectors/gen/signed_data.py makes test data with a test chain)")
            }
        }

        private func required(_ value: String?, _ flag: String) throws -> String {
            guard let value else { throw UsageError(message: "--profile \(profile) needs \(flag)") }
            return value
        }

        /// A flag that the profile does not use is an error rather than silently ignored.
        private func refuseFlagsOtherThan(_ name: ProfileName) throws {
            let given: [(String, Bool, [ProfileName])] = [
                ("--bundle-id", bundleID != nil, [.appStoreServerAPI, .promotionalOffer, .introductoryOfferEligibility, .advancedCommerceInApp]),
                ("--lifetime", lifetime != nil, [.appStoreServerAPI, .appStoreConnectAPI]),
                ("--product", product != nil, [.promotionalOffer, .introductoryOfferEligibility]),
                ("--offer", offer != nil, [.promotionalOffer]),
                ("--transaction-id", transactionID != nil, [.promotionalOffer, .introductoryOfferEligibility]),
                ("--allow-introductory-offer", allowIntroductoryOffer != nil, [.introductoryOfferEligibility]),
                ("--request", request != nil, [.advancedCommerceInApp]),
                ("--nonce", nonce != nil, [.promotionalOffer, .introductoryOfferEligibility, .advancedCommerceInApp]),
                ("--individual", individual, [.appStoreConnectAPI]),
                ("--scope", !scope.isEmpty, [.appStoreConnectAPI]),
            ]
            for (flag, isGiven, profiles) in given where isGiven && !profiles.contains(name) {
                throw UsageError(message: "\(flag) does not apply to --profile \(name) (it is for \(profiles.map(\.rawValue).joined(separator: ", ")))")
            }
        }
    }
}
