import Foundation
import Testing
import JWTLint

@Suite("Loading keys")
struct KeyLoadingTests {
    @Test(
        "Test keys load in every accepted form",
        arguments: [
            ("keys/SubscriptionKey_TESTKEYA01.p8", VerificationKey.Format.pkcs8PrivateKey, "TESTKEYA01"),
            ("keys/AuthKey_TESTKEYB02.p8", .pkcs8PrivateKey, "TESTKEYB02"),
            ("keys/TESTKEYA01.pub.pem", .publicKey, nil),
            ("keys/TESTKEYA01.jwk.json", .jwk, nil),
        ] as [(String, VerificationKey.Format, String?)])
    func loads(_ path: String, _ format: VerificationKey.Format, _ keyID: String?) throws {
        let key = try VectorFiles.key(path)
        #expect(key.format == format)
        #expect(key.keyIDFromFileName == keyID)
        #expect(key.publicKey.uncompressedPoint.count == 65)
    }

    @Test("The .p8, its public PEM and its JWK give the same public key")
    func formsAgree() throws {
        let fromPrivate = try VectorFiles.key("keys/SubscriptionKey_TESTKEYA01.p8").publicKey.uncompressedPoint
        #expect(try VectorFiles.key("keys/TESTKEYA01.pub.pem").publicKey.uncompressedPoint == fromPrivate)
        #expect(try VectorFiles.key("keys/TESTKEYA01.jwk.json").publicKey.uncompressedPoint == fromPrivate)
        let fromShortLayout = try VectorFiles.key("keys/AuthKey_TESTKEYB02.p8").publicKey.uncompressedPoint
        #expect(try VectorFiles.key("keys/TESTKEYB02.pub.pem").publicKey.uncompressedPoint == fromShortLayout)
    }

