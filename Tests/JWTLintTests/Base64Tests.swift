import Foundation
import Testing
import JWTLint

@Suite("Standard base64, read strictly")
struct Base64Tests {
    @Test("Encoding and decoding agree with Foundation for every length up to 70 bytes")
    func roundTrip() throws {
        for length in 0...70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ length) }
            let encoded = Base64.encode(bytes)
            #expect(encoded == Data(bytes).base64EncodedString(), "\(length)")
            if length > 0 {
                #expect(try Base64.decode(encoded).get() == bytes, "\(length)")
            }
        }
    }

    @Test(
        "Each departure from canonical padded base64 is refused with its reason",
        arguments: [
            ("", Base64.DecodingError.empty),
            ("QQ", .missingPadding),
            ("QUI", .missingPadding),
            ("QR==", .nonCanonical),
            ("QUJ=", .nonCanonical),
            ("Q===", .misplacedPadding),
            ("====", .misplacedPadding),
            ("QQ==QQ==", .misplacedPadding),
            ("ab-_", .urlAlphabet(offset: 2)),
            ("QU I=", .whitespace(offset: 2)),
            ("QU*=", .invalidCharacter(byte: 0x2A, offset: 2)),
        ])
    func refused(_ text: String, _ error: Base64.DecodingError) {
        #expect(Base64.decode(text) == .failure(error), "\(text)")
    }

    @Test("Padded and unpadded lengths decode to the right bytes")
    func padding() throws {
        #expect(try Base64.decode("QQ==").get() == [0x41])
        #expect(try Base64.decode("QUI=").get() == [0x41, 0x42])
        #expect(try Base64.decode("QUJD").get() == [0x41, 0x42, 0x43])
        #expect(try Base64.decode("+/8=").get() == [0xFB, 0xFF])
    }
}
