import Foundation
import Testing
@testable import JWTLint

/// A remembered intermediate's P-384 key with fixed-base tables verifies exactly as OpenSSL does: Wycheproof's
/// ECDSA P-384 vectors through the key, and leaves under the test chain's intermediate, good, tampered with and at
/// the edges of their validity, against a chain verified from the root.
@Suite("Leaves verified with an intermediate's fixed-base key")
struct FixedBaseIssuerKeyTests {
    struct SignatureCase: CustomStringConvertible, Sendable {
        let digest: FixedBaseIssuerKey.Digest, tcId: Int, comment: String, point: [UInt8], message: [UInt8], signature: [UInt8]
        let valid: Bool
        var description: String { "\(digest) tcId \(tcId) (\(comment))" }
    }

    /// Wycheproof's P-384 files with DER signatures: SHA-384 as certificates use, and SHA-256 and SHA-512, whose
    /// digests are shorter and longer than the curve's order (the longer one is truncated to its leftmost bits).
    static let files: [(digest: FixedBaseIssuerKey.Digest, path: String)] = [
        (.sha384, "wycheproof/ecdsa_secp384r1_sha384_test.json"),
        (.sha256, "wycheproof/ecdsa_secp384r1_sha256_test.json"),
        (.sha512, "wycheproof/ecdsa_secp384r1_sha512_test.json"),
    ]

    static func signatureCases(digest: FixedBaseIssuerKey.Digest, path: String) -> [SignatureCase] {
        guard let document = try? VectorFiles.json(path), let groups = document["testGroups"] as? [[String: Any]] else { return [] }
        return groups.flatMap { group -> [SignatureCase] in
            let point = Array(Data(hex: (group["publicKey"] as? [String: Any])?["uncompressed"] as? String ?? "") ?? Data())
            return (group["tests"] as? [[String: Any]] ?? []).map { test in
                SignatureCase(
                    digest: digest, tcId: test["tcId"] as? Int ?? -1, comment: test["comment"] as? String ?? "", point: point,
                    message: Array(Data(hex: test["msg"] as? String ?? "") ?? Data()),
                    signature: Array(Data(hex: test["sig"] as? String ?? "") ?? Data()), valid: test["result"] as? String == "valid")
            }
        }
    }

    static let signatureCases: [SignatureCase] = files.flatMap { signatureCases(digest: $0.digest, path: $0.path) }

    @Test("Each Wycheproof P-384 file is present and complete, with valid and invalid cases", arguments: files.map(\.path))
    func vectorFileIsComplete(_ path: String) throws {
        let document = try VectorFiles.json(path)
        let file = try #require(Self.files.first { $0.path == path })
        let cases = Self.signatureCases(digest: file.digest, path: path)
        #expect(cases.count == document["numberOfTests"] as? Int)
        #expect(cases.count > 400)
        #expect(cases.contains { $0.valid } && cases.contains { !$0.valid })
    }

    @Test("Every Wycheproof ECDSA P-384 case gets its verdict from the fixed-base key", arguments: signatureCases)
    func wycheproofVerdict(_ test: SignatureCase) throws {
        let key = try #require(FixedBaseIssuerKey(p384Point: test.point), "\(test): no fixed-base key")
        #expect(key.isValidSignature(der: test.signature, of: test.message, digest: test.digest) == test.valid, "\(test)")
    }

    @Test("A point that is not on P-384 makes no key")
    func pointOffTheCurveMakesNoKey() throws {
        let point = try #require(Self.signatureCases.first?.point)
        var moved = point
        moved[moved.count - 1] ^= 0x01
        #expect(FixedBaseIssuerKey(p384Point: moved) == nil)
        #expect(FixedBaseIssuerKey(p384Point: []) == nil)
    }

    // MARK: Leaves under the test chain's intermediate

