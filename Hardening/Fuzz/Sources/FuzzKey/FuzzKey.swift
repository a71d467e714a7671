// FuzzKey: one key file's contents read as `--key` reads them (PEM: PKCS#8, SEC 1, SubjectPublicKeyInfo; or a
// JWK). A key that loads must print as PEM and JWK that load back to the same key, and must verify a token
// signed by key A exactly when it is key A.
import FuzzSupport
@testable import JWTLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = Fixture.memoryHygiene
    let bytes = FuzzInput.bytes(data, size)
    let key: VerificationKey
    do {
        key = try VerificationKey.parse(bytes, fileName: "SubscriptionKey_TESTKEYA01.p8")
    } catch {
        Sink.use("\(error)")
        return 0
    }
    let publicKey = key.publicKey
    require(publicKey.uncompressedPoint.count == 65 && publicKey.uncompressedPoint[0] == 0x04, "not an uncompressed point")
    require(key.keyIDFromFileName == "TESTKEYA01", "key ID from the file name lost")
    for (form, text) in [("PEM", publicKey.pem), ("JWK", publicKey.jwk)] {
        let again = try? VerificationKey.parse(Array(text.utf8), fileName: nil)
        require(again?.publicKey.uncompressedPoint == publicKey.uncompressedPoint, "the \(form) printed does not load back")
    }
    Sink.use(publicKey.thumbprint)

    let isKeyA = publicKey.uncompressedPoint == Fixture.keyA.publicKey.uncompressedPoint
    for candidate in [publicKey, publicKey.preparedForBulkVerification()] {
        let result = Linter(options: LintOptions(now: Fixture.now, key: candidate)).lint(Fixture.cleanToken)
        require((result.signature == .verified) == isKeyA, "key A's token: \(result.signature) with a key that is\(isKeyA ? "" : " not") key A")
    }
    return 0
}
