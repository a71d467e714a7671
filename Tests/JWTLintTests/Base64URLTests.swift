import Testing
import JWTLint

@Suite("Strict base64url")
struct Base64URLTests {
    @Test("Encoding and decoding round-trip for every length up to 70 bytes")
    func roundTrip() {
        for length in 0...70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text) == .success(bytes), "length \(length)")
        }
    }

    @Test("RFC 4648 test strings encode without padding")
    func knownValues() {
        #expect(Base64URL.encode("f") == "Zg")
        #expect(Base64URL.encode("fo") == "Zm8")
        #expect(Base64URL.encode("foo") == "Zm9v")
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
    }

    @Test(
        "Non-canonical spellings are refused with the reason",
        arguments: [
            ("Zg==", Base64URL.DecodingError.padding),
            ("Zh", .nonCanonical),
            ("Zm9", .nonCanonical),
            ("+_8", .standardAlphabet(character: "+", offset: 0)),
            ("-/8", .standardAlphabet(character: "/", offset: 1)),
            ("Zm9vY", .impossibleLength),
            ("Zm 9v", .invalidCharacter(byte: 0x20, offset: 2)),
            ("Zm9\u{0}", .invalidCharacter(byte: 0x00, offset: 3)),
        ])
    func refusesNonCanonical(_ text: String, _ error: Base64URL.DecodingError) {
        #expect(Base64URL.decode(text) == .failure(error))
    }
}