    @Test(
        "Unusable key files are refused with a reason that names the problem",
        arguments: [
            ("keys/bad/p384.p8", "P-384"),
            ("keys/bad/rsa.p8", "RSA"),
            ("keys/bad/encrypted.p8", "encrypted"),
            ("keys/bad/certificate.pem", "certificate"),
            ("keys/bad/garbage.p8", "neither a PEM key"),
            ("keys/bad/empty.p8", "empty"),
            ("keys/bad/not-pem.p8", "neither a PEM key"),
            ("keys/bad/p384.pub.pem", "P-384"),
            ("keys/bad/rsa.pub.pem", "RSA"),
            ("keys/bad/jwk-p384.json", "P-384"),
            ("keys/bad/jwk-off-curve.json", "not on the P-256 curve"),
            ("keys/bad/truncated.p8", "not valid PKCS#8"),
            ("keys/does-not-exist.p8", "does not exist"),
            ("keys", "directory"),
        ])
    func refuses(_ path: String, _ reason: String) {
        #expect {
            _ = try VectorFiles.key(path)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test("Key IDs come only from Apple-style file names")
    func keyIDFromFileName() {
        #expect(VerificationKey.keyID(fromFileName: "/x/SubscriptionKey_2X9R4HXF34.p8") == "2X9R4HXF34")
        #expect(VerificationKey.keyID(fromFileName: "AuthKey_ABCDEFGHIJ.p8") == "ABCDEFGHIJ")
        #expect(VerificationKey.keyID(fromFileName: "key.p8") == nil)
        #expect(VerificationKey.keyID(fromFileName: "SubscriptionKey_ABC.pem") == nil)
    }

    /// The private key's text, and variants of it as CI secrets mangle keys.
    static func keyVariants() throws -> (body: String, variants: [(String, String)]) {
        let pem = try String(contentsOfFile: VectorFiles.path("keys/SubscriptionKey_TESTKEYA01.p8"), encoding: .utf8)
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return (body, [
            ("on one line", pem.replacingOccurrences(of: "\n", with: "")),
            ("newlines as spaces", pem.replacingOccurrences(of: "\n", with: " ")),
            ("newlines as \\n", pem.replacingOccurrences(of: "\n", with: "\\n")),
        ])
    }

    @Test("A key whose newlines were lost or escaped loads the same")
    func mangledKeysLoad() throws {
        let expected = try VectorFiles.key("keys/SubscriptionKey_TESTKEYA01.p8").publicKey.uncompressedPoint
        for (name, text) in try Self.keyVariants().variants {
            let key = try VerificationKey.parse(Array(text.utf8), fileName: nil)
            #expect(key.publicKey.uncompressedPoint == expected, "\(name)")
        }
    }

    @Test("Errors about broken keys never quote the key's base64", arguments: [
        "PRIVATE KEY", "PRIVATE KEY-----", "-----END PRIVATE KEY-----",
    ])
    func brokenKeyErrorsHideKeyMaterial(_ cut: String) throws {
        let (body, variants) = try Self.keyVariants()
        for (name, text) in variants + [("twice", String(repeating: variants[0].1, count: 2))] {
            // Break the armor in several ways: drop the end, or the label.
            let broken = [text.replacingOccurrences(of: "-----END PRIVATE KEY-----", with: ""),
                          text.replacingOccurrences(of: cut, with: "PRIVATE  KEY"), text]
            for candidate in broken {
                do {
                    _ = try VerificationKey.parse(Array(candidate.utf8), fileName: nil)
                } catch {
                    let message = "\(error)"
                    for start in stride(from: 0, to: body.count - 12, by: 12) {
                        let piece = String(body.dropFirst(start).prefix(12))
                        #expect(!message.contains(piece), "\(name): \(message)")
                    }
                }
            }
        }
    }

    @Test("Error messages never contain the private key's base64")
    func errorsHideKeyMaterial() throws {
        let pem = try String(contentsOfFile: VectorFiles.path("keys/SubscriptionKey_TESTKEYA01.p8"), encoding: .utf8)
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let broken = pem.replacingOccurrences(of: "PRIVATE KEY", with: "PRIVATE KEX")
        #expect {
            _ = try VerificationKey.parse(Array(broken.utf8), fileName: nil)
        } throws: { error in
            !"\(error)".contains(String(body.prefix(16))) && !"\(error)".contains(String(body.suffix(16)))
        }
    }

    @Test("A JWK Set loads as a key set whose keys are found by kid; a single key file still loads as one key")
    func keySets() throws {
        guard case .keySet(let set) = try KeyMaterial.load(contentsOf: VectorFiles.path("services/apple-keys.json")) else {
            Issue.record("services/apple-keys.json did not load as a key set")
            return
        }
        #expect(set.keys.map(\.keyID) == ["JWTLINT-A", "JWTLINT-B"])
        #expect(set.key(withID: "JWTLINT-B")?.algorithm == "RS256")
        #expect(set.key(withID: "jwtlint-b") == nil, "kid is compared exactly")
        guard case .key = try KeyMaterial.load(contentsOf: VectorFiles.path("keys/TESTKEYA01.jwk.json")) else {
            Issue.record("a single JWK loaded as a key set")
            return
        }
    }

    @Test("A JWK Set that is not one of public RSA signing keys is refused with a reason", arguments: [
        #"{"keys":[]}"#, #"{"keys":{}}"#, #"{"keys":[1]}"#, #"{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB"}]}"#,
        #"{"keys":[{"kty":"RSA","kid":"A","n":"AQAB","e":"AQAB"}]}"#, #"{"keys":[{"kty":"EC","kid":"A","crv":"P-256"}]}"#,
        #"{"keys":[{"kty":"RSA","kid":"A","use":"enc","n":"AQAB","e":"AQAB"}]}"#,
        #"{"keys":[{"kty":"RSA","kid":"A","n":"AQAB","e":"AQAB","d":"AQAB"}]}"#,
    ])
    func badKeySets(_ text: String) {
        #expect(throws: JWTLintError.self) { try KeyMaterial.parse(Array(text.utf8), fileName: nil) }
    }
}
