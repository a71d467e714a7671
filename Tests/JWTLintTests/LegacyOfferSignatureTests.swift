import Testing
import JWTLint

/// The legacy promotional offer signature: Apple's payload verifies; each classic mistake, made on purpose with
/// test key A, is named; the encodings StoreKit refuses are reported.
@Suite("Legacy promotional offer signatures")
struct LegacyOfferSignatureTests {
    static let now: Double = 1_767_225_600

    static func key() throws -> SigningKey {
        try SigningKey.load(contentsOf: VectorFiles.path("keys/SubscriptionKey_TESTKEYA01.p8"))
    }

    /// A request as an app passes it, with the signature made over `fields` joined by `separator`.
    static func request(
        signing fields: (LegacyOfferRequest) -> [String], separator: String = LegacyOfferRequest.separator,
        nonce: String = "c2a5f9e1-3b7d-4e0a-9f51-6d2c8b4a7e13", token: String = "7e3fb20b-4cdb-47cc-936d-99d65f608138",
        timestamp: String = "1767225570000"
    ) throws -> LegacyOfferRequest {
        var request = LegacyOfferRequest(
            bundleID: "com.example.app", keyID: "TESTKEYA01", productID: "com.example.app.monthly", offerIdentifier: "winback.50",
            appAccountToken: token, nonce: nonce, timestamp: timestamp, signature: "")
        let payload = fields(request).joined(separator: separator)
        request.signature = Base64.encode(try key().privateKey.signDER(Array(payload.utf8)))
        return request
    }

    static func check(_ request: LegacyOfferRequest, otherKeyIDs: [String] = []) throws -> LegacyOfferResult {
        LegacyOfferSignature.check(request, key: try key().privateKey.publicKey, now: now, otherKeyIDs: otherKeyIDs)
    }

    @Test("Apple's payload verifies: token and nonce lower-cased, fields joined by U+2063")
    func applePayloadVerifies() throws {
        let request = try Self.request(signing: \.appleFields, nonce: "C2A5F9E1-3B7D-4E0A-9F51-6D2C8B4A7E13")
        #expect(request.applePayload.contains("\u{2063}c2a5f9e1-3b7d-4e0a-9f51-6d2c8b4a7e13\u{2063}"))
        let result = try Self.check(request)
        #expect(result.signature == .verified)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
    }

    static var mistakes: [(String, OfferSignatureMistake, (LegacyOfferRequest) -> [String], String)] { [
        ("nonce signed in upper case", .nonceNotLowercased, { r in var f = r.appleFields; f[5] = f[5].uppercased(); return f }, "\u{2063}"),
        ("token signed in upper case", .appAccountTokenNotLowercased, { r in var f = r.appleFields; f[4] = f[4].uppercased(); return f }, "\u{2063}"),
        ("token left out", .appAccountTokenLeftOut, { r in var f = r.appleFields; f[4] = ""; return f }, "\u{2063}"),
        ("timestamp in seconds", .timestampInSeconds, { r in var f = r.appleFields; f[6] = "1767225570"; return f }, "\u{2063}"),
        ("joined by '|'", .separator("'|'"), \.appleFields, "|"),
        ("joined by ','", .separator("','"), \.appleFields, ","),
        ("joined by nothing", .separator("nothing"), \.appleFields, ""),
        ("joined by U+2064", .separator("U+2064 INVISIBLE PLUS"), \.appleFields, "\u{2064}"),
        ("key ID in lower case", .keyID("testkeya01"), { r in var f = r.appleFields; f[1] = "testkeya01"; return f }, "\u{2063}"),
        ("bundle ID left empty", .bundleID(""), { r in var f = r.appleFields; f[0] = ""; return f }, "\u{2063}"),
        ("product and offer swapped", .fieldOrder(["bundle ID", "key ID", "offer ID", "product ID", "app account token", "nonce", "timestamp"]),
         { r in var f = r.appleFields; f.swapAt(2, 3); return f }, "\u{2063}"),
        ("nonce first", .fieldOrder(["nonce", "bundle ID", "key ID", "product ID", "offer ID", "app account token", "timestamp"]),
         { r in let f = r.appleFields; return [f[5]] + f[0...4] + [f[6]] }, "\u{2063}"),
    ] }

