import Foundation
import Testing
import JWTLint

/// Tokens of every kind made by Apple's own app-store-server-library and by PyJWT (Vectors/real/generate.sh) lint
/// with no error under their own profile, picked by auto, checked at the time they were made; under another
/// pinned profile they fail. Apple's legacy promotional offer signatures verify.
@Suite("Tokens from Apple's library and PyJWT")
struct RealTokenTests {
    struct Token: CustomStringConvertible, Sendable {
        let source: String, token: String, profile: ProfileName, pinned: ProfileName?
        let keyPath: String, issuer: String?, bundleID: String?
        var description: String { source }
    }

    static var document: [String: Any]? { try? VectorFiles.json("real/tokens.json") }
    static let generatedAt: Double? = (document?["generatedAt"] as? NSNumber)?.doubleValue
    static let tokens: [Token] = (document?["tokens"] as? [[String: Any]] ?? []).map {
        Token(
            source: $0["source"] as? String ?? "?", token: $0["token"] as? String ?? "",
            profile: ProfileName(rawValue: $0["profile"] as? String ?? "") ?? .appStoreServerAPI,
            pinned: ($0["lintProfile"] as? String).flatMap(ProfileName.init(rawValue:)),
            keyPath: $0["key"] as? String ?? "keys/SubscriptionKey_TESTKEYA01.p8",
            issuer: $0.keys.contains("issuer") ? $0["issuer"] as? String : "57246542-96fe-1a63-e053-0824d011072a",
            bundleID: $0.keys.contains("bundleId") ? $0["bundleId"] as? String : "com.example.app")
    }
    static let offers: [[String: String]] = (document?["offers"] as? [[String: Any]] ?? []).map {
        $0.compactMapValues { $0 as? String }
    }

    static func options(_ token: Token, profile: ProfileChoice) throws -> LintOptions {
        let key = try VectorFiles.key(token.keyPath)
        return LintOptions(
            now: try #require(generatedAt) + 1, key: key.publicKey, keyIDFromFileName: key.keyIDFromFileName, issuer: token.issuer,
            bundleID: token.bundleID, profile: profile)
    }

    @Test("Every kind is present: server API tokens, the three StoreKit in-app JWS, App Store Connect API tokens, legacy offers")
    func everyKindPresent() {
        #expect(Self.tokens.contains { $0.source.contains("app-store-server-library") && $0.profile == .appStoreServerAPI })
        #expect(Self.tokens.contains { $0.source.contains("PyJWT") && $0.profile == .appStoreServerAPI })
        // App Store-signed data has its own corpus (signed/cases.json); Apple's other services' tokens come from
        // their own libraries (issue 21, to come).
        let kinds: [ProfileName] = [.appStoreServerAPI, .promotionalOffer, .introductoryOfferEligibility, .advancedCommerceInApp, .appStoreConnectAPI]
        for profile in kinds {
            #expect(Self.tokens.contains { $0.profile == profile }, "\(profile)")
        }
        #expect(Self.offers.count >= 2)
    }

    @Test("Each lints with no error finding, a verified signature and the right profile", arguments: tokens)
    func lintsClean(_ token: Token) throws {
        let result = Linter(options: try Self.options(token, profile: token.pinned.map(ProfileChoice.pinned) ?? .auto)).lint(token.token)
        #expect(!result.hasErrors, "\(token.source): \(result.findings.map { "\($0.rule): \($0.message)" })")
        #expect(result.signature == .verified)
        #expect(result.profile == token.profile)
    }

    @Test("Under any other pinned profile each fails, with an error that names the reason", arguments: tokens)
    func failsUnderOtherProfiles(_ token: Token) throws {
        for other in ProfileName.allCases where other != token.profile {
            let result = Linter(options: try Self.options(token, profile: .pinned(other))).lint(token.token)
            #expect(result.hasErrors, "\(token.source) passes as \(other)")
            #expect(result.profile == other)
            let kindFindings = result.findings.filter { [.audience, .bundleID, .expiration, .issuer, .signedDataType].contains($0.rule) && $0.severity == .error }
            #expect(!kindFindings.isEmpty, "\(token.source) as \(other): \(result.findings.map(\.rule))")
        }
    }

    @Test("Apple's legacy promotional offer signatures verify, fresh")
    func legacyOffersVerify() throws {
        let key = try VectorFiles.key("keys/SubscriptionKey_TESTKEYA01.p8")
        for offer in Self.offers {
            let request = LegacyOfferRequest(
                bundleID: offer["bundleId"] ?? "", keyID: offer["keyId"] ?? "", productID: offer["productId"] ?? "",
                offerIdentifier: offer["offerIdentifier"] ?? "", appAccountToken: offer["appAccountToken"] ?? "",
                nonce: offer["nonce"] ?? "", timestamp: offer["timestamp"] ?? "", signature: offer["signature"] ?? "")
            let result = LegacyOfferSignature.check(request, key: key.publicKey, now: try #require(Self.generatedAt) + 1)
            #expect(result.signature == .verified, "\(offer["source"] ?? "?"): \(result.findings.map(\.message))")
            #expect(result.findings.isEmpty, "\(offer["source"] ?? "?"): \(result.findings.map(\.message))")
        }
    }
}
