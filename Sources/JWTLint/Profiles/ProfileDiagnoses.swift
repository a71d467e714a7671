/// What `diagnose` says of each kind of token: how it names the kind, which hosts take it, and the causes left when
/// such a token is well-formed and still refused.
extension ProfileDiagnosis {
    private static let storeKitHosts = [HostPattern(prefix: "api.storekit", suffix: "apple.com")]

    static let appStoreServerAPI = ProfileDiagnosis(
        kindPhrase: "an App Store Server API token",
        hosts: storeKitHosts,
        cleanTokenCauses: { result, _ in
            [Diagnosis.Cause(
                title: "The key is not an In-App Purchase key, or belongs to another team",
                evidence: ["The token itself is well-formed\(result.signature == .verified ? " and verifies with the key given" : ""); Apple still refused it."],
                fix: "Sign with a key from Users and Access → Integrations → In-App Purchase of the team that owns the app (not an App Store Connect API key), with that page's issuer ID.",
                source: "apple/app-store-server-library-python#57; apple-jwt-rules §6 cause 5", likelihood: 45, rules: [])]
        })

    /// The three StoreKit in-app signatures: passed to StoreKit, never sent as a bearer token.
    static func inApp(_ kindPhrase: String) -> ProfileDiagnosis {
        ProfileDiagnosis(
            kindPhrase: kindPhrase,
            kindTitleAgainst: { judged in
                judged.audience == Profile.appStoreServerAPI.audience ? "This is a StoreKit in-app signature, not a server API token" : nil
            },
            cleanTokenCauses: { result, request in
                let profile = Profile.named(result.profile)
                return [Diagnosis.Cause(
                    title: "This is a StoreKit in-app signature, not a server API token",
                    evidence: ["The token is a well-formed \(profile.title) (aud \"\(profile.audience)\"): the app passes it to StoreKit; Apple's servers refuse it as a bearer token."],
                    fix: "Server calls need their own token: aud \"appstoreconnect-v1\", exp at most an hour after iat. If StoreKit refused this JWS, check its product, offer and transaction against the purchase.",
                    source: "apple-jwt-rules §1 (in-app JWS profile)", likelihood: request.form == .token ? 60 : 97, rules: [.audience])]
            })
    }

    static let appStoreConnectAPI = ProfileDiagnosis(
        kindPhrase: "an App Store Connect API token",
        kindTitleAgainst: { judged in
            judged.recognition == .defaultKind ? "This is an App Store Connect API token, not \(judged.titleWithArticle)" : nil
        },
        lifetimeTitle: "The lifetime is over App Store Connect's 20-minute limit",
        lifetimeSource: "apple-jwt-rules §2",
        hosts: [HostPattern(exactly: "api.appstoreconnect.apple.com")],
        cleanTokenCauses: { result, _ in
            [Diagnosis.Cause(
                title: "The key is not an App Store Connect API key, or lacks the role",
                evidence: ["The token itself is well-formed\(result.signature == .verified ? " and verifies with the key given" : ""); App Store Connect still refused it."],
                fix: "Sign with a key from Users and Access → Integrations → App Store Connect API (team or individual) with a role that allows the request (403 FORBIDDEN_ERROR means the role is too low).",
                source: "apple-jwt-rules §2 and §6 cause 5", likelihood: 45, rules: [])]
        })

    static let appleSigned = ProfileDiagnosis(
        kindPhrase: "data the App Store signed",
        cleanTokenCauses: { result, request in
            if request.form == .token {
                return [Diagnosis.Cause(
                    title: "jwtlint finds nothing wrong with this data under these settings",
                    evidence: ["Apple's verifier would answer \(result.verificationStatus?.rawValue ?? "OK") for it, with the bundle ID, app Apple ID, environment and roots given here."],
                    fix: "Compare these settings with your verifier's: its bundle ID, app Apple ID (production), environment and root certificates (Apple Root CA - G3).",
                    source: "Apple's SignedDataVerifier", likelihood: 50, rules: [])]
            }
            return [Diagnosis.Cause(
                title: "This is data the App Store signed, not a bearer token",
                evidence: ["The header has x5c: this is a notification, transaction or renewal info that Apple signed, which a server verifies; it cannot authenticate a call."],
                fix: "Sign each API call with a bearer token of your In-App Purchase key: aud \"appstoreconnect-v1\", bid, iss, iat, exp.",
                source: "App Store Server API (Generating JSON Web Tokens for API requests)", likelihood: 95, rules: [])]
        })

    /// A clean token that a service refused: the key is not of the right kind, or not of this team.
    private static func wrongKey(_ service: String, kind: String, error: String, source: String) -> @Sendable (LintResult, CapturedRequest) -> [Diagnosis.Cause] {
        { result, _ in
            [Diagnosis.Cause(
                title: "The key is not \(kind) of this team",
                evidence: ["The token itself is well-formed\(result.signature == .verified ? " and verifies with the key given" : ""); \(service) still refused it (\(error))."],
                fix: "Sign with a key enabled for \(service) in Certificates, Identifiers & Profiles → Keys, of the team whose Team ID is iss, with that key's ID as kid.",
                source: source, likelihood: 45, rules: [])]
        }
    }

    static let apns = ProfileDiagnosis(
        kindPhrase: "an APNs provider token",
        hosts: [HostPattern(exactly: "api.push.apple.com"), HostPattern(exactly: "api.sandbox.push.apple.com")],
        cleanTokenCauses: wrongKey("APNs", kind: "an APNs key", error: "403 InvalidProviderToken", source: Sources.apnsErrors))

    static let deviceCheck = ProfileDiagnosis(
        kindPhrase: "a DeviceCheck token",
        hosts: [HostPattern(exactly: "api.devicecheck.apple.com"), HostPattern(exactly: "api.development.devicecheck.apple.com")],
        cleanTokenCauses: wrongKey("DeviceCheck", kind: "a DeviceCheck key", error: "401 Invalid Authorization Token", source: Sources.deviceCheckToken))

    static let signInWithApple = ProfileDiagnosis(
        kindPhrase: "a Sign in with Apple client secret",
        lifetimeTitle: "The client secret lives longer than Apple's six months",
        lifetimeSource: Sources.clientSecret,
        hosts: [HostPattern(exactly: "appleid.apple.com")],
        cleanTokenCauses: wrongKey("Sign in with Apple", kind: "a Sign in with Apple key", error: "invalid_client", source: Sources.clientSecret))

    static let musicKit = ProfileDiagnosis(
        kindPhrase: "a MusicKit developer token",
        lifetimeTitle: "The developer token lives longer than Apple Music's six months",
        lifetimeSource: Sources.musicKitToken,
        hosts: [HostPattern(exactly: "api.music.apple.com")],
        cleanTokenCauses: wrongKey("the Apple Music API", kind: "a MusicKit key", error: "401", source: Sources.musicKitToken))

    static let weatherKit = ProfileDiagnosis(
        kindPhrase: "a WeatherKit token",
        hosts: [HostPattern(exactly: "weatherkit.apple.com")],
        cleanTokenCauses: wrongKey("WeatherKit", kind: "a WeatherKit key", error: "401", source: Sources.weatherKitToken))

    static let mapKit = ProfileDiagnosis(
        kindPhrase: "a MapKit token",
        hosts: [HostPattern(exactly: "maps-api.apple.com")],
        cleanTokenCauses: wrongKey("the Maps Server API", kind: "a Maps key", error: "401", source: Sources.mapsToken))

    static let signInWithAppleIdentity = ProfileDiagnosis(
        kindPhrase: "a Sign in with Apple identity token",
        cleanTokenCauses: { _, _ in [] })
}
