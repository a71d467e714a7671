/// What Apple's `SignedDataVerifier` answers for a JWS the App Store signed, named as Apple's Python and Java
/// libraries name it, so that a library's error maps to jwtlint's reasons. jwtlint computes the status Apple's
/// Python verifier (app-store-server-library) would return for the same input and settings, online checks off.
public enum VerificationStatus: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Verified: the chain, the signature and the app and environment expected.
    case ok = "OK"
    /// The JWS, its header or its chain is wrong: not a JWS, no `x5c`, `alg` not ES256, a chain that does not
    /// verify to a trusted root as of the data's date, a certificate without Apple's OID, a bad signature.
    case verificationFailure = "VERIFICATION_FAILURE"
    /// `bundleId` (or, in production, `appAppleId`) is not the app's.
    case invalidAppIdentifier = "INVALID_APP_IDENTIFIER"
    /// A certificate in `x5c` cannot be read (or no root is trusted at all).
    case invalidCertificate = "INVALID_CERTIFICATE"
    /// `x5c` does not hold exactly three certificates.
    case invalidChainLength = "INVALID_CHAIN_LENGTH"
    /// The data's environment is not the one expected.
    case invalidEnvironment = "INVALID_ENVIRONMENT"

    /// The name as Apple's libraries write it: `INVALID_APP_IDENTIFIER`.
    public var description: String { rawValue }
}