    @Test("Each classic mistake is named, and the signature is not called valid", arguments: mistakes.indices)
    func mistakeIsNamed(_ index: Int) throws {
        let (name, mistake, fields, separator) = Self.mistakes[index]
        let result = try Self.check(try Self.request(signing: fields, separator: separator))
        #expect(result.signature == .invalid, "\(name)")
        let causes = result.findings.filter { $0.rule == .offerSignature }.map(\.cause)
        #expect(causes == [.offerMistake(mistake)], "\(name): \(result.findings.map(\.message))")
    }

    @Test("Both the nonce and the token signed in upper case are named together")
    func bothNotLowercased() throws {
        let request = try Self.request(signing: { r in
            var f = r.appleFields
            f[4] = f[4].uppercased()
            f[5] = f[5].uppercased()
            return f
        })
        let causes = try Self.check(request).findings.map(\.cause)
        #expect(causes == [.offerMistake(.nonceNotLowercased), .offerMistake(.appAccountTokenNotLowercased)])
    }

    @Test("Another key ID is found among the ones worth trying, such as the key file's")
    func otherKeyID() throws {
        let request = try Self.request(signing: { r in var f = r.appleFields; f[1] = "ABCDE12345"; return f })
        #expect(try Self.check(request).findings.map(\.cause) == [.signatureMismatch])
        #expect(try Self.check(request, otherKeyIDs: ["ABCDE12345"]).findings.map(\.cause) == [.offerMistake(.keyID("ABCDE12345"))])
    }

    @Test("A signature over other values is a mismatch, with no mistake named")
    func otherValues() throws {
        var request = try Self.request(signing: \.appleFields)
        request.offerIdentifier = "winback.75"
        let result = try Self.check(request)
        #expect(result.signature == .invalid)
        #expect(result.findings.map(\.cause) == [.signatureMismatch])
    }

    @Test("StoreKit's encoding: base64url, double base64 and raw r || s are reported, and still verified")
    func encodings() throws {
        let request = try Self.request(signing: \.appleFields)
        let der = try #require(try? Base64.decode(request.signature).get())
        var url = request
        url.signature = Base64URL.encode(der)
        var twice = request
        twice.signature = Base64.encode(Array(request.signature.utf8))
        // A DER signature whose base64 has no '+', '/' or '=' reads the same in base64url: nothing to report then.
        let urlDiffers = url.signature != request.signature
        for (name, variant, causes) in [("base64url", url, urlDiffers ? [FindingCause.notStandardBase64] : []), ("twice", twice, [.encodedTwice])] {
            let result = try Self.check(variant)
            #expect(result.findings.map(\.cause) == causes, "\(name)")
            #expect(result.signature == .verified, "\(name): the signature itself is good")
        }
        var garbage = request
        garbage.signature = "%%%"
        #expect(try Self.check(garbage).findings.map(\.rule) == [.offerEncoding])
    }

    @Test("Timestamps: seconds, 24 hours old and ahead of now are errors; 23 hours is fine")
    func timestamps() throws {
        for (timestamp, cause) in [("1767225570", FindingCause.seconds), ("1767139199000", .expired), ("1767225720000", .issuedInFuture)] {
            let result = try Self.check(try Self.request(signing: \.appleFields, timestamp: timestamp))
            #expect(result.findings.map(\.cause) == [cause], "\(timestamp)")
            #expect(result.signature == .verified)
        }
        #expect(try Self.check(try Self.request(signing: \.appleFields, timestamp: "1767142800000")).findings.isEmpty)
    }
}
