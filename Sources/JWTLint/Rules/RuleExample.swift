/// An input for a rule's documentation and tests: a token line plus the options it is linted with.
package struct RuleExample: Sendable, Hashable {
    /// The input line, exactly as given to `jwtlint lint`.
    package let input: String
    /// What the example demonstrates, in a few words.
    package let note: String
    /// The key to verify with, as file contents (PEM or JWK), or `nil` for none.
    package let key: String?
    /// The key file's name, for the kid-from-file-name check (`SubscriptionKey_<KEYID>.p8`).
    package let keyFileName: String?
    /// `--kid`.
    package let keyID: String?
    /// `--issuer`.
    package let issuer: String?
    /// `--bundle-id`.
    package let bundleID: String?
    /// `--client-id`.
    package var clientID: String? = nil
    /// `--nonce`: the nonce an identity token must carry.
    package var nonce: String? = nil
    /// For the rules judged over a batch: the lines of the batch (``input`` is then those lines, joined).
    package var batchLines: [String]? = nil
    /// The time the example is linted at, in Unix seconds.
    package let now: Double
    /// `--profile`: `auto` unless the example pins one.
    package let profile: ProfileChoice
    /// The severity a triggering example's finding has; `nil` means the rule's default severity.
    package let severity: Severity?
    /// For the legacy promotional offer rules: what the app passes to StoreKit (``input`` is then its signature).
    package let offer: LegacyOfferRequest?
    /// For App Store-signed data: what the verifier expects, and whether it trusts the test chain's root.
    package var signedData: SignedDataExpectations? = nil
    /// For the rules about an answer to a Retention Messaging realtime request: how the endpoint answered
    /// (``input`` is then the answer's body).
    package var realtime: RealtimeSetting? = nil
    /// The file and line the example was written at, so a failing example points at itself.
    package let file: String
    /// See ``file``.
    package let line: Int

    /// The time examples are linted at unless they say otherwise: 2026-01-01T00:00:00Z.
    package static let defaultNow: Double = 1_767_225_600

    /// An example from a raw input line.
    package init(
        _ input: String, _ note: String, key: String? = nil, keyFileName: String? = nil, keyID: String? = nil,
        issuer: String? = nil, bundleID: String? = nil, now: Double = RuleExample.defaultNow,
        profile: ProfileChoice = .auto, severity: Severity? = nil, offer: LegacyOfferRequest? = nil,
        file: String = #filePath, line: Int = #line
    ) {
        self.offer = offer
        self.input = input
        self.note = note
        self.key = key
        self.keyFileName = keyFileName
        self.keyID = keyID
        self.issuer = issuer
        self.bundleID = bundleID
        self.now = now
        self.profile = profile
        self.severity = severity
        self.file = file
        self.line = line
    }

    /// An example token built from header and claims JSON text, encoded byte for byte, with a 64-byte dummy
    /// signature (no key is given unless the example says so).
    package static func token(
        header: String = RuleExample.cleanHeader, claims: String = RuleExample.cleanClaims, _ note: String,
        keyFileName: String? = nil, keyID: String? = nil, issuer: String? = nil, bundleID: String? = nil,
        now: Double = RuleExample.defaultNow, profile: ProfileChoice = .auto, severity: Severity? = nil,
        file: String = #filePath, line: Int = #line
    ) -> RuleExample {
        let input = Base64URL.encode(header) + "." + Base64URL.encode(claims) + "." + dummySignature
        return RuleExample(
            input, note, keyFileName: keyFileName, keyID: keyID, issuer: issuer, bundleID: bundleID, now: now,
            profile: profile, severity: severity, file: file, line: line)
    }

    /// An example token of a profile's kind: its clean claims (``cleanClaims(of:)``) with some members set (to
    /// raw JSON text; a member not there is added at the end) and some removed. The example is linted under that
    /// profile, pinned, unless `auto` is true.
    package static func token(
        _ profile: ProfileName, header: String? = nil, setting: KeyValuePairs<String, String> = [:],
        removing: [String] = [], _ note: String, keyFileName: String? = nil, keyID: String? = nil,
        issuer: String? = nil, bundleID: String? = nil, clientID: String? = nil, nonce: String? = nil, now: Double = RuleExample.defaultNow,
        auto: Bool = false,
        severity: Severity? = nil, file: String = #filePath, line: Int = #line
    ) -> RuleExample {
        var example = token(
            header: header ?? Profile.named(profile).exampleHeader, claims: claims(of: profile, setting: setting, removing: removing), note,
            keyFileName: keyFileName,
            keyID: keyID, issuer: issuer, bundleID: bundleID, now: now, profile: auto ? .auto : .pinned(profile),
            severity: severity, file: file, line: line)
        example.clientID = clientID
        example.nonce = nonce
        return example
    }

    /// An example batch: `lines` linted as one run under `profile`, judged by the rules over a batch.
    package static func batch(
        _ lines: [String], _ note: String, profile: ProfileName, file: String = #filePath, line: Int = #line
    ) -> RuleExample {
        var example = RuleExample(lines.joined(separator: "\n"), note, profile: .pinned(profile), file: file, line: line)
        example.batchLines = lines
        return example
    }

    /// How an endpoint answered a realtime request, for an example.
    package struct RealtimeSetting: Sendable, Hashable {
        /// The HTTP status.
        package var status = 200
        /// How long the answer took, in seconds.
        package var seconds = 0.05
        /// The request's `originalTransactionId`.
        package var originalTransactionID = "2000000123456789"
    }

    /// An example answer to a realtime request: `body` with `status` after `seconds`, about the original
    /// transaction 2000000123456789 of com.example.app, judged as of 2026-01-01 (with `key` for offer signatures).
    package static func realtime(
        _ body: String, _ note: String, status: Int = 200, seconds: Double = 0.05, key: String? = nil,
        severity: Severity? = nil, file: String = #filePath, line: Int = #line
    ) -> RuleExample {
        var example = RuleExample(body, note, key: key, bundleID: "com.example.app", severity: severity, file: file, line: line)
        example.realtime = RealtimeSetting(status: status, seconds: seconds)
        return example
    }

    /// What a verifier of App Store-signed data expects, for an example.
    package struct SignedDataExpectations: Sendable, Hashable {
        /// Whether the test chain's root is trusted (besides Apple's).
        package var trustsTestRoot = true
        /// The environment expected.
        package var environment: SignedEnvironment? = .sandbox
        /// The app's Apple ID.
        package var appAppleID: Int64? = nil
    }

    /// An example of App Store-signed data (one of ``SignedDataExamples``), judged under `apple-signed` as of
    /// 2026-01-01, expecting the bundle ID com.example.app.
    package static func signed(
        _ jws: String, _ note: String, trustsTestRoot: Bool = true, environment: SignedEnvironment? = .sandbox, appAppleID: Int64? = nil,
        bundleID: String? = "com.example.app", severity: Severity? = nil, file: String = #filePath, line: Int = #line
    ) -> RuleExample {
        var example = RuleExample(jws, note, bundleID: bundleID, profile: .pinned(.appleSigned), severity: severity, file: file, line: line)
        example.signedData = SignedDataExpectations(trustsTestRoot: trustsTestRoot, environment: environment, appAppleID: appAppleID)
        return example
    }

    /// The options this example is linted with, but for its key (which the caller loads).
    package var options: LintOptions {
        var options = LintOptions(
            now: now, expectedKeyID: keyID, issuer: issuer, bundleID: bundleID, profile: profile)
        options.clientID = clientID
        options.nonce = nonce
        if let signedData {
            options.environment = signedData.environment
            options.appAppleID = signedData.appAppleID
            if signedData.trustsTestRoot, let root = try? Base64.decode(SignedDataExamples.testRoot).get() {
                options.trustedRoots = (try? TrustedRoots(adding: [root])) ?? .apple
            }
        }
        return options
    }

    /// A profile's clean claims as JSON text, with members set (raw JSON text) and removed.
    package static func claims(
        of profile: ProfileName, setting: KeyValuePairs<String, String> = [:], removing: [String] = []
    ) -> String {
        var members = Profile.named(profile).exampleClaims.filter { !removing.contains($0.name) }
        for (name, value) in setting {
            if let index = members.firstIndex(where: { $0.name == name }) {
                members[index].value = value
            } else {
                members.append((name, value))
            }
        }
        var text = "{"
        for (index, member) in members.enumerated() {
            if index > 0 { text += "," }
            text += "\"\(member.name)\":\(member.value)"
        }
        return text + "}"
    }

    /// The header of a well-formed WeatherKit token: the Team ID and Services ID of its example claims.
    package static let weatherKitHeader = #"{"alg":"ES256","kid":"2X9R4HXF34","id":"DEF123GHIJ.com.example.weather"}"#

    /// The header of a well-formed token of any profile.
    package static let cleanHeader = #"{"alg":"ES256","kid":"2X9R4HXF34","typ":"JWT"}"#
    /// The claims of a well-formed App Store Server API token, issued 30 s before ``defaultNow``, valid 5 minutes.
    package static let cleanClaims =
        #"{"iss":"57246542-96fe-1a63-e053-0824d011072a","iat":1767225570,"exp":1767225870,"aud":"appstoreconnect-v1","bid":"com.example.app"}"#
    /// The nonce of the clean in-app examples.
    package static let cleanNonce = "c2a5f9e1-3b7d-4e0a-9f51-6d2c8b4a7e13"
    /// The JSON of the clean Advanced Commerce in-app request: a one-time charge.
    package static let cleanAdvancedCommerceRequest =
        #"{"operation":"CREATE_ONE_TIME_CHARGE","version":"1","requestInfo":{"requestReferenceId":"f6d8a4c2-1e3b-4a5d-9c7e-0b2f4d6a8c1e"},"currency":"USD","taxCode":"C003-00-1","item":{"SKU":"gems.100","description":"A pack of 100 gems","displayName":"100 gems","price":4990}}"#

    /// 64 zero-free bytes standing in for a signature that no key checks.
    static let dummySignature = Base64URL.encode([UInt8](repeating: 0x11, count: 64))
}
