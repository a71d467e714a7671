/// Judges a JWS the App Store signed as Apple's `SignedDataVerifier` (Python, online checks off) does, step by
/// step, and says why at each step: the `x5c` chain to a trusted root as of the data's date, Apple's OIDs, the
/// signature with the leaf's key, then the app and environment the payload names. The verdict is the status of the
/// first step that fails, as Apple's verifier stops there; the findings go on where they still can, so that every
/// problem is named at once.
enum SignedDataCheck {
    /// What the check found.
    struct Outcome {
        var signature: LintResult.SignatureStatus = .unchecked
        var status: VerificationStatus = .ok
        var payloadType: SignedPayloadType?

        /// Keeps the first failure: later steps do not change Apple's answer.
        mutating func fail(_ status: VerificationStatus) {
            if self.status == .ok { self.status = status }
        }
    }

    static let leafOID = "1.2.840.113635.100.6.11.1"
    static let intermediateOID = "1.2.840.113635.100.6.2.1"

    static func check(_ token: DecodedToken, options: LintOptions, memory: SessionMemory? = nil, into findings: inout [Finding]) -> Outcome {
        var outcome = Outcome()
        // The payload says what it is, even when another part keeps Apple's verifier from reading the whole.
        outcome.payloadType = token.claims.flatMap(SignedPayloadType.of)
        guard let header = token.header, let claims = token.claims, let signature = token.signature else {
            // Apple's verifier cannot decode it: the token.* findings say why.
            outcome.fail(.verificationFailure)
            return outcome
        }
        let type = outcome.payloadType
        if let audience = claims["aud"], isTruthy(audience) {
            let other = Profile.named(TokenKind.automatic(claims))
            findings.append(SignedDataRules.type.finding(
                .otherKind(other.name), "The claims have aud, which App Store-signed data never has: this looks like \(other.titleWithArticle).",
                severity: .error, hint: "Judge \(other.titleWithArticle) under the profile \(other.name) (or auto)."))
        }
        let dataEnvironment = environment(of: claims, type: type)
        let expected = options.environment ?? assumedEnvironment(for: dataEnvironment)
        if let dataEnvironment, !dataEnvironment.isSignedByTheAppStore {
            let settingsAccept = expected == dataEnvironment
            findings.append(SignedDataRules.unsigned.finding(
                .unsignedEnvironment,
                "This is \(dataEnvironment) data, which the App Store does not sign\(settingsAccept ? ": Apple's verifier skips its signature when it expects \(dataEnvironment) data" : "").",
                severity: settingsAccept ? .warning : .error,
                hint: settingsAccept
                    ? "Never accept \(dataEnvironment) data in production: it proves nothing about a purchase."
                    : "Test with Sandbox data, or verify as \(dataEnvironment.optionName) data in tests only."))
        }
        if expected.isSignedByTheAppStore {
            checkChainAndSignature(
                token, header: header, claims: claims, signature: signature, options: options, memory: memory, into: &findings, &outcome)
        }
        checkPayload(
            claims, type: type, environment: dataEnvironment, expected: expected, environmentGiven: options.environment != nil, options: options,
            into: &findings, &outcome)
        return outcome
    }

    // MARK: - The chain and the signature

