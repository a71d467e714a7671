/// The likely causes of a 401 from Apple, ranked, each with evidence from the request and a fix.
///
/// The causes come from the common causes of 401 collected from Apple's documentation, forums and the issue
/// trackers of Apple's and others' libraries (the project's research notes, apple-jwt-rules §6–7): DER
/// signatures, millisecond timestamps, lifetimes at or over the limit, clock skew, the wrong kind of key or token,
/// wrong kid/iss/bid, production calls before a production release, sandbox and production mixed up.
package struct Diagnosis: Sendable {
    /// One likely cause.
    package struct Cause: Sendable, Equatable {
        /// What is wrong, in a few words.
        package let title: String
        /// What in the request shows it.
        package let evidence: [String]
        /// What to do.
        package let fix: String
        /// Where the knowledge comes from.
        package let source: String
        /// How likely it is, 0–100: a defect in the token outranks anything the token cannot show.
        package let likelihood: Int
        /// The rules that found it (none for what only the request or Apple's response shows).
        package let rules: [RuleID]
    }

    /// The request as read.
    package let request: CapturedRequest
    /// The lint result of the token, when the request carried one.
    package let result: LintResult?
    /// Apple's response, when given.
    package let response: AppleResponse?
    /// The causes, most likely first.
    package let causes: [Cause]
    /// Whether a key was given to verify the signature with.
    package let keyGiven: Bool

    /// Diagnoses `request` (and `response`) with `options`: the key, expected values, "now" (this machine's clock,
    /// to show skew against) and the profile. A 401 comes from an API, so under `auto` the token is judged as the
    /// host's kind (the App Store Connect API's host: an App Store Connect API token), and as an App Store Server
    /// API token otherwise: a StoreKit in-app JWS sent as a bearer token is named as the wrong kind.
    package static func diagnose(_ request: CapturedRequest, response: AppleResponse?, options: LintOptions) -> Diagnosis {
        var causes: [Cause] = []
        var result: LintResult?
        if let line = request.tokenLine {
            var options = options
            // App Store-signed data given on its own is judged as what it is: a verifier's failure, not a 401.
            let signedData = request.form == .token && Profile.named(TokenKind.automatic(DecodedToken.decode(line))).verification == .appleChain
            if case .auto = options.profile, !signedData {
                options.profile = .pinned(profile(forHost: request.host) ?? Profile.defaultKind.name)
            }
            let linted = Linter(options: options).lint(line)
            result = linted
            causes += tokenCauses(linted, options: options)
        } else {
            causes.append(Cause(
                title: "The request sends no Authorization header",
                evidence: ["The \(request.form.rawValue) has no 'Authorization: Bearer <token>' header."],
                fix: "Send the token as 'Authorization: Bearer <token>' (curl: -H 'Authorization: Bearer $TOKEN').",
                source: appleTokens, likelihood: 100, rules: []))
        }
        if request.authorizationHeaders > 1 {
            causes.append(Cause(
                title: "The request sends \(request.authorizationHeaders) Authorization headers",
                evidence: ["Only one is read; the other may be stale or empty."],
                fix: "Send exactly one Authorization header.", source: "RFC 9110 §11.6.2", likelihood: 96, rules: []))
        }
        let tokenIsClean = !(result?.hasErrors ?? true)
        causes += hostCauses(request, tokenIsClean: tokenIsClean)
        if let response { causes += responseCauses(response, tokenIsClean: tokenIsClean, findings: result?.findings ?? []) }
        if tokenIsClean, let result {
            causes += cleanTokenCauses(result, request: request)
        }
        causes = merged(causes).sorted { $0.likelihood > $1.likelihood }
        return Diagnosis(request: request, result: result, response: response, causes: causes, keyGiven: options.key != nil)
    }

    static let appleTokens = Sources.appStoreServerAPITokens

    /// The profile a request to this host must carry, if the host says.
    static func profile(forHost host: String?) -> ProfileName? {
        guard let host else { return nil }
        return Profile.all.first { profile in profile.diagnosis.hosts.contains { $0.matches(host) } }?.name
    }

    /// Causes with the same title (iat and exp both in milliseconds) as one, with all their evidence.
    private static func merged(_ causes: [Cause]) -> [Cause] {
        var result: [Cause] = []
        for cause in causes {
            if let index = result.firstIndex(where: { $0.title == cause.title }) {
                let first = result[index]
                result[index] = Cause(
                    title: first.title, evidence: first.evidence + cause.evidence, fix: first.fix, source: first.source,
                    likelihood: max(first.likelihood, cause.likelihood),
                    rules: first.rules + cause.rules.filter { !first.rules.contains($0) })
            } else {
                result.append(cause)
            }
        }
        return result
    }

    /// How likely a finding is to be the cause, what to call it and where the knowledge comes from, by its rule
    /// and cause: ranked by how often each breaks real requests.
    static func rank(_ finding: Finding, profile: Profile) -> (likelihood: Int, title: String, source: String)? {
        let error = finding.severity == .error
        if profile.verification == .appleChain { return signedDataRank(finding, error: error) }
        switch (finding.rule, finding.cause) {
        case (.tokenFormat, .bearerTwice):
            return (100, "The Authorization header says Bearer twice", "apple-jwt-rules §6 (Bearer formatting)")
        case (.tokenFormat, _): return (99, "The Authorization value is not one token", "RFC 6750 §2.1")
        case (.tokenEncoding, _), (.tokenJSON, _), (.tokenDuplicateKey, _): return (98, "The token is malformed", "RFC 7515 §3, §7.1")
        case (_, .otherKind(let other)):
            return (97, kindTitle(other, judgedAs: profile), "apple-jwt-rules §1, §2 and §6 cause 5")
        case (.headerAlgorithm, _): return (95, "The token is not signed with ES256", "apple-jwt-rules §1 (alg)")
        case (.signatureEncoding, .der): return (94, "The signature is DER-encoded, not raw r || s", "apple-jwt-rules §6 cause 1")
        case (.signatureEncoding, _): return (93, "The signature has the wrong length", "RFC 7518 §3.4")
        case (.issuedAt, .milliseconds), (.expiration, .milliseconds):
            return (93, "iat or exp is in milliseconds, not seconds", "apple-jwt-rules §6 cause 2 (forum thread 732746)")
        case (.expiration, .expired): return (92, "The token has expired", "RFC 7519 §4.1.4; apple-jwt-rules §6 cause 3")
        case (.expiration, .forbidden):
            return (92, "The in-app JWS has exp, which Apple refuses", "apple-in-app-and-signed-data §0 (no exp)")
        case (.issuedAt, .issuedInFuture):
            return (91, "Clock skew: the token was issued in the future", "apple-jwt-rules §6 cause 4 (go-iap#277)")
        case (.issuedAt, .stale) where error:
            return (92, "The token is older than \(profile.titleWithArticle) may be", profile.source)
        case (.headerServiceID, _):
            return (93, "The header's id is missing or is not TEAMID.SERVICEID", profile.source)
        case (.lifetime, .tooLong): return (90, profile.diagnosis.lifetimeTitle, profile.diagnosis.lifetimeSource)
        case (.lifetime, _) where error: return (90, "The lifetime is over Apple's 60-minute limit", "apple-jwt-rules §6 cause 3")
        case (.signatureRange, _): return (90, "The signature is not a valid ECDSA signature", "CVE-2022-21449")
        case (.bundleID, _): return (89, "bid is missing or wrong", "apple-jwt-rules §6 cause 10 (forum thread 833144)")
        case (.audience, _): return (88, "aud is not \(profile.audience)", "apple-jwt-rules §6 cause 11")
        case (.signatureMismatch, _):
            return (87, "The token is signed with another key than the one given", "apple-jwt-rules §6 causes 5 and 6")
        case (.issuer, _) where profile.expectations.issuer == .teamID: return (86, "iss is not the Team ID", profile.source)
        case (.issuer, _): return (86, "iss is not the issuer ID", "apple-jwt-rules §6 cause 6")
        case (.subject, _) where profile.expectations.subject == .clientID: return (86, "sub is not the client ID", profile.source)
        case (.subject, _): return (86, "sub is not \"user\"", "apple-jwt-rules §2 (individual keys)")
        case (.headerKeyID, _) where error: return (86, "kid does not name the signing key", "apple-jwt-rules §6 causes 6 and 9")
        case (.issuedAt, .missing) where error:
            return (85, "iat is missing from the in-app JWS", "apple-in-app-and-signed-data §0")
        case (.issuedAt, _) where error, (.expiration, _) where error:
            return (85, "iat or exp is not a number of seconds", "RFC 7519 §2")
        case (.nonce, _), (.productID, _), (.offerIdentifier, _), (.transactionID, _), (.allowIntroductoryOffer, _), (.request, _):
            guard error else { return nil }
            return (84, "\(finding.rule.name) is missing or wrong in the \(profile.title)",
                    "apple-in-app-and-signed-data §1-3")
        case (.scope, _): return (84, "The scope is malformed", "apple-jwt-rules §2 (scope)")
        case (.origin, _): return (84, "origin is not an array of web origins", profile.source)
        case (.headerCritical, _): return (80, "The header asks for extensions Apple does not know", "RFC 7515 §4.1.11")
        case (.headerType, _) where error: return (70, "typ declares another kind of token", "apple-jwt-rules §1 (typ)")
        case (.lifetime, _): return (60, "The lifetime is within a minute of the limit", "apple-jwt-rules §6 cause 3")
        case (.headerKeyID, _): return (40, "kid may not name the signing key", "apple-jwt-rules §4 (file names)")
        default: return nil
        }
    }

    /// The ranking for App Store-signed data: what makes Apple's verifier fail, most common first (the libraries'
    /// issue trackers: sandbox data on a production verifier, the wrong bundle ID, data checked as of now).
    private static func signedDataRank(_ finding: Finding, error: Bool) -> (likelihood: Int, title: String, source: String)? {
        let verifier = "Apple's SignedDataVerifier; apple-in-app-and-signed-data §6"
        switch (finding.rule, finding.cause) {
        case (.signedDataUnsigned, _) where error:
            return (97, "This is Xcode or local-testing data, which the App Store did not sign", "\(verifier) (py#22)")
        case (_, .otherKind(let other)):
            return (96, "This is \(Profile.named(other).titleWithArticle), not data the App Store signed", verifier)
        case (.signedDataEnvironment, .mismatch):
            return (95, "The data's environment is not the verifier's (INVALID_ENVIRONMENT)", "\(verifier) (nd#209, nd#227)")
        case (.signedDataBundleID, .mismatch):
            return (94, "The verifier expects another bundle ID (INVALID_APP_IDENTIFIER)", verifier)
        case (.signedDataAppAppleID, .mismatch):
            return (93, "The verifier expects another app Apple ID (INVALID_APP_IDENTIFIER)", verifier)
        case (.x5cChain, .expired):
            return (92, "A certificate has expired as of the time checked (VERIFICATION_FAILURE)", verifier)
        case (.x5cChain, .untrusted):
            return (91, "The chain leads to a root the verifier does not trust (VERIFICATION_FAILURE)", "\(verifier) (nd#176, nd#204)")
        case (.x5cChain, _), (.signedDataDate, _):
            return (90, "The chain does not verify (VERIFICATION_FAILURE)", verifier)
        case (.x5cLength, .wrongLength):
            return (89, "x5c does not hold three certificates (INVALID_CHAIN_LENGTH)", verifier)
        case (.x5cLength, _), (.headerAlgorithm, _), (.tokenFormat, _), (.tokenEncoding, _), (.tokenJSON, _):
            return (89, "This is not App Store-signed data as Apple sends it (VERIFICATION_FAILURE)", verifier)
        case (.x5cCertificate, _):
            return (88, "A certificate in x5c cannot be read (INVALID_CERTIFICATE)", verifier)
        case (.x5cLeafOID, _), (.x5cIntermediateOID, _), (.x5cLeafKey, _):
            return (87, "The certificates are not the App Store's signing certificates (VERIFICATION_FAILURE)", verifier)
        case (.signatureMismatch, _), (.signatureEncoding, _), (.signatureRange, _):
            return (86, "The data was changed after it was signed (VERIFICATION_FAILURE)", verifier)
        case (.signedDataAppAppleID, .notChecked):
            return (70, "A production verifier needs the app's Apple ID", verifier)
        default:
            return nil
        }
    }

    /// "This is a StoreKit in-app signature, not a server API token", and the like.
    private static func kindTitle(_ other: ProfileName, judgedAs profile: Profile) -> String {
        let diagnosis = Profile.named(other).diagnosis
        return diagnosis.kindTitleAgainst(profile) ?? "This is \(diagnosis.kindPhrase), not \(profile.titleWithArticle)"
    }

    /// Causes found by the lint rules, ranked by how often each breaks real requests.
    private static func tokenCauses(_ result: LintResult, options: LintOptions) -> [Cause] {
        var causes: [Cause] = []
        let profile = Profile.named(result.profile)
        for finding in result.findings {
            guard let (likelihood, title, source) = rank(finding, profile: profile) else {
                // An error no ranking knows still makes the request fail: it is named, below every known cause.
                if finding.severity == .error {
                    causes.append(Cause(
                        title: "The token breaks the rule \(finding.rule)", evidence: [finding.message], fix: finding.hint,
                        source: RuleCatalog.rule(finding.rule)?.source ?? "jwtlint's rules", likelihood: 30, rules: [finding.rule]))
                }
                continue
            }
            causes.append(Cause(title: title, evidence: [finding.message], fix: finding.hint, source: source, likelihood: likelihood, rules: [finding.rule]))
        }
        // Skew within the leeway: not an error for jwtlint, but Apple refuses an iat even a second ahead of its clock.
        if let claims = result.claims, case .seconds(let iat) = TimeClaim.read("iat", in: claims), iat > options.now,
            iat <= options.now + options.leeway
        {
            causes.append(Cause(
                title: "Clock skew: iat is ahead of this machine's clock",
                evidence: ["iat is \(TimeText.utc(iat)), \(TimeText.duration(iat - options.now)) ahead of this machine's clock (\(TimeText.utc(options.now)))."],
                fix: "Sync the signing server's clock with NTP and back-date iat by a few seconds.",
                source: "apple-jwt-rules §6 cause 4 (go-iap#277: one second ahead gave 401)", likelihood: 75, rules: [.issuedAt]))
        }
        return causes
    }

    /// Causes outside a token that lints clean: the key, and the kind of token for where it was sent.
    private static func cleanTokenCauses(_ result: LintResult, request: CapturedRequest) -> [Cause] {
        Profile.named(result.profile).diagnosis.cleanTokenCauses(result, request)
    }

    /// Causes the host and path show.
    private static func hostCauses(_ request: CapturedRequest, tokenIsClean: Bool) -> [Cause] {
        guard let host = request.host else { return [] }
        var causes: [Cause] = []
        let production = ["api.storekit.apple.com", "api.storekit.itunes.apple.com"]
        let sandbox = ["api.storekit-sandbox.apple.com", "api.storekit-sandbox.itunes.apple.com"]
        let path = request.path ?? ""
        if host == "api.appstoreconnect.apple.com" {
            causes.append(Cause(
                title: "The request goes to the App Store Connect API",
                evidence: ["The host is \(host); App Store Server API tokens are for api.storekit.apple.com."],
                fix: "Call https://api.storekit.apple.com (or api.storekit-sandbox.apple.com), or sign an App Store Connect API token for this host.",
                source: "apple-jwt-rules §2", likelihood: 85, rules: []))
        } else if host == "buy.itunes.apple.com" || host == "sandbox.itunes.apple.com" {
            causes.append(Cause(
                title: "The request goes to verifyReceipt, which takes no JWT",
                evidence: ["The host is \(host), the legacy receipt validation service."],
                fix: "Use the App Store Server API at https://api.storekit.apple.com with this token.",
                source: "apple-jwt-rules §1 (hosts)", likelihood: 85, rules: []))
        } else if production.contains(host) {
            causes.append(Cause(
                title: "Production endpoint: the app may have no production release yet",
                evidence: ["The request goes to \(host) (production). Apps without a production release get 401 from production endpoints."],
                fix: "Until the app has a release in production, call https://api.storekit-sandbox.apple.com.",
                source: "apple-jwt-rules §6 cause 7 (app-store-server-library-node#60, forum thread 806452)",
                likelihood: tokenIsClean ? 70 : 35, rules: []))
            causes.append(Cause(
                title: "Sandbox and production mixed up",
                evidence: ["The request goes to production (\(host)); a sandbox transaction (TestFlight, Xcode) is only known to the sandbox host."],
                fix: "Call https://api.storekit-sandbox.apple.com for sandbox transactions, and fall back to it on 404 from production.",
                source: "apple-jwt-rules §6 cause 8 (forum thread 757719)", likelihood: tokenIsClean ? 60 : 30, rules: []))
        } else if sandbox.contains(host) {
            causes.append(Cause(
                title: "Sandbox and production mixed up",
                evidence: ["The request goes to the sandbox (\(host)); production transactions are only known to api.storekit.apple.com."],
                fix: "Call https://api.storekit.apple.com for production transactions.",
                source: "apple-jwt-rules §6 cause 8 (go-iap#283)", likelihood: tokenIsClean ? 55 : 30, rules: []))
        } else if !host.hasSuffix("apple.com") {
            causes.append(Cause(
                title: "The request does not go to Apple",
                evidence: ["The host is \(host)."],
                fix: "Send App Store Server API calls to https://api.storekit.apple.com or https://api.storekit-sandbox.apple.com.",
                source: "apple-jwt-rules §1 (hosts)", likelihood: 50, rules: []))
        }
        if host.hasSuffix(".itunes.apple.com"), production.contains(host) || sandbox.contains(host) {
            causes.append(Cause(
                title: "An older host name",
                evidence: ["\(host) still works, but Apple now recommends api.storekit(-sandbox).apple.com."],
                fix: "Move to https://api.storekit.apple.com and https://api.storekit-sandbox.apple.com.",
                source: "App Store Server API changelog, 2026-05-05", likelihood: 5, rules: []))
        }
        if path.hasPrefix("/advancedCommerce/") {
            causes.append(Cause(
                title: "Advanced Commerce API access",
                evidence: ["The request is to the Advanced Commerce API, which needs the account and key to be enabled for it (it answers 401 with errorCode 4010000 otherwise)."],
                fix: "Check that the Advanced Commerce API is enabled for the account and app.",
                source: "apple-jwt-rules §6 cause 12 (forum thread 844896)", likelihood: tokenIsClean ? 65 : 25, rules: []))
        }
        return causes
    }

    /// Causes Apple's response shows.
    private static func responseCauses(_ response: AppleResponse, tokenIsClean: Bool, findings: [Finding]) -> [Cause] {
        var causes: [Cause] = []
        if let word = response.errorWord, let meaning = ServiceErrorWords.meaning(of: word) {
            // The word confirms a finding of the rules it points to; otherwise it is the service's own reading.
            let confirmed = findings.contains { $0.severity == .error && meaning.rules.contains($0.rule) }
            causes.append(Cause(
                title: "The service says \(word): \(meaning.title)",
                evidence: ["The response's body names the error \(word)."] + (confirmed ? ["The token's own findings say the same."] : []),
                fix: meaning.fix, source: meaning.source, likelihood: confirmed ? 89 : (tokenIsClean ? 80 : 50), rules: meaning.rules))
        }
        if response.errorCode == 4010000 {
            causes.append(Cause(
                title: "Apple says the account or key is not authorized for this API (4010000)",
                evidence: ["The response has errorCode 4010000."],
                fix: "Check the API is enabled for the account, and that the key is an In-App Purchase key of that team.",
                source: "apple-jwt-rules §7", likelihood: tokenIsClean ? 80 : 40, rules: []))
        }
        if response.status == 404, response.errorCode == 4040003 || response.errorCode == 4040010 {
            causes.append(Cause(
                title: "Apple found no app for this bid in this environment",
                evidence: ["The response is 404 with errorCode \(response.errorCode ?? 0)."],
                fix: "Check bid against the bundle ID in App Store Connect, and the environment (sandbox or production).",
                source: "App Store Server API, AppNotFoundError", likelihood: 85, rules: [.bundleID]))
        }
        return causes
    }
}
