/// The documents rules cite.
enum Sources {
    static let appStoreServerAPITokens =
        "Apple, \"Generating JSON Web Tokens for API requests\" (App Store Server API): https://developer.apple.com/documentation/appstoreserverapi/generating-json-web-tokens-for-api-requests"
    static let inAppJWS =
        "Apple, \"Generating JWS to sign App Store requests\" (StoreKit): https://developer.apple.com/documentation/storekit/generating-jws-to-sign-app-store-requests"
    static let advancedCommerceFromApp =
        "Apple, \"Sending Advanced Commerce API requests from your app\": https://developer.apple.com/documentation/storekit/sending-advanced-commerce-api-requests-from-your-app"
    static let promotionalOfferSignature =
        "Apple, \"Generating a signature for promotional offers\" (StoreKit): https://developer.apple.com/documentation/storekit/generating-a-signature-for-promotional-offers"
    static let appStoreConnectTokens =
        "Apple, \"Generating tokens for API requests\" (App Store Connect API): https://developer.apple.com/documentation/appstoreconnectapi/generating-tokens-for-api-requests"
    static let appleLibrariesInApp =
        "Apple's app-store-server-library: Python jws_signature_creator.py, Swift JWSSignatureCreator.swift, Java JWSSignatureCreator.java, Node jws_signature_creator.ts (apple-in-app-and-signed-data §0)"
    static let appleLibrariesAdvancedCommerce =
        "Apple's app-store-server-library request models (Python models/AdvancedCommerce*Request.py, HelperValidationUtils.py; apple-in-app-and-signed-data §3)"
    static let appleLibrariesLegacyOffer =
        "Apple's app-store-server-library: Python promotional_offer.py, Swift PromotionalOfferSignatureCreator.swift, Java PromotionalOfferSignatureCreator.java, Node promotional_offer.ts (apple-in-app-and-signed-data §4)"
    static let retentionResponding =
        "Apple, \"Responding to real-time retention messaging requests\" and RealtimeResponseBody (Retention Messaging API): https://developer.apple.com/documentation/retentionmessaging/responding-to-realtime-retention-messaging-requests"
    static let retentionEndpoint =
        "Apple, \"Setting up your Get Retention Message endpoint\" and \"Initiate Performance Test\" (Retention Messaging API): https://developer.apple.com/documentation/retentionmessaging/initiate-performance-test"
    static let appleLibrariesRealtime =
        "Apple's app-store-server-library models: Python models/RealtimeResponseBody.py, Message.py, AlternateProduct.py, PromotionalOffer.py, PromotionalOfferSignatureV1.py, AdvancedCommerceInfo.py"
    static let apnsToken =
        "Apple, \"Establishing a token-based connection to APNs\": https://developer.apple.com/documentation/usernotifications/establishing-a-token-based-connection-to-apns"
    static let apnsErrors =
        "Apple, \"Handling notification responses from APNs\": https://developer.apple.com/documentation/usernotifications/handling-notification-responses-from-apns"
    static let deviceCheckToken =
        "Apple, \"Accessing and modifying per-device data\" (DeviceCheck): https://developer.apple.com/documentation/devicecheck/accessing-and-modifying-per-device-data"
    static let clientSecret =
        "Apple, \"Creating a client secret\": https://developer.apple.com/documentation/AccountOrganizationalDataSharing/creating-a-client-secret; Sign in with Apple REST API, ErrorResponse (invalid_client)"
    static let musicKitToken =
        "Apple, \"Generating developer tokens\" (Apple Music API): https://developer.apple.com/documentation/applemusicapi/generating-developer-tokens"
    static let weatherKitToken =
        "Apple, \"Request authentication for WeatherKit REST API\": https://developer.apple.com/documentation/weatherkitrestapi/request-authentication-for-weatherkit-rest-api"
    static let mapsToken =
        "Apple, \"Creating and using tokens with Maps Server API\" and \"Debugging an Invalid Token\": https://developer.apple.com/documentation/applemapsserverapi/creating-and-using-tokens-with-maps-server-api"
    static let identityToken =
        "Apple, \"Verifying a user\" and \"Authenticating users with Sign in with Apple\" (identity token claims): https://developer.apple.com/documentation/signinwithapple/authenticating-users-with-sign-in-with-apple"
    static let appleKeys =
        "Apple, \"Fetch Apple's public key for verifying token signature\" (GET https://appleid.apple.com/auth/keys): https://developer.apple.com/documentation/signinwithapplerestapi/fetch-apple-s-public-key-for-verifying-token-signature"
    static let rfc7517 = "RFC 7517 (JSON Web Key)"
    static let rfc7515 = "RFC 7515 (JSON Web Signature)"
    static let rfc7518 = "RFC 7518 (JSON Web Algorithms)"
    static let rfc7519 = "RFC 7519 (JSON Web Token)"
    static let rfc8725 = "RFC 8725 (JSON Web Token Best Current Practices)"
    static let rfc6750 = "RFC 6750 §2.1 (Bearer token usage)"
}
