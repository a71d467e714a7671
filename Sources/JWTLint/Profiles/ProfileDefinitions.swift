/// The profiles jwtlint knows: each a rule set and its expectations.
extension Profile {
    /// Every profile, in the order of ``ProfileName``.
    static let definitions: [Profile] = [
        appStoreServerAPI, promotionalOffer, introductoryOfferEligibility, advancedCommerceInApp, appStoreConnectAPI, appleSigned,
        apns, deviceCheck, signInWithApple, musicKit, weatherKit, mapKit, signInWithAppleIdentity,
    ]

    /// The example claims every kind shares: the issuer ID, the bundle ID, an iat 30 s before the examples' now.
    private static let exampleIssuer = #""57246542-96fe-1a63-e053-0824d011072a""#
    fileprivate static let exampleBundle = #""com.example.app""#
    fileprivate static let exampleIssuedAt = "1767225570"

    /// An in-app JWS's example claims before its feature claims.
    private static func inAppExampleClaims(audience: String) -> [(name: String, value: String)] {
        [
            ("iss", exampleIssuer), ("iat", exampleIssuedAt), ("aud", "\"\(audience)\""), ("bid", exampleBundle),
            ("nonce", #""c2a5f9e1-3b7d-4e0a-9f51-6d2c8b4a7e13""#),
        ]
    }

    /// How the StoreKit in-app JWS are signed: the common claims as Apple's libraries write them, then the kind's own.
    private static func inAppSigning(_ own: [SigningRecipe.Claim]) -> SigningRecipe {
        SigningRecipe([.issuer, .issuedAt, .audience, .bundleID, .nonce] + own)
    }

    /// The header rules every profile runs.
    fileprivate static let headerRules: [any LintRule] = [
        HeaderAlgorithmRule(), HeaderKeyIDRule(), HeaderTypeRule(), HeaderCriticalRule(), HeaderEmbeddedKeyRule(),
    ]

    /// Bearer tokens for the App Store Server, External Purchase Server, Advanced Commerce (server calls) and
    /// Retention Messaging APIs.
    package static let appStoreServerAPI = Profile(
        name: .appStoreServerAPI,
        title: "App Store Server API token",
        summary: """
            The bearer token a server signs with its In-App Purchase key for each call to the App Store Server API, \
            the External Purchase Server API, the Advanced Commerce API's server endpoints and the Retention \
            Messaging API: header alg ES256, kid, typ JWT; claims iss, iat, exp at most 60 minutes after iat, aud \
            "appstoreconnect-v1", bid.
            """,
        source: Sources.appStoreServerAPITokens,
        audience: "appstoreconnect-v1",
        expectations: Expectations(
            issuer: .issuerID, issuedAt: .optional, maximumAge: nil,
            expiry: .limited(maximumLifetime: 3600, margin: 60), bundleID: .required, transactionID: .optional),
        rules: headerRules + [IssuerRule(), IssuedAtRule(), ExpirationRule(), LifetimeRule(), AudienceRule(), BundleIDRule()],
        recognition: .defaultKind,
        exampleClaims: [
            ("iss", exampleIssuer), ("iat", exampleIssuedAt), ("exp", "1767225870"), ("aud", #""appstoreconnect-v1""#), ("bid", exampleBundle),
        ],
        missingIssuedAtAdvice: "The claims have no iat; Apple accepts that (its Python and Java libraries omit it), but then a 60-minute lifetime is measured from an unknown start.",
        diagnosis: .appStoreServerAPI,
        signing: SigningRecipe([.issuer, .issuedAt, .expiry(maximumLifetime: 3600, unlimitedWithScope: false), .audience, .bundleID]))

    /// The in-app JWS expectations shared by the three StoreKit kinds.
    private static func inAppExpectations(transactionID: Expectations.Presence) -> Expectations {
        Expectations(
            issuer: .issuerID, issuedAt: .required, maximumAge: 86_400, expiry: .forbidden, bundleID: .required,
            transactionID: transactionID)
    }

    /// The claims rules every StoreKit in-app JWS runs, before its feature claims.
    private static let inAppClaimRules: [any LintRule] = [
        IssuerRule(), IssuedAtRule(), ExpirationRule(), AudienceRule(), BundleIDRule(), NonceRule(),
    ]

    /// The JWS a server signs for StoreKit to apply a promotional offer (promotional offer signature V2).
    package static let promotionalOffer = Profile(
        name: .promotionalOffer,
        title: "promotional offer signature",
        summary: """
            The JWS a server signs with its In-App Purchase key and the app passes to StoreKit \
            (Product.PurchaseOption.promotionalOffer(_:compactJWS:)) or a Retention Messaging response: header alg \
            ES256, kid, typ JWT; claims iss, iat, aud "promotional-offer", bid, a one-time UUID nonce, productId, \
            offerIdentifier and optionally transactionId; no exp.
            """,
        source: "\(Sources.inAppJWS); \(Sources.appleLibrariesInApp)",
        audience: "promotional-offer",
        expectations: inAppExpectations(transactionID: .optional),
        rules: headerRules + inAppClaimRules + [ProductIDRule(), OfferIdentifierRule(), TransactionIDRule()],
        recognition: .audience,
        exampleClaims: inAppExampleClaims(audience: "promotional-offer") + [
            ("productId", #""com.example.app.monthly""#), ("offerIdentifier", #""winback.50""#), ("transactionId", #""2000000123456789""#),
        ],
        diagnosis: .inApp("a promotional offer signature"),
        signing: inAppSigning([
            .field(.init("productId", flag: "--product")), .field(.init("offerIdentifier", flag: "--offer")),
            .field(.init("transactionId", flag: "--transaction-id", required: false)),
        ]))

    /// The JWS a server signs for StoreKit to set a customer's introductory offer eligibility.
    package static let introductoryOfferEligibility = Profile(
        name: .introductoryOfferEligibility,
        title: "introductory offer eligibility signature",
        summary: """
            The JWS a server signs with its In-App Purchase key and the app passes to StoreKit \
            (Product.PurchaseOption.introductoryOfferEligibility(compactJWS:)): header alg ES256, kid, typ JWT; \
            claims iss, iat, aud "introductory-offer-eligibility", bid, a one-time UUID nonce, productId, \
            allowIntroductoryOffer (a boolean) and transactionId; no exp.
            """,
        source: "\(Sources.inAppJWS); \(Sources.appleLibrariesInApp)",
        audience: "introductory-offer-eligibility",
        expectations: inAppExpectations(transactionID: .required),
        rules: headerRules + inAppClaimRules + [ProductIDRule(), TransactionIDRule(), AllowIntroductoryOfferRule()],
        recognition: .audience,
        exampleClaims: inAppExampleClaims(audience: "introductory-offer-eligibility") + [
            ("productId", #""com.example.app.monthly""#), ("allowIntroductoryOffer", "true"), ("transactionId", #""2000000123456789""#),
        ],
        diagnosis: .inApp("an introductory offer eligibility signature"),
        signing: inAppSigning([
            .field(.init("productId", flag: "--product")),
            .field(.init("allowIntroductoryOffer", flag: "--allow-introductory-offer", form: .boolean)),
            .field(.init("transactionId", flag: "--transaction-id")),
        ]))

    /// The JWS a server signs for an Advanced Commerce API request the app makes.
    package static let advancedCommerceInApp = Profile(
        name: .advancedCommerceInApp,
        title: "Advanced Commerce in-app request",
        summary: """
            The JWS a server signs with its In-App Purchase key for a purchase the app makes through the Advanced \
            Commerce API (Product.PurchaseOption.custom(key: "advancedCommerceData", ...)): header alg ES256, kid, \
            typ JWT; claims iss, iat, aud "advanced-commerce-api", bid, a one-time UUID nonce, and request, the \
            standard base64 of the JSON request (operation, version "1", requestInfo.requestReferenceId, and the \
            fields the operation needs); no exp.
            """,
        source: "\(Sources.inAppJWS); \(Sources.advancedCommerceFromApp); \(Sources.appleLibrariesAdvancedCommerce)",
        audience: "advanced-commerce-api",
        expectations: inAppExpectations(transactionID: .optional),
        rules: headerRules + inAppClaimRules + [RequestRule()],
        recognition: .audience,
        exampleClaims: inAppExampleClaims(audience: "advanced-commerce-api") + [
            ("request", "\"\(Base64.encode(RuleExample.cleanAdvancedCommerceRequest))\""),
        ],
        diagnosis: .inApp("an Advanced Commerce in-app request"),
        signing: inAppSigning([.field(.init("request", flag: "--request", form: .base64JSON))]))

    /// Bearer tokens for the App Store Connect API.
    package static let appStoreConnectAPI = Profile(
        name: .appStoreConnectAPI,
        title: "App Store Connect API token",
        summary: """
            The bearer token for the App Store Connect API (api.appstoreconnect.apple.com), signed with an App \
            Store Connect API key, not an In-App Purchase key: header alg ES256, kid, typ JWT; claims iss (team \
            keys) or sub "user" and no iss (individual keys), iat, exp at most 20 minutes after iat (up to six \
            months for a scope of GET requests on the resources Apple lists), aud "appstoreconnect-v1", an optional \
            scope; no bid. Chosen only when pinned: its aud is the App Store Server API's.
            """,
        source: Sources.appStoreConnectTokens,
        audience: "appstoreconnect-v1",
        expectations: Expectations(
            issuer: .teamOrIndividual, issuedAt: .optional, maximumAge: nil, expiry: .appStoreConnect,
            bundleID: .forbidden, transactionID: .optional, subject: .individualUser, scope: .requests),
        rules: headerRules + [
            IssuerRule(), SubjectRule(), IssuedAtRule(), ExpirationRule(), LifetimeRule(), AudienceRule(), BundleIDRule(),
            ScopeRule(),
        ],
        recognition: .onlyWhenPinned,
        exampleClaims: [("iss", exampleIssuer), ("iat", exampleIssuedAt), ("exp", "1767226470"), ("aud", #""appstoreconnect-v1""#)],
        missingIssuedAtAdvice: "The claims have no iat; popular clients omit it (fastlane), but then the 20-minute lifetime is measured from an unknown start.",
        diagnosis: .appStoreConnectAPI,
        signing: SigningRecipe([
            .issuerOrUserSubject, .issuedAt, .expiry(maximumLifetime: 1200, unlimitedWithScope: true), .audience,
            .field(.init("scope", flag: "--scope", form: .stringList, required: false)),
        ]))
}

extension Profile {
    /// Data the App Store signs: App Store Server Notifications V2, transactions, renewal info, app transactions,
    /// Retention Messaging realtime requests.
    package static let appleSigned = Profile(
        name: .appleSigned,
        title: "App Store-signed data",
        summary: """
            A JWS the App Store signs and a server verifies: the signedPayload of App Store Server Notifications \
            V2, signedTransactionInfo, signedRenewalInfo, app transactions, Retention Messaging requests. Header alg \
            ES256 and x5c: leaf, intermediate and Apple Root CA - G3. Judged as Apple's SignedDataVerifier judges \
            it: the chain to a trusted root as of the data's signedDate, Apple's OIDs, the signature with the leaf's \
            key, then bundleId, appAppleId (production) and environment. Chosen by auto when the header has x5c.
            """,
        source: "Apple's SignedDataVerifier (app-store-server-library); App Store Server API and Notifications V2",
        audience: "",
        expectations: Expectations(
            issuer: .issuerID, issuedAt: .optional, maximumAge: nil, expiry: .forbidden, bundleID: .optional,
            transactionID: .optional),
        rules: [HeaderAlgorithmRule()],
        verification: .appleChain,
        recognition: .certificateChain,
        exampleClaims: [
            ("transactionId", #""2000000123456789""#), ("bundleId", exampleBundle), ("environment", #""Sandbox""#),
            ("signedDate", "1767225600000"),
        ],
        diagnosis: .appleSigned,
        signing: nil,
        unsignableReason: "App Store-signed data is signed with the App Store's own certificates; no key of yours can make it (a test chain can: jwtlint notify, Vectors/gen/signed_data.py)")
}

/// The tokens of Apple's other services, signed with the developer's other keys and carrying the Team ID.
extension Profile {
    /// The example Team ID.
    private static let exampleTeamID = #""DEF123GHIJ""#

    /// What the APNs and DeviceCheck tokens share: a Team ID and iat, nothing else documented; APNs also limits
    /// how old a token may be and how often a connection may change tokens.
    private static func providerTokenExpectations(issuedAtLimit: Double?, tokenUpdateInterval: Double? = nil) -> Expectations {
        Expectations(
            issuer: .teamID, issuedAt: .required, maximumAge: nil, expiry: .optional, bundleID: .optional, transactionID: .optional,
            issuedAtLimit: issuedAtLimit, headerType: .optional, tokenUpdateInterval: tokenUpdateInterval)
    }

    /// The APNs provider token.
    package static let apns = Profile(
        name: .apns,
        title: "APNs provider token",
        summary: """
            The token a server signs with an APNs key (an Apple Push Notifications service key, not an In-App \
            Purchase key) and sends as "authorization: bearer" to api.push.apple.com or api.sandbox.push.apple.com: \
            header alg ES256 and kid; claims iss (the 10-character Team ID) and iat, which APNs refuses once it is \
            over an hour old (403 ExpiredProviderToken). Make a new one every 20 to 60 minutes: APNs answers 429 \
            TooManyProviderTokenUpdates to a connection that changes tokens more often. Chosen only when pinned: \
            its shape is the DeviceCheck token's.
            """,
        source: "\(Sources.apnsToken); \(Sources.apnsErrors)",
        audience: "",
        expectations: providerTokenExpectations(issuedAtLimit: 3600, tokenUpdateInterval: 1200),
        rules: headerRules + [HeaderServiceIDRule(), IssuerRule(), IssuedAtRule(), ExpirationRule(), AudienceRule(), ScopeRule()],
        recognition: .onlyWhenPinned,
        exampleClaims: [("iss", exampleTeamID), ("iat", exampleIssuedAt)],
        diagnosis: .apns,
        signing: SigningRecipe([.issuer, .issuedAt]))

    /// The DeviceCheck and App Attest server token.
    package static let deviceCheck = Profile(
        name: .deviceCheck,
        title: "DeviceCheck token",
        summary: """
            The token a server signs with a DeviceCheck key to query or update per-device bits \
            (api.devicecheck.apple.com, api.development.devicecheck.apple.com) or fetch App Attest receipts, made \
            "the same steps you use to create a provider authentication token for APNs": header alg ES256 and kid; \
            claims iss (the Team ID) and iat. Chosen only when pinned: its shape is the APNs token's.
            """,
        source: Sources.deviceCheckToken,
        audience: "",
        expectations: providerTokenExpectations(issuedAtLimit: nil),
        rules: headerRules + [HeaderServiceIDRule(), IssuerRule(), IssuedAtRule(), ExpirationRule(), AudienceRule(), ScopeRule()],
        recognition: .onlyWhenPinned,
        exampleClaims: [("iss", exampleTeamID), ("iat", exampleIssuedAt)],
        diagnosis: .deviceCheck,
        signing: SigningRecipe([.issuer, .issuedAt]))

    /// Six months in seconds: the longest a Sign in with Apple client secret or a MusicKit token may live.
    private static let sixMonths: Double = 15_777_000

    /// The Sign in with Apple client secret.
    package static let signInWithApple = Profile(
        name: .signInWithApple,
        title: "Sign in with Apple client secret",
        summary: """
            The client_secret a server signs with a Sign in with Apple key for appleid.apple.com/auth/token (and \
            revoke): header alg ES256 and kid; claims iss (the Team ID), iat, exp at most 15,777,000 s (six months) \
            ahead, aud "https://appleid.apple.com", and sub, the client ID (the App ID or Services ID, \
            case-sensitive; --client-id). Apple answers every mistake with invalid_client.
            """,
        source: Sources.clientSecret,
        audience: "https://appleid.apple.com",
        expectations: Expectations(
            issuer: .teamID, issuedAt: .required, maximumAge: nil, expiry: .limited(maximumLifetime: sixMonths, margin: 86_400),
            bundleID: .optional, transactionID: .optional, headerType: .optional, subject: .clientID),
        rules: headerRules + [HeaderServiceIDRule(), IssuerRule(), SubjectRule(), IssuedAtRule(), ExpirationRule(), LifetimeRule(), AudienceRule(), ScopeRule()],
        recognition: .audience,
        exampleClaims: [
            ("iss", exampleTeamID), ("iat", exampleIssuedAt), ("exp", "1782777570"), ("aud", #""https://appleid.apple.com""#),
            ("sub", exampleBundle),
        ],
        diagnosis: .signInWithApple,
        signing: SigningRecipe([
            .issuer, .issuedAt, .expiry(maximumLifetime: Int(sixMonths), unlimitedWithScope: false), .audience,
            .field(.init("sub", flag: "--client-id")),
        ]))

    /// The MusicKit developer token.
    package static let musicKit = Profile(
        name: .musicKit,
        title: "MusicKit developer token",
        summary: """
            The developer token a server signs with a MusicKit key for the Apple Music API (api.music.apple.com) \
            and MusicKit on the web: header alg ES256 (Apple Music refuses any other with 401) and kid; claims iss \
            (the Team ID), iat, exp at most 15,777,000 s (six months) ahead, and optionally origin, the web origins \
            that may use it. Chosen only when pinned.
            """,
        source: Sources.musicKitToken,
        audience: "",
        expectations: Expectations(
            issuer: .teamID, issuedAt: .required, maximumAge: nil, expiry: .limited(maximumLifetime: sixMonths, margin: 86_400),
            bundleID: .optional, transactionID: .optional, headerType: .optional),
        rules: headerRules + [HeaderServiceIDRule(), IssuerRule(), IssuedAtRule(), ExpirationRule(), LifetimeRule(), AudienceRule(), ScopeRule(), OriginRule()],
        recognition: .onlyWhenPinned,
        exampleClaims: [("iss", exampleTeamID), ("iat", exampleIssuedAt), ("exp", "1782777570")],
        diagnosis: .musicKit,
        signing: SigningRecipe([
            .issuer, .issuedAt, .expiry(maximumLifetime: Int(sixMonths), unlimitedWithScope: false),
            .field(.init("origin", flag: "--origin", form: .stringList, required: false)),
        ]))

    /// The WeatherKit REST API token.
    package static let weatherKit = Profile(
        name: .weatherKit,
        title: "WeatherKit token",
        summary: """
            The token a server signs with a WeatherKit key for weatherkit.apple.com: header alg ES256, kid and id, \
            the Team ID and the Services ID joined by a period; claims iss (the Team ID), iat, exp and sub (the \
            Services ID, --client-id). Apple publishes no lifetime limit. Chosen by auto when the header has id.
            """,
        source: Sources.weatherKitToken,
        audience: "",
        expectations: Expectations(
            issuer: .teamID, issuedAt: .required, maximumAge: nil, expiry: .required, bundleID: .optional, transactionID: .optional,
            headerType: .optional, subject: .clientID),
        rules: headerRules + [HeaderServiceIDRule(), IssuerRule(), SubjectRule(), IssuedAtRule(), ExpirationRule(), AudienceRule(), ScopeRule()],
        recognition: .headerMember("id"),
        exampleClaims: [("iss", exampleTeamID), ("iat", exampleIssuedAt), ("exp", "1767229170"), ("sub", #""com.example.weather""#)],
        exampleHeader: RuleExample.weatherKitHeader,
        diagnosis: .weatherKit,
        signing: SigningRecipe(
            [.issuer, .issuedAt, .expiry(maximumLifetime: 86_400 * 366, unlimitedWithScope: false), .field(.init("sub", flag: "--client-id"))],
            header: [.teamAndSubject("id")]))

    /// The MapKit JS and Maps Server API token.
    package static let mapKit = Profile(
        name: .mapKit,
        title: "MapKit token",
        summary: """
            The token a server signs with a Maps key for the Maps Server API (exchanged at \
            maps-api.apple.com/v1/token for a 30-minute access token), MapKit JS, Maps Web Snapshots or the Maps \
            Embed API: header alg ES256, kid and typ JWT; claims iss (the Team ID), iat, exp, scope (the frameworks, \
            separated by spaces: server_api, mapkit_js, web_snapshots, embed_api) and origin (the domains that may \
            use it, required for the frameworks used from a web page). Chosen only when pinned.
            """,
        source: Sources.mapsToken,
        audience: "",
        expectations: Expectations(
            issuer: .teamID, issuedAt: .required, maximumAge: nil, expiry: .required, bundleID: .optional, transactionID: .optional,
            scope: .mapsFrameworks, origin: .single),
        rules: headerRules + [
            HeaderServiceIDRule(), IssuerRule(), IssuedAtRule(), ExpirationRule(), AudienceRule(), ScopeRule(), OriginRule(),
        ],
        recognition: .onlyWhenPinned,
        exampleClaims: [("iss", exampleTeamID), ("iat", exampleIssuedAt), ("exp", "1767229170"), ("scope", #""server_api""#)],
        diagnosis: .mapKit,
        signing: SigningRecipe([
            .issuer, .issuedAt, .expiry(maximumLifetime: 86_400 * 366, unlimitedWithScope: false),
            .field(.init("scope", flag: "--scope", form: .spaceSeparated)),
            .field(.init("origin", flag: "--origin", required: false)),
        ]))
}

/// The token Apple signs for the developer's app.
extension Profile {
    /// Apple's issuer of identity tokens.
    private static let appleAccountIssuer = "https://appleid.apple.com"

    /// The Sign in with Apple identity token.
    package static let signInWithAppleIdentity = Profile(
        name: .signInWithAppleIdentity,
        title: "Sign in with Apple identity token",
        summary: """
            The identity token Apple signs when a user signs in with Apple, which the app passes to its server: \
            header alg RS256 and kid, one of the keys Apple publishes at appleid.apple.com/auth/keys (give the set \
            saved to a file with --key; jwtlint picks the key by kid and never fetches it); claims iss \
            "https://appleid.apple.com", aud the client ID (--client-id), iat, exp, sub the user's identifier, the \
            nonce the app sent (--nonce), and email_verified and is_private_email as booleans or strings. alg none, \
            HS256 keyed with Apple's public key, and a kid in no key of the set are refused by name. Chosen by auto \
            when iss is Apple's.
            """,
        source: "\(Sources.identityToken); \(Sources.appleKeys)",
        audience: "",
        expectations: Expectations(
            issuer: .fixed(appleAccountIssuer), issuedAt: .required, maximumAge: nil, expiry: .required, bundleID: .optional,
            transactionID: .optional, headerType: .optional, subject: .userIdentifier, algorithm: "RS256", developerKeyID: false,
            audienceIsClientID: true, nonce: .echoed),
        rules: [
            HeaderAlgorithmRule(), HeaderKeyIDRule(), HeaderTypeRule(), HeaderCriticalRule(), HeaderEmbeddedKeyRule(),
            IssuerRule(), SubjectRule(), IssuedAtRule(), ExpirationRule(), AudienceRule(), NonceRule(), EmailVerifiedRule(),
            IsPrivateEmailRule(),
        ],
        verification: .keySet,
        recognition: .issuer(appleAccountIssuer),
        exampleClaims: [
            ("iss", #""https://appleid.apple.com""#), ("aud", exampleBundle), ("exp", "1767226170"), ("iat", exampleIssuedAt),
            ("sub", #""001234.0a1b2c3d4e5f60718293a4b5c6d7e8f9.1234""#),
            ("nonce", #""8b6f1c3e0d9a7f25e4c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9""#),
            ("email", #""x7k2m9q4p1@privaterelay.appleid.com""#), ("email_verified", #""true""#), ("is_private_email", #""true""#),
        ],
        exampleHeader: #"{"kid":"JWTLINT-A","alg":"RS256"}"#,
        diagnosis: .signInWithAppleIdentity,
        signing: nil,
        unsignableReason: "Apple signs identity tokens with its own RSA keys; no key of yours can make one (the test suite's come from Vectors/gen/identity_examples.py and Vectors/services/generate.py)")
}