    private static func checkChainAndSignature(
        _ token: DecodedToken, header: JSONObject, claims: JSONObject, signature: [UInt8], options: LintOptions, memory: SessionMemory?,
        into findings: inout [Finding], _ outcome: inout Outcome
    ) {
        // x5c: present and not empty, else Apple's verifier gives up before anything else.
        let entries: [JSONValue]
        switch header["x5c"] {
        case nil, .null?:
            findings.append(SignedDataRules.length.finding(.missing, "The header has no x5c: App Store-signed data carries its certificate chain there."))
            outcome.fail(.verificationFailure)
            return
        case .array(let items)?:
            entries = items
        case .string(let text)?:
            // Apple's Python verifier takes len() of whatever x5c is: a string's length, its characters as certificates.
            findings.append(SignedDataRules.length.finding(.wrongType, "x5c is a string, not an array of certificates."))
            outcome.fail(text.isEmpty ? .verificationFailure : text.unicodeScalars.count == 3 ? .invalidCertificate : .invalidChainLength)
            return
        case .object(let object)?:
            findings.append(SignedDataRules.length.finding(.wrongType, "x5c is an object, not an array of certificates."))
            outcome.fail(object.members.isEmpty ? .verificationFailure : object.members.count == 3 ? .invalidCertificate : .invalidChainLength)
            return
        case let value?:
            findings.append(SignedDataRules.length.finding(.wrongType, "x5c is \(value.typeNameWithArticle), not an array of certificates."))
            outcome.fail(.verificationFailure)
            return
        }
        guard !entries.isEmpty else {
            findings.append(SignedDataRules.length.finding(.empty, "x5c is empty: App Store-signed data carries three certificates there."))
            outcome.fail(.verificationFailure)
            return
        }
        // alg: checked by header.alg; Apple's verifier stops here when it is not ES256.
        guard header["alg"]?.stringValue == "ES256" else {
            outcome.fail(.verificationFailure)
            return
        }
        // The date the chain is checked as of: Apple's verifier reads it before it looks at the certificates.
        let time = chainTime(claims, options: options, into: &findings)
        if time == nil { outcome.fail(.verificationFailure) }
        let trust = options.trustedRoots.trust
        guard !trust.roots.isEmpty else {
            findings.append(SignedDataRules.chain.finding(.untrusted, "No root certificate is trusted, so no chain can verify."))
            outcome.fail(.invalidCertificate)
            return
        }
        guard entries.count == 3 else {
            findings.append(SignedDataRules.length.finding(
                .wrongLength, "x5c holds \(entries.count) certificate\(entries.count == 1 ? "" : "s"); App Store-signed data carries exactly three: leaf, intermediate, root."))
            outcome.fail(.invalidChainLength)
            return
        }
        // A chain verified before, within its validity window: nothing to read or verify again.
        var chain: CertificateTrust.VerifiedChain? = nil
        var preparedKey: ES256PublicKey? = nil
        if let time, let leafText = entries[0].stringValue, let intermediateText = entries[1].stringValue {
            if let memory, let last = memory.chain, memory.chainTrust === trust, time >= last.validFrom, time <= last.validUntil,
                memory.chainLeaf == leafText, memory.chainIntermediate == intermediateText
            {
                chain = last
                preparedKey = trust.use(last)
            } else if let remembered = trust.rememberedChain(leaf: leafText, intermediate: intermediateText, at: time) {
                chain = remembered.chain
                preparedKey = remembered.preparedKey
                if let memory {
                    (memory.chainLeaf, memory.chainIntermediate, memory.chain, memory.chainTrust) = (leafText, intermediateText, remembered.chain, trust)
                }
            }
        }
        if chain == nil {
            // The leaf and the intermediate; Apple's verifier never reads the third (the root comes from its settings).
            var certificates: [X509Certificate] = []
            for (index, entry) in entries.prefix(2).enumerated() {
                if let certificate = certificate(entry, position: index, into: &findings) {
                    certificates.append(certificate)
                } else {
                    outcome.fail(.invalidCertificate)
                }
            }
            guard certificates.count == 2, let time, let leafText = entries[0].stringValue, let intermediateText = entries[1].stringValue else { return }
            switch trust.verifyRemembering(
                leaf: certificates[0], intermediate: certificates[1], leafText: leafText, intermediateText: intermediateText, at: time,
                leafExtension: leafOID, intermediateExtension: intermediateOID)
            {
            case .failure(let failure):
                findings.append(chainFinding(failure, leaf: certificates[0], intermediate: certificates[1], time: time, trust: trust, options: options))
                outcome.fail(.verificationFailure)
                return
            case .success(let verified):
                chain = verified
            }
        }
        guard let chain else { return }
        let certificates = chain.certificates
        if let root = certificates.last, let third = entries[2].stringValue, third != chain.rootText,
            let bytes = try? Base64.decode(third).get(), bytes != root.der
        {
            findings.append(SignedDataRules.root.finding(
                .notTheRoot, "The third certificate in x5c is not the root the chain verified to (\(root.subjectName)); Apple's verifier ignores it and uses its own root."))
        }
        if !chain.leafHasExtension {
            findings.append(SignedDataRules.leafOID.finding(
                .missing, "The leaf certificate (\(certificates[0].subjectName)) lacks the extension \(leafOID) that marks Apple's App Store signing certificates."))
            outcome.fail(.verificationFailure)
        }
        if certificates.count > 1, !chain.intermediateHasExtension {
            findings.append(SignedDataRules.intermediateOID.finding(
                .missing, "The intermediate certificate (\(certificates[1].subjectName)) lacks the extension \(intermediateOID) of Apple's Worldwide Developer Relations CA."))
            outcome.fail(.verificationFailure)
        }
        let key: ES256PublicKey
        switch chain.leafKey {
        case .success(let leafKey): key = preparedKey ?? leafKey
        case .failure(let error):
            findings.append(SignedDataRules.leafKey.finding(.unsupportedKey, "The leaf certificate's key \(error)."))
            outcome.fail(.verificationFailure)
            return
        }
        let verifier = memory?.verifier(for: key)
        let status = SignatureCheck.verify(
            token, signature: signature, key: key, verifier: verifier, keyName: "the leaf certificate's key", into: &findings)
        outcome.signature = status
        if status != .verified {
            outcome.fail(.verificationFailure)
            return
        }
        if !registeredClaimsPass(claims, now: options.now, into: &findings) { outcome.fail(.verificationFailure) }
    }

