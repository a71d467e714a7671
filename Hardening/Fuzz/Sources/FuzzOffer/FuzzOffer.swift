// FuzzOffer: one legacy promotional offer check, as `jwtlint offer-signature` makes it. The input is eight lines:
// bundle ID, key ID, product, offer, app account token, nonce, timestamp, signature (missing lines are empty); it
// is checked with key A at a fixed time, with the key file's ID among those worth trying. The search through every
// field order (5,039 verifications) runs for one input in eight, chosen by its size, so fuzzing keeps its pace.
import FuzzSupport
@testable import JWTLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = Fixture.memoryHygiene
    let text = FuzzInput.text(UnsafeBufferPointer(start: data, count: size))
    var fields = text.split(separator: "\n", maxSplits: 7, omittingEmptySubsequences: false).map(String.init)
    while fields.count < 8 { fields.append("") }
    let request = LegacyOfferRequest(
        bundleID: fields[0], keyID: fields[1], productID: fields[2], offerIdentifier: fields[3], appAccountToken: fields[4],
        nonce: fields[5], timestamp: fields[6], signature: fields[7])
    let result = LegacyOfferSignature.check(
        request, key: Fixture.keyA.publicKey, now: Fixture.now, otherKeyIDs: ["TESTKEYA01"], triesFieldOrders: size % 8 == 0)
    for finding in result.findings {
        require(finding.rule.area == "offer", "an offer check reported \(finding.rule)")
        require(!finding.message.unicodeScalars.contains { $0.value < 0x20 }, "a raw control character in \(finding.rule)'s message")
        Sink.use(finding.message)
    }
    if result.signature == .verified {
        require(!result.findings.contains { $0.rule == .offerSignature }, "a verified signature has an offer.signature finding")
    }
    let mistakes = result.findings.filter { if case .offerMistake = $0.cause { return true } else { return false } }
    require(mistakes.isEmpty || result.signature == .invalid, "a mistake named for a signature that verifies")
    Sink.use(request.applePayload)
    return 0
}
