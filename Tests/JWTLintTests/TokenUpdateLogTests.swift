import Testing
@testable import JWTLint

@Suite("APNs token changes over a batch")
struct TokenUpdateLogTests {
    static func apnsResult(issuedAt: Int64, keyID: String = "ABC123DEFG", profile: ProfileName = .apns) -> LintResult {
        LintResult(
            profile: profile, header: JSONObject(members: [.init(name: "kid", value: .string(keyID))]),
            claims: JSONObject(members: [.init(name: "iss", value: .string("DEF123GHIJ")), .init(name: "iat", value: .integer(issuedAt))]),
            signature: .unchecked, findings: [])
    }

    @Test("Merged pieces keep the memory bound: past the token limit nothing more is kept, and the run says so")
    func boundedAcrossMerges() {
        var total = TokenUpdateLog()
        var piece = TokenUpdateLog()
        for index in 0..<(TokenUpdateLog.maximumTokens + 50) {
            piece.record(Self.apnsResult(issuedAt: 1_700_000_000 + Int64(index)))
            if index % 32 == 31 {
                total.merge(piece)
                piece = TokenUpdateLog()
            }
        }
        total.merge(piece)
        #expect(total.truncated)
        let frequent = total.tooFrequent()
        #expect(frequent.count == 1)
        #expect(frequent.first?.cadence.tokens == TokenUpdateLog.maximumTokens)
        let findings = BatchRules.findings(total, options: LintOptions(now: 1_700_200_000))
        #expect(findings.map(\.severity) == [.warning, .info])
    }

    @Test("Only the kinds whose service limits token changes are counted, and each key and team on its own")
    func onlyLimitedKinds() {
        var log = TokenUpdateLog()
        for offset: Int64 in [0, 10, 20] {
            log.record(Self.apnsResult(issuedAt: 1_700_000_000 + offset, profile: .deviceCheck))
            log.record(Self.apnsResult(issuedAt: 1_700_000_000 + offset * 200, keyID: "KEY2"))
        }
        log.record(Self.apnsResult(issuedAt: 1_700_000_000))
        #expect(log.tooFrequent().isEmpty, "DeviceCheck sets no limit; KEY2 changes every 33 min; one APNs token alone")
    }
}
