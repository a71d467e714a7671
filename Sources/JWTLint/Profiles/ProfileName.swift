/// The kinds of token jwtlint judges, each under its own rules: the names `--profile` takes.
public enum ProfileName: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Bearer tokens for the App Store Server, External Purchase Server, Advanced Commerce (server calls) and
    /// Retention Messaging APIs, signed with an In-App Purchase key.
    case appStoreServerAPI = "app-store-server-api"
    /// The JWS a server signs for StoreKit to apply a promotional offer (`aud` `promotional-offer`).
    case promotionalOffer = "promotional-offer"
    /// The JWS a server signs for StoreKit to set introductory offer eligibility (`aud`
    /// `introductory-offer-eligibility`).
    case introductoryOfferEligibility = "introductory-offer-eligibility"
    /// The JWS a server signs for an Advanced Commerce API request made from the app (`aud` `advanced-commerce-api`).
    case advancedCommerceInApp = "advanced-commerce-in-app"
    /// Bearer tokens for the App Store Connect API, signed with a team or individual App Store Connect API key.
    /// Chosen only when asked for: its `aud` is the App Store Server API's.
    case appStoreConnectAPI = "app-store-connect-api"
    /// Data the App Store signs and a server verifies: notifications, transactions, renewal info, app
    /// transactions, realtime requests (a header with `x5c`).
    case appleSigned = "apple-signed"
    /// The provider token a server signs with an APNs key to send push notifications. Chosen only when pinned.
    case apns = "apns"
    /// The token a server signs to call the DeviceCheck and App Attest servers (the APNs token's shape). Chosen
    /// only when pinned.
    case deviceCheck = "devicecheck"
    /// The client secret a server signs for Sign in with Apple's REST API (`aud` `https://appleid.apple.com`).
    case signInWithApple = "sign-in-with-apple"
    /// The developer token for the Apple Music API. Chosen only when pinned.
    case musicKit = "musickit"
    /// The token for WeatherKit's REST API (a header `id`, `TEAMID.SERVICEID`).
    case weatherKit = "weatherkit"
    /// The token for MapKit JS and the Maps Server API (`scope` of Maps frameworks). Chosen only when pinned.
    case mapKit = "mapkit"
    /// The identity token Apple signs (RS256) when a user signs in with Apple (`iss` `https://appleid.apple.com`).
    case signInWithAppleIdentity = "sign-in-with-apple-identity"

    /// The name as written: `promotional-offer`.
    public var description: String { rawValue }

    /// The profile's place in ``allCases``, without building that array.
    var position: Int { Self.positions[self] ?? 0 }

    private static let positions: [ProfileName: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// The names, by ``position``.
    static let names = allCases.map(\.rawValue)
}

/// Which profile judges a token: the one `auto` picks from the token itself, or one the user pins.
public enum ProfileChoice: Sendable, Hashable, CustomStringConvertible {
    /// Pick by the token: its `aud`. A token of no recognised kind is judged as an App Store Server API token.
    case auto
    /// Judge every token under this profile; a token of another kind fails it, with the reason.
    case pinned(ProfileName)

    /// `auto`, or a profile name.
    public init?(name: String) {
        if name == "auto" {
            self = .auto
        } else if let profile = ProfileName(rawValue: name) {
            self = .pinned(profile)
        } else {
            return nil
        }
    }

    /// Every name a choice is written as (`auto` first), as configuration files and the command line take them.
    package static var names: [String] { ["auto"] + ProfileName.allCases.map(\.rawValue) }

    /// `auto` or the profile's name.
    public var description: String {
        switch self {
        case .auto: return "auto"
        case .pinned(let profile): return profile.rawValue
        }
    }
}
