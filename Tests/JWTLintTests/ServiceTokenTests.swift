import Foundation
import Testing
import JWTLint

/// Tokens of Apple's other services made by the libraries people use (aioapns, devicecheck, weatherkit-python,
/// django-allauth; PyJWT for MusicKit and MapKit, as Apple describes them, and for identity tokens, signed RS256 with
/// test keys standing in for Apple's), by Vectors/services/generate.sh: each lints with no
/// error under its profile at the time it was made, and fails under the other profiles but those of the same shape;
/// each broken variant fails with the rule that names its mistake.
@Suite("Tokens of Apple's other services, from the libraries people use")
struct ServiceTokenTests {
    struct Token: CustomStringConvertible, Sendable {
        let source: String, token: String, profile: ProfileName, pinned: Bool, clientID: String?, expect: RuleID?
        var nonce: String? = nil, keySet: String? = nil
        var description: String { source }
    }

    static var document: [String: Any]? { try? VectorFiles.json("services/tokens.json") }
    static let generatedAt: Double = (document?["generatedAt"] as? NSNumber)?.doubleValue ?? 0
    static let teamID: String = document?["teamId"] as? String ?? ""
    static let tokens: [Token] = (document?["tokens"] as? [[String: Any]] ?? []).map {
        Token(
            source: $0["source"] as? String ?? "?", token: $0["token"] as? String ?? "",
            profile: ProfileName(rawValue: $0["profile"] as? String ?? "") ?? .appStoreServerAPI, pinned: $0["pinned"] as? Bool ?? true,
            clientID: $0["clientId"] as? String, expect: ($0["expect"] as? String).flatMap(RuleID.init(rawValue:)),
            nonce: $0["nonce"] as? String, keySet: $0["keySet"] as? String)
    }
    static let clean = tokens.filter { $0.expect == nil }
    static let broken = tokens.filter { $0.expect != nil }

    /// The kinds whose tokens have the same shape, so that one passes under the other's profile: an APNs and a
    /// DeviceCheck token (iss and iat), a MusicKit token under either (neither reads exp or origin), and a
    /// DeviceCheck token with an exp under musickit (devicecheck's library adds exp and sub, which Apple Music does
    /// not read).
    static let sameShape: Set<[ProfileName]> = [
        [.apns, .deviceCheck], [.deviceCheck, .apns], [.musicKit, .apns], [.musicKit, .deviceCheck], [.deviceCheck, .musicKit],
    ]

    static func lint(_ token: Token, as profile: ProfileChoice) throws -> LintResult {
        var options = LintOptions(
            now: generatedAt + 1, key: try VectorFiles.key("keys/TESTKEYA01.pub.pem").publicKey, issuer: teamID, profile: profile)
        options.clientID = token.clientID
        options.nonce = token.nonce
        if let keySet = token.keySet {
            options.key = nil
            options.use(try KeyMaterial.load(contentsOf: VectorFiles.path(keySet)))
        }
        return Linter(options: options).lint(token.token)
    }

    @Test("Every library's token and every broken variant is there, with the Team ID")
    func present() {
        #expect(Set(Self.clean.map(\.profile)) == [.apns, .deviceCheck, .weatherKit, .signInWithApple, .musicKit, .mapKit, .signInWithAppleIdentity])
        #expect(Self.broken.count >= 18)
        #expect(IssuerTeamID.isTeamID(Self.teamID))
    }

    @Test("Each lints with no error, verified, under its own profile (picked by auto where the token says which)", arguments: clean)
    func lintsClean(_ token: Token) throws {
        let result = try Self.lint(token, as: token.pinned ? .pinned(token.profile) : .auto)
        #expect(result.profile == token.profile)
        #expect(!result.hasErrors, "\(result.findings.map { "\($0.rule): \($0.message)" })")
        #expect(result.signature == .verified)
    }

    @Test("Under any other pinned profile but one of the same shape, each fails", arguments: clean)
    func failsUnderOthers(_ token: Token) throws {
        for other in ProfileName.allCases where other != token.profile && !Self.sameShape.contains([token.profile, other]) {
            #expect(try Self.lint(token, as: .pinned(other)).hasErrors, "\(token.profile) passed as \(other)")
        }
    }

    @Test("Each broken variant fails with the rule that names its mistake", arguments: broken)
    func brokenFails(_ token: Token) throws {
        let result = try Self.lint(token, as: token.pinned ? .pinned(token.profile) : .auto)
        #expect(result.findings.contains { $0.rule == token.expect && $0.severity == .error }, "\(result.findings.map { "\($0.rule): \($0.message)" })")
    }
}

/// The Team ID's shape, as a test reads it: ten upper-case letters and digits.
enum IssuerTeamID {
    static func isTeamID(_ text: String) -> Bool {
        text.count == 10 && text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }
}