    /// PyJWT's checks of the registered claims, which Apple's Python verifier runs once the signature verifies.
    private static func registeredClaimsPass(_ claims: JSONObject, now: Double, into findings: inout [Finding]) -> Bool {
        var passes = true
        func fail(_ message: String) {
            findings.append(SignedDataRules.claims.finding(.wrongValue, message))
            passes = false
        }
        for name in ["iat", "nbf", "exp"] {
            guard let value = claims[name] else { continue }
            guard let seconds = pythonInteger(value) else {
                fail("\(name) is \(value.typeNameWithArticle) that is no whole number; the JWT library Apple's verifier uses refuses it.")
                continue
            }
            if name == "exp", seconds <= now {
                fail("exp is \(TimeText.utc(seconds)), not after now (\(TimeText.utc(now))): the data has expired for the JWT library Apple's verifier uses.")
            } else if name != "exp", seconds > now {
                fail("\(name) is \(TimeText.utc(seconds)), after now (\(TimeText.utc(now))): the JWT library Apple's verifier uses refuses data not valid yet.")
            }
        }
        if let audience = claims["aud"], isTruthy(audience) {
            fail("The claims have aud; no audience is expected of App Store data, and the JWT library Apple's verifier uses refuses it.")
        }
        for name in ["sub", "jti"] {
            if let value = claims[name], value.stringValue == nil {
                fail("\(name) is \(value.typeNameWithArticle), not a string, which the JWT library Apple's verifier uses refuses.")
            }
        }
        return passes
    }

