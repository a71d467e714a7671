/// The documents rules cite.
enum Sources {
    static let appStoreServerAPITokens =
        "Apple, \"Generating JSON Web Tokens for API requests\" (App Store Server API): https://developer.apple.com/documentation/appstoreserverapi/generating-json-web-tokens-for-api-requests"
    static let rfc7515 = "RFC 7515 (JSON Web Signature)"
    static let rfc7518 = "RFC 7518 (JSON Web Algorithms)"
    static let rfc7519 = "RFC 7519 (JSON Web Token)"
    static let rfc8725 = "RFC 8725 (JSON Web Token Best Current Practices)"
    static let rfc6750 = "RFC 6750 §2.1 (Bearer token usage)"
}
