import Foundation
import Testing
@testable import JWTLint

/// The JSON writer's eight-bytes-at-a-time path must escape exactly what the byte path escapes, wherever in a word
/// the character falls.
@Suite("Writing JSON strings")
struct JSONWriterTests {
    static let specials = ["\"", "\\", "\n", "\t", "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{2028}", "\u{202E}", "é", "€", "😀", "/"]

    @Test("Every special character, at every offset around a word, reads back the same and leaves no raw control byte")
    func specialsAtEveryOffset() throws {
        for special in Self.specials {
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset % 7)
                var output: [UInt8] = []
                JSONWriter.appendString(text, to: &output)
                let decoded = try JSONSerialization.jsonObject(with: Data(output), options: .fragmentsAllowed) as? String
                #expect(decoded == text, "\(special.unicodeScalars.map { String($0.value, radix: 16) }) at \(offset)")
                #expect(!output.contains { $0 < 0x20 || $0 == 0x7F }, "a raw control byte for \(special.debugDescription) at \(offset)")
                let written = String(decoding: output, as: UTF8.self)
                if ["\u{85}", "\u{2028}", "\u{202E}"].contains(special) {
                    #expect(written.contains("\\u"), "\(special.debugDescription) at \(offset) was not escaped")
                }
            }
        }
    }

    @Test("A word is plain exactly when its eight bytes are printable ASCII other than the quote and the backslash")
    func plainWords() {
        for byte in 0...255 {
            var bytes = [UInt8](repeating: UInt8(ascii: "A"), count: 8)
            for position in [0, 3, 7] {
                bytes[position] = UInt8(byte)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let expected = (0x20...0x7E).contains(byte) && byte != 0x22 && byte != 0x5C
                #expect(JSONWriter.isPlain(word) == expected, "byte \(byte) at \(position)")
                bytes[position] = UInt8(ascii: "A")
            }
        }
    }
}
