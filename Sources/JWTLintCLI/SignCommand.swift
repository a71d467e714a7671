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

                \(Self.profileFlags)

                Examples:
                  jwtlint sign --key SubscriptionKey_2X9R4HXF34.p8 --issuer 57246542-96fe-1a63-e053-0824d011072a \\
                               --bundle-id com.example.app
                  jwtlint sign --profile promotional-offer --key SubscriptionKey_2X9R4HXF34.p8 \\
                               --issuer 57246542-96fe-1a63-e053-0824d011072a --bundle-id com.example.app \\
                               --product com.example.app.monthly --offer winback.50 --transaction-id 2000000123456789
                """)

        /// What each profile's token takes, read from its recipe: one line per profile that can be signed.
        static var profileFlags: String {
            Profile.all.compactMap { profile -> String? in
                guard let recipe = profile.signing else { return nil }
                var parts: [String] = []
                for claim in recipe.claims {
                    switch claim {
                    case .issuer: parts.append("--issuer")
                    case .issuerOrUserSubject: parts.append("--issuer (a team key) or --individual (sub \"user\")")
                    case .bundleID: parts.append("--bundle-id")
                    case .field(let field):
                        let value = field.form == .base64JSON ? " FILE (the JSON, '-' reads standard input; written as standard base64)"
                            : field.form == .boolean ? " true|false" : field.form == .stringList || field.form == .spaceSeparated ? " (once per entry)" : ""
                        parts.append((field.required ? "" : "optionally ") + field.flag + value)
                    case .issuedAt, .audience, .nonce, .expiry: break
                    }
                }
                var line = "--profile \(profile.name)\(profile.name == Profile.defaultKind.name ? " (the default)" : ""): " + parts.joined(separator: ", ")
                if let expiry = recipe.expiry {
                    line += "; exp is iat + --lifetime (\(TokenSigner.defaultLifetime) s unless given, at most \(expiry.maximumLifetime) s\(expiry.unlimitedWithScope ? " without a scope" : ""))"
                }
                if recipe.takesNonce { line += "; a random nonce unless --nonce, and no exp" }
                return line + "."
            }.joined(separator: "\n")
        }

        @Option(name: .long, help: ArgumentHelp("The kind of token: \(ProfileName.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "profile"))
        var profile: String = ProfileName.appStoreServerAPI.rawValue

        @Option(name: .long, help: ArgumentHelp("Apple's .p8 (the private key).", valueName: "file"))
        var key: String

        @OptionGroup var expected: ExpectedValues

        private var issuer: String? { expected.issuer }
        private var bundleID: String? { expected.bundleID }
        private var kid: String? { expected.kid }
        private var nonce: String? { expected.nonce }

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

        @Option(name: .long, help: ArgumentHelp("An origin of a MusicKit developer token, such as https://music.example.com (repeat for more), or the one origin of a MapKit token.", valueName: "origin"))
        var origin: [String] = []

        @Flag(name: .long, help: "An individual App Store Connect API key's token: sub \"user\", no iss.")
        var individual = false

        @Option(name: .long, help: ArgumentHelp("A scope entry of an App Store Connect API token, such as 'GET /v1/apps', or a Maps framework of a MapKit token (server_api, mapkit_js, web_snapshots, embed_api); repeat for more.", valueName: "entry"))
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
            let claims = try makeClaims(profile: Profile.named(name), keyID: keyID, issuedAt: issuedAt)
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

        /// The claims the profile's recipe takes, from the flags.
        private func makeClaims(profile: Profile, keyID: String, issuedAt: Int64) throws -> TokenSigner.Claims {
            guard let recipe = profile.signing else { throw UsageError(message: "--profile \(profile.name): \(profile.unsignableReason)") }
            if individual && issuer != nil {
                throw UsageError(message: "--individual and --issuer exclude each other: an individual key's token has no iss")
            }
            var claims = TokenSigner.Claims(
                profile: profile.name, keyID: keyID, issuer: individual ? nil : try required(issuer, "--issuer"), issuedAt: issuedAt,
                nonce: nonce, bundleID: recipe.takesBundleID ? try required(bundleID, "--bundle-id") : nil, lifetime: lifetime)
            for field in recipe.fields {
                guard let given = flagValues[field.flag], let text = given.first else {
                    if field.required { throw UsageError(message: "--profile \(profile.name) needs \(field.flag)") }
                    continue
                }
                if given.count > 1 && field.form != .stringList && field.form != .spaceSeparated {
                    throw UsageError(message: "--profile \(profile.name) takes one \(field.flag)")
                }
                switch field.form {
                case .string:
                    claims.fields[field.claim] = .string(text)
                case .boolean:
                    guard text == "true" || text == "false" else { throw UsageError(message: "\(field.flag) \(text) is not true or false") }
                    claims.fields[field.claim] = .bool(text == "true")
                case .base64JSON:
                    let contents = try WholeInput.contents(of: text, what: "\(field.flag) file")
                    guard let object = DecodedToken.jsonObject(Array(contents.utf8)) else {
                        throw UsageError(message: "\(field.flag) file '\(text)' does not hold a JSON object")
                    }
                    claims.fields[field.claim] = .object(object)
                case .stringList, .spaceSeparated:
                    claims.fields[field.claim] = .array(given.map { .string($0) })
                }
            }
            return claims
        }

        /// The values of the flags that give a recipe's fields, by flag: one value each, or a list flag's values;
        /// a flag not given is absent.
        private var flagValues: [String: [String]] {
            var values: [String: [String]] = [:]
            values["--product"] = product.map { [$0] }
            values["--offer"] = offer.map { [$0] }
            values["--transaction-id"] = transactionID.map { [$0] }
            values["--allow-introductory-offer"] = allowIntroductoryOffer.map { [$0] }
            values["--request"] = request.map { [$0] }
            values["--scope"] = scope.isEmpty ? nil : scope
            values["--origin"] = origin.isEmpty ? nil : origin
            values["--client-id"] = expected.clientID.map { [$0] }
            return values
        }

        private func required(_ value: String?, _ flag: String) throws -> String {
            guard let value else { throw UsageError(message: "--profile \(profile) needs \(flag)") }
            return value
        }

        /// A flag that the profile does not use is an error rather than silently ignored: which profiles take each
        /// flag is read from their recipes.
        private func refuseFlagsOtherThan(_ name: ProfileName) throws {
            let recipes = Profile.all.compactMap { profile in profile.signing.map { (profile.name, $0) } }
            var given: [(String, Bool, [ProfileName])] = [
                ("--bundle-id", bundleID != nil, recipes.filter { $0.1.takesBundleID }.map(\.0)),
                ("--lifetime", lifetime != nil, recipes.filter { $0.1.expiry != nil }.map(\.0)),
                ("--nonce", nonce != nil, recipes.filter { $0.1.takesNonce }.map(\.0)),
                ("--individual", individual, recipes.filter { $0.1.takesIndividualKeys }.map(\.0)),
            ]
            for (flag, _) in flagValues.sorted(by: { $0.key < $1.key }) {
                given.append((flag, true, recipes.filter { $0.1.fields.contains { $0.flag == flag } }.map(\.0)))
            }
            for (flag, isGiven, profiles) in given where isGiven && !profiles.contains(name) {
                throw UsageError(message: "\(flag) does not apply to --profile \(name) (it is for \(profiles.map(\.rawValue).joined(separator: ", ")))")
            }
        }
    }
}
