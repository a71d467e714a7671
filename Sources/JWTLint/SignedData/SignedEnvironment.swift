/// The environment App Store-signed data says it comes from (its `environment`, or an app transaction's
/// `receiptType`), and the one a verifier expects.
public enum SignedEnvironment: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The sandbox: TestFlight and development builds.
    case sandbox = "Sandbox"
    /// The App Store.
    case production = "Production"
    /// StoreKit testing in Xcode: not signed by the App Store.
    case xcode = "Xcode"
    /// Local testing: not signed by the App Store.
    case localTesting = "LocalTesting"

    /// The value as the data writes it: `Sandbox`.
    public var description: String { rawValue }

    /// The name the command line takes: `sandbox`, `production`, `xcode`, `local-testing`.
    package var optionName: String {
        switch self {
        case .sandbox: return "sandbox"
        case .production: return "production"
        case .xcode: return "xcode"
        case .localTesting: return "local-testing"
        }
    }

    /// The environment an option name names.
    package init?(optionName: String) {
        guard let match = Self.allCases.first(where: { $0.optionName == optionName }) else { return nil }
        self = match
    }

    /// Whether the App Store signs data of this environment; Xcode and local testing data are not signed by it,
    /// and Apple's verifier skips the signature when it expects them.
    public var isSignedByTheAppStore: Bool { self == .sandbox || self == .production }
}