    /// The certificates of a signed-data vector's x5c, leaf first.
    static func x5c(ofCase name: String) throws -> [[UInt8]] {
        let cases = try #require(try VectorFiles.json("signed/cases.json")["cases"] as? [[String: Any]])
        let jws = try #require(cases.first { $0["name"] as? String == name }?["jws"] as? String)
        let header = try Base64URL.decode(String(jws.split(separator: ".")[0])).get()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(header)) as? [String: Any])
        let entries = try #require(object["x5c"] as? [String])
        return try entries.map { try #require(Data(base64Encoded: $0)).map { $0 } }
    }

    /// The positions of the last byte of r and of s in a certificate signed with ECDSA: the signature is the last
    /// element, `BIT STRING { 00, SEQUENCE { INTEGER r, INTEGER s } }`.
    static func signatureValueEnds(_ der: [UInt8]) throws -> (r: Int, s: Int) {
        func element(at index: Int) throws -> (content: Int, end: Int) {
            let first = der[index + 1]
            if first < 0x80 { return (index + 2, index + 2 + Int(first)) }
            let count = Int(first & 0x7F)
            let length = der[(index + 2)..<(index + 2 + count)].reduce(0) { $0 << 8 | Int($1) }
            return (index + 2 + count, index + 2 + count + length)
        }
        let outer = try element(at: 0)
        let tbs = try element(at: outer.content)
        let algorithm = try element(at: tbs.end)
        let bits = try element(at: algorithm.end)
        let sequence = try element(at: bits.content + 1)
        let r = try element(at: sequence.content)
        let s = try element(at: r.end)
        try #require(s.end == der.count)
        return (r.end - 1, s.end - 1)
    }

    static let time = 1_767_225_600.0

    /// A trust in the test root, the chain of "transaction-ok" verified under it, and its intermediate remembered,
    /// with the prepared key `makeIssuerKey` makes (by default the intermediate's own).
    static func rememberedIntermediate(
        makeIssuerKey: @escaping @Sendable (X509Certificate) -> FixedBaseIssuerKey? = { FixedBaseIssuerKey(certificate: $0) }
    ) throws -> (trust: CertificateTrust, intermediate: VerifiedIntermediate, certificates: [[UInt8]]) {
        let certificates = try x5c(ofCase: "transaction-ok")
        let root = try X509Certificate(der: certificates[2])
        let trust = CertificateTrust(roots: [root])
        let verified = try trust.verify(leaf: X509Certificate(der: certificates[0]), intermediate: X509Certificate(der: certificates[1]), at: time).get()
        return (trust, try #require(VerifiedIntermediate(certificates: verified, makeIssuerKey: makeIssuerKey)), certificates)
    }

    @Test("The prepared key is what checks a leaf's signature: one for another P-384 point fails a good leaf")
    func preparedKeyChecksTheSignature() throws {
        let otherPoint = try #require(Self.signatureCases.first?.point)
        let (_, remembered, _) = try Self.rememberedIntermediate { _ in FixedBaseIssuerKey(p384Point: otherPoint) }
        let good = try X509Certificate(der: try Self.x5c(ofCase: "x5c-leaf-without-oid")[0])
        #expect(throws: CertificateTrust.Failure.self) { try remembered.verify(leaf: good, at: Self.time).get() }
        #expect(remembered.usesFixedBaseKey)
        let (_, right, _) = try Self.rememberedIntermediate()
        #expect(throws: Never.self) { try right.verify(leaf: good, at: Self.time).get() }
        #expect(right.usesFixedBaseKey)
    }

    @Test("A second leaf under the intermediate is verified with the fixed-base key, and verifies")
    func secondLeafUsesTheFixedBaseKey() throws {
        let (_, remembered, _) = try Self.rememberedIntermediate()
        #expect(!remembered.usesFixedBaseKey)
        let leaf = try X509Certificate(der: try Self.x5c(ofCase: "x5c-leaf-without-oid")[0])
        let chain = try remembered.verify(leaf: leaf, at: Self.time).get()
        #expect(chain.first === leaf && chain[1] === remembered.intermediate && chain[2] === remembered.root)
        #expect(remembered.usesFixedBaseKey)
    }

    @Test("A leaf whose signature or signed content was changed fails under the fixed-base key, as from the root")
    func tamperedLeavesFail() throws {
        let (trust, remembered, certificates) = try Self.rememberedIntermediate()
        let intermediate = try X509Certificate(der: certificates[1])
        let good = try Self.x5c(ofCase: "x5c-leaf-without-oid")[0]
        _ = try remembered.verify(leaf: X509Certificate(der: good), at: Self.time).get()
        #expect(remembered.usesFixedBaseKey)
        let ends = try Self.signatureValueEnds(good)
        // The serial number's last byte: the fifth byte of the to-be-signed part's content is inside
        // `[0] { INTEGER 2 }`, then the serial INTEGER follows; changing its last byte keeps the DER valid.
        let serialEnd = try #require((0..<40).first { good[$0] == 0x02 && good[$0 + 1] == 0x01 && good[$0 + 2] == 0x02 }).advanced(by: 3)
        let serialLength = Int(good[serialEnd + 1])
        let changes: [(String, Int)] = [("r", ends.r), ("s", ends.s), ("serial", serialEnd + 1 + serialLength)]
        for (name, position) in changes {
            var tampered = good
            tampered[position] ^= 0x01
            let leaf = try X509Certificate(der: tampered)
            let fast = remembered.verify(leaf: leaf, at: Self.time)
            #expect(throws: CertificateTrust.Failure.self, "changed \(name)") { try fast.get() }
            let fresh = trust.verify(leaf: leaf, intermediate: intermediate, at: Self.time)
            #expect(throws: CertificateTrust.Failure.self, "changed \(name)") { try fresh.get() }
            if case .failure(let failure) = fresh { #expect(failure.reason == "certificate signature failure", "changed \(name)") }
        }
    }

    @Test("At the edges of a leaf's validity the fixed-base key and a chain verified from the root agree")
    func validityEdgesAgree() throws {
        let (trust, remembered, certificates) = try Self.rememberedIntermediate()
        let intermediate = try X509Certificate(der: certificates[1])
        _ = try remembered.verify(leaf: X509Certificate(der: try Self.x5c(ofCase: "x5c-leaf-without-oid")[0]), at: Self.time).get()
        #expect(remembered.usesFixedBaseKey)
        let leaf = try X509Certificate(der: try Self.x5c(ofCase: "x5c-leaf-expired")[0])
        let notBefore = try #require(leaf.notBefore), notAfter = try #require(leaf.notAfter)
        var outcomes: [Bool] = []
        for time in [notBefore - 1, notBefore, notBefore + 1, notAfter - 1, notAfter, notAfter + 1, Self.time] where remembered.covers(time) {
            let fast = (try? remembered.verify(leaf: leaf, at: time).get()) != nil
            let fresh = (try? trust.verify(leaf: leaf, intermediate: intermediate, at: time).get()) != nil
            #expect(fast == fresh, "as of \(time)")
            outcomes.append(fresh)
        }
        #expect(outcomes.contains(true) && outcomes.contains(false))
    }
}