    /// What Python's `int()` makes of a JSON value, in seconds: integers, reals (truncated), booleans, and
    /// strings of digits (with a sign, surrounding whitespace and single underscores between digits).
    private static func pythonInteger(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .real(let number): return number.isFinite ? number.rounded(.towardZero) : nil
        case .bool(let flag): return flag ? 1 : 0
        case .string(let text):
            var digits = Substring(text).drop { $0.isWhitespace }
            while let last = digits.last, last.isWhitespace { digits.removeLast() }
            var negative = false
            if let sign = digits.first, sign == "+" || sign == "-" {
                negative = sign == "-"
                digits.removeFirst()
            }
            guard let first = digits.first, first.isASCII, first.isNumber, let last = digits.last, last.isASCII, last.isNumber,
                digits.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" }), !digits.contains("__")
            else { return nil }
            guard let number = Double(digits.filter { $0 != "_" }) else { return nil }
            return negative ? -number : number
        default: return nil
        }
    }

    /// Whether Python counts the value as true: not null, false, 0, "", [] or {}.
    private static func isTruthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return false
        case .bool(let flag): return flag
        case .integer(let number): return number != 0
        case .real(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .object(let object): return !object.members.isEmpty
        }
    }

    /// One `x5c` entry read as a certificate: standard base64 (as Apple's verifier decodes it) of DER.
    private static func certificate(_ entry: JSONValue, position: Int, into findings: inout [Finding]) -> X509Certificate? {
        let name = position == 0 ? "leaf" : "intermediate"
        guard let text = entry.stringValue else {
            findings.append(SignedDataRules.certificate.finding(.wrongType, "The \(name) in x5c is \(entry.typeNameWithArticle), not a base64 certificate."))
            return nil
        }
        let der: [UInt8]
        switch Base64.decode(text) {
        case .success(let bytes): der = bytes
        case .failure(let error):
            findings.append(SignedDataRules.certificate.finding(.notStandardBase64, "The \(name) in x5c \(error.explanation)."))
            return nil
        }
        do {
            return try X509Certificate(der: der)
        } catch {
            findings.append(SignedDataRules.certificate.finding(.malformed, "The \(name) in x5c cannot be read: \(error)."))
            return nil
        }
    }

    /// When the chain must be valid: the data's `signedDate` (an app transaction's `receiptCreationDate`), in
    /// seconds, or now; `nil` after a finding when that date is not a number.
    private static func chainTime(_ claims: JSONObject, options: LintOptions, into findings: inout [Finding]) -> Double? {
        if options.chainTime == .now { return options.now }
        let member = claims["signedDate"].map { ("signedDate", $0) } ?? claims["receiptCreationDate"].map { ("receiptCreationDate", $0) }
        guard let (name, value) = member, value != .null else { return options.now }
        let milliseconds: Double
        switch value {
        case .integer(let number): milliseconds = Double(number)
        case .real(let number) where number.isFinite: milliseconds = number.rounded(.towardZero)
        case .string(let text) where Int64(text) != nil: milliseconds = Double(Int64(text)!)
        default:
            findings.append(SignedDataRules.date.finding(
                .wrongType, "\(name) is \(value.typeNameWithArticle), not a number of milliseconds: the chain cannot be checked as of it."))
            return nil
        }
        return (milliseconds / 1000).rounded(.down)
    }

    private static func chainFinding(
        _ failure: CertificateTrust.Failure, leaf: X509Certificate, intermediate: X509Certificate, time: Double, trust: CertificateTrust,
        options: LintOptions
    ) -> Finding {
        let which = failure.depth == 0 ? "the leaf (\(leaf.subjectName))" : failure.depth == 1 ? "the intermediate (\(intermediate.subjectName))" : "the root"
        let when = options.chainTime == .now ? "now (\(TimeText.utc(time)))" : "the data's signedDate (\(TimeText.utc(time)))"
        switch failure.code {
        case 10:  // X509_V_ERR_CERT_HAS_EXPIRED
            let until = (failure.depth == 0 ? leaf.notAfter : intermediate.notAfter).map { " on \(TimeText.utc($0))" } ?? ""
            return SignedDataRules.chain.finding(
                .expired, "The chain does not verify as of \(when): \(which) expired\(until).",
                hint: options.chainTime == .now
                    ? "Check past data as of its signedDate (Apple's verifier does with online checks off), not now."
                    : "Data signed after its leaf expired is not Apple's: check where it came from.")
        case 9:  // X509_V_ERR_CERT_NOT_YET_VALID
            return SignedDataRules.chain.finding(.notYetValid, "The chain does not verify as of \(when): \(which) is not valid yet.")
        case 2, 20, 21:  // unable to get issuer certificate (locally): no trusted root issued it
            let roots = trust.roots.map(\.subjectName).joined(separator: "; ")
            return SignedDataRules.chain.finding(
                .untrusted, "The chain does not lead to a trusted root (trusted: \(roots)).",
                hint: "Real App Store data chains to Apple Root CA - G3. Data from a test chain verifies only when its root is given as trusted, in tests.")
        default:
            return SignedDataRules.chain.finding(.chainFailure, "The chain does not verify as of \(when): \(which): \(failure.reason).")
        }
    }

    // MARK: - The payload

    /// The environment the payload names, where Apple's verifier reads it for its type.
    static func environment(of claims: JSONObject, type: SignedPayloadType?) -> SignedEnvironment? {
        let source = identitySource(claims, type: type)
        if type == .externalPurchaseToken {
            guard let id = source?["externalPurchaseId"]?.stringValue else { return .production }
            return id.hasPrefix("SANDBOX") ? .sandbox : .production
        }
        let name = type == .appTransaction ? "receiptType" : "environment"
        return (source?[name]?.stringValue).flatMap(SignedEnvironment.init(rawValue:))
    }

    /// Where the payload's app identity and environment are: the payload itself, or a notification's `data`,
    /// `summary`, `externalPurchaseToken` or `appData`.
    private static func identitySource(_ claims: JSONObject, type: SignedPayloadType?) -> JSONObject? {
        guard type == .notification || type == .summary || type == .externalPurchaseToken else { return claims }
        for name in ["data", "summary", "externalPurchaseToken", "appData"] {
            if let value = claims[name], value != .null {
                if case .object(let object) = value { return object }
                return JSONObject(members: [])
            }
        }
        return nil
    }

    /// Without an expected environment: a verifier for the data's own, when the App Store signs it; else Sandbox.
    private static func assumedEnvironment(for environment: SignedEnvironment?) -> SignedEnvironment {
        guard let environment, environment.isSignedByTheAppStore else { return .sandbox }
        return environment
    }

    private static func checkPayload(
        _ claims: JSONObject, type: SignedPayloadType?, environment: SignedEnvironment?, expected: SignedEnvironment, environmentGiven: Bool,
        options: LintOptions,
        into findings: inout [Finding], _ outcome: inout Outcome
    ) {
        if type == nil {
            findings.append(SignedDataRules.type.finding(
                .unknownPayload,
                "The payload is no kind of App Store-signed data jwtlint knows (a notification, transaction, renewal info, app transaction or realtime request); it is judged as a transaction."))
        }
        let judgedType = type ?? .transaction
        let source = identitySource(claims, type: judgedType)
        // The app: bundleId (all but renewal info and realtime requests), appAppleId in production (all that carry it).
        var appMatches = true
        if judgedType != .renewalInfo && judgedType != .realtimeRequest {
            let bundleID = source?["bundleId"]?.stringValue
            if let expectedBundle = options.bundleID {
                if bundleID != expectedBundle {
                    appMatches = false
                    let shown = bundleID.map(JSONText.quoted) ?? "missing"
                    findings.append(SignedDataRules.bundleID.finding(
                        .mismatch, "bundleId is \(shown), but the expected bundle ID is \(JSONText.quoted(expectedBundle))."))
                }
            } else {
                findings.append(SignedDataRules.bundleID.finding(
                    .notChecked, "bundleId \(bundleID.map(JSONText.quoted) ?? "(missing)") was not compared: no bundle ID was expected.", severity: .info))
            }
        }
        if expected == .production && judgedType != .renewalInfo && judgedType != .transaction {
            let appAppleID = source?["appAppleId"].flatMap(appleID)
            if let expectedID = options.appAppleID {
                if appAppleID != expectedID {
                    appMatches = false
                    findings.append(SignedDataRules.appAppleID.finding(
                        .mismatch, "appAppleId is \(appAppleID.map(String.init) ?? "missing"), but the expected app Apple ID is \(expectedID); production data must name the app."))
                }
            } else {
                findings.append(SignedDataRules.appAppleID.finding(
                    .notChecked, "appAppleId was not compared: no app Apple ID was given, and Apple's verifier needs one for production data.",
                    severity: .warning))
            }
        }
        if !appMatches { outcome.fail(.invalidAppIdentifier) }
        // `environment` was read for `type`; an unknown type is judged as a transaction, which reads the same member.
        if environment != expected {
            let shown = environment.map { JSONText.quoted($0.rawValue) } ?? "missing"
            findings.append(SignedDataRules.environment.finding(
                .mismatch,
                "The data's environment is \(shown), but \(environmentGiven ? "the expected environment is" : "it is judged as") \(JSONText.quoted(expected.rawValue)).",
                hint: expected == .production && environment == .sandbox
                    ? "Sandbox data reaches production servers (App Review, TestFlight): verify it with a sandbox verifier when production fails with INVALID_ENVIRONMENT."
                    : nil))
            outcome.fail(.invalidEnvironment)
        } else if !environmentGiven, expected.isSignedByTheAppStore {
            findings.append(SignedDataRules.environment.finding(
                .notChecked, "No environment was expected: judged as a \(expected.rawValue) verifier would.", severity: .info))
        }
    }

    /// An `appAppleId` as Apple's verifier compares it: a whole number.
    private static func appleID(_ value: JSONValue) -> Int64? {
        switch value {
        case .integer(let number): return number
        case .real(let number) where number.rounded() == number && abs(number) < 9e15: return Int64(number)
        default: return nil
        }
    }
}
