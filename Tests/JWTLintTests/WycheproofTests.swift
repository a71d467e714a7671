import Foundation
import Testing
@testable import JWTLint

/// Wycheproof's vectors (copied into Vectors/wycheproof with their licence) run through jwtlint's own paths.
@Suite("Wycheproof ECDSA P-256 and JWS vectors")
struct WycheproofTests {
    struct P1363Case: CustomStringConvertible, Sendable {
        let tcId: Int, comment: String, keyPEM: String, message: [UInt8], signature: [UInt8], valid: Bool
        var description: String { "tcId \(tcId) (\(comment))" }
    }

    static let p1363Cases: [P1363Case] = {
        guard let file = try? VectorFiles.json("wycheproof/ecdsa_secp256r1_sha256_p1363_test.json"),
            let groups = file["testGroups"] as? [[String: Any]]
        else { return [] }
        return groups.flatMap { group -> [P1363Case] in
            let pem = group["publicKeyPem"] as? String ?? ""
            return (group["tests"] as? [[String: Any]] ?? []).map { test in
                P1363Case(
                    tcId: test["tcId"] as? Int ?? -1, comment: test["comment"] as? String ?? "", keyPEM: pem,
                    message: Array(Data(hex: test["msg"] as? String ?? "") ?? Data()),
                    signature: Array(Data(hex: test["sig"] as? String ?? "") ?? Data()),
                    valid: test["result"] as? String == "valid")
            }
        }
    }()

    @Test("The P1363 file is present and complete")
    func p1363FileIsComplete() throws {
        let file = try VectorFiles.json("wycheproof/ecdsa_secp256r1_sha256_p1363_test.json")
        #expect(Self.p1363Cases.count == file["numberOfTests"] as? Int)
        #expect(Self.p1363Cases.count > 200)
    }

    @Test("Every P1363 case gets Wycheproof's verdict from the signature check, on every verification path", arguments: p1363Cases)
    func p1363Verdict(_ test: P1363Case) throws {
        let key = try VerificationKey.parse(Array(test.keyPEM.utf8), fileName: nil).publicKey
        let prepared = key.preparedForBulkVerification()
        #expect(prepared.isPreparedForBulkVerification)
        let token = DecodedToken(
            header: JSONObject(members: [.init(name: "alg", value: .string("ES256"))]), claims: nil,
            signature: test.signature, signingInput: test.message, findings: [])
        let paths: [(String, ES256PublicKey, ES256Verifier?)] = [
            ("one-shot EVP_DigestVerify", key, nil),
            ("reused EVP_PKEY_verify", key, ES256Verifier(key: key)),
            ("fixed-base tables", prepared, ES256Verifier(key: prepared)),
        ]
        for (name, pathKey, verifier) in paths {
            var findings: [Finding] = []
            let status = SignatureCheck.check(token, options: LintOptions(now: 0, key: pathKey), verifier: verifier, into: &findings)
            #expect((status == .verified) == test.valid, "\(test), \(name): \(findings.map(\.message))")
            #expect(findings.isEmpty == test.valid, "\(test), \(name)")
        }
    }

    struct JWSCase: CustomStringConvertible, Sendable {
        let tcId: Int, comment: String, group: String, publicJWK: String, token: String, valid: Bool
        var description: String { "tcId \(tcId) \(group) (\(comment))" }
    }

    /// Every group whose public key is an EC P-256 JWK: "es256", "SpecialCaseEs256" and the two
    /// "ec_key_for_encryption" groups (a key marked for encryption must not verify).
    static let jwsCases: [JWSCase] = {
        guard let file = try? VectorFiles.json("wycheproof/json_web_signature_test.json"),
            let groups = file["testGroups"] as? [[String: Any]]
        else { return [] }
        return groups.flatMap { group -> [JWSCase] in
            guard let key = group["public"] as? [String: Any], key["crv"] as? String == "P-256",
                let keyData = try? JSONSerialization.data(withJSONObject: key)
            else { return [] }
            return (group["tests"] as? [[String: Any]] ?? []).map { test in
                JWSCase(
                    tcId: test["tcId"] as? Int ?? -1, comment: test["comment"] as? String ?? "",
                    group: group["comment"] as? String ?? "", publicJWK: String(decoding: keyData, as: UTF8.self),
                    token: test["jws"] as? String ?? "", valid: test["result"] as? String == "valid")
            }
        }
    }()

    @Test("The ES256 JWS groups are all found")
    func jwsGroupsFound() {
        let groups = Set(Self.jwsCases.map(\.group))
        #expect(groups == ["es256", "SpecialCaseEs256", "ec_key_for_encryption"])
        #expect(Self.jwsCases.count == 41)
    }

    @Test("Every ES256 JWS case gets Wycheproof's verdict end to end", arguments: jwsCases)
    func jwsVerdict(_ test: JWSCase) {
        let key: ES256PublicKey
        do {
            key = try VerificationKey.parse(Array(test.publicJWK.utf8), fileName: nil).publicKey
        } catch {
            #expect(!test.valid, "\(test): the key was refused (\(error))")
            return
        }
        let result = Linter(options: LintOptions(now: 0, key: key)).lint(test.token)
        #expect((result.signature == .verified) == test.valid, "\(test): \(result.findings.map(\.message))")
    }
}
