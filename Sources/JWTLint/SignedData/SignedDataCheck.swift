/// Judges a JWS the App Store signed as Apple's `SignedDataVerifier` (Python, online checks off) does, step by
/// step, and says why at each step: the `x5c` chain to a trusted root as of the data's date, Apple's OIDs, the
/// signature with the leaf's key, then the app and environment the payload names. The verdict is the status of the
/// first step that fails, as Apple's verifier stops there; the findings go on where they still can, so that every
/// problem is named at once.
enum SignedDataCheck {
    /// The steps, in Apple's order; the linter runs them as the profile's verification (``Verification/appleChain``).
    static let steps: [any VerificationStep] = [
        SignedDataReadingStep(),
        X5CShapeStep(),
        ChainTimeStep(),
        ChainStep(),
        AppleOIDStep(),
        LeafSignatureStep(),
        RegisteredClaimsStep(),
        AppIdentityStep(),
        EnvironmentStep(),
        NestedSignedDataStep(),
    ]

    /// The extension that marks Apple's App Store signing certificates (the leaf).
    static let leafOID = "1.2.840.113635.100.6.11.1"
    /// The extension of Apple's Worldwide Developer Relations CA (the intermediate).
    static let intermediateOID = "1.2.840.113635.100.6.2.1"

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
    static func identitySource(_ claims: JSONObject, type: SignedPayloadType?) -> JSONObject? {
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
    static func assumedEnvironment(for environment: SignedEnvironment?) -> SignedEnvironment {
        guard let environment, environment.isSignedByTheAppStore else { return .sandbox }
        return environment
    }
}
