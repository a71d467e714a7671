/// The two encodings of an ECDSA P-256 signature: JWS's raw `r || s` (RFC 7518 §3.4) and ASN.1 DER, which
/// OpenSSL, Java, Node and Security.framework produce by default. Pure Swift, no OpenSSL.
enum ECDSASignature {
    /// The order n of the P-256 group, big-endian.
    static let p256Order: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    ]

    /// Which of r and s lie outside 1...n−1, for a 64-byte raw signature. Empty when both are in range.
    static func outOfRangeComponents(_ raw: [UInt8]) -> [String] {
        precondition(raw.count == 64)
        var names: [String] = []
        if !inRange(raw[0..<32]) { names.append("r") }
        if !inRange(raw[32..<64]) { names.append("s") }
        return names
    }

    private static func inRange(_ value: ArraySlice<UInt8>) -> Bool {
        guard value.contains(where: { $0 != 0 }) else { return false }
        return value.lexicographicallyPrecedes(p256Order)
    }

    /// DER `SEQUENCE { INTEGER r, INTEGER s }` for a 64-byte raw signature, the form OpenSSL verifies.
    static func der(fromRaw raw: [UInt8]) -> [UInt8] {
        let r = derInteger(raw[0..<32]), s = derInteger(raw[32..<64])
        return [0x30, UInt8(r.count + s.count)] + r + s
    }

    /// Writes the DER form of a 64-byte raw signature into `output` (at least 72 bytes); returns its length.
    static func der(fromRaw raw: [UInt8], into output: inout [UInt8]) -> Int {
        var length = 2
        for half in 0..<2 {
            let value = raw[(half * 32)..<(half * 32 + 32)]
            var start = value.startIndex
            while start < value.endIndex - 1 && value[start] == 0 { start += 1 }
            let pad = value[start] & 0x80 != 0 ? 1 : 0
            output[length] = 0x02
            output[length + 1] = UInt8(value.endIndex - start + pad)
            length += 2
            if pad == 1 {
                output[length] = 0
                length += 1
            }
            for index in start..<value.endIndex {
                output[length] = value[index]
                length += 1
            }
        }
        output[0] = 0x30
        output[1] = UInt8(length - 2)
        return length
    }

    private static func derInteger(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var digits = value.drop(while: { $0 == 0 })
        if digits.isEmpty { digits = [0][...] }
        let body = (digits.first! & 0x80 != 0 ? [0x00] : []) + Array(digits)
        return [0x02, UInt8(body.count)] + body
    }

    /// Whether `bytes` is a DER-encoded ECDSA signature (`30 len 02 len r 02 len s`, nothing after it).
    static func isDER(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8, bytes[0] == 0x30 else { return false }
        var index = 1
        guard let sequenceLength = derLength(bytes, &index), index + sequenceLength == bytes.count else { return false }
        for _ in 0..<2 {
            guard index < bytes.count, bytes[index] == 0x02 else { return false }
            index += 1
            guard let length = derLength(bytes, &index), length >= 1, length <= 33, index + length <= bytes.count else { return false }
            index += length
        }
        return index == bytes.count
    }

    /// The raw `r || s` of a DER-encoded signature, or `nil` when `bytes` is not exactly one DER `ECDSA-Sig-Value`
    /// whose integers fit in 32 bytes. Accepts non-minimal integer encodings (the caller can compare
    /// ``der(fromRaw:)`` of the result with `bytes` to tell).
    static func raw(fromDER bytes: [UInt8]) -> [UInt8]? {
        guard isDER(bytes) else { return nil }
        var index = 1
        _ = derLength(bytes, &index)
        var raw: [UInt8] = []
        for _ in 0..<2 {
            index += 1
            guard let length = derLength(bytes, &index) else { return nil }
            var value = bytes[index..<(index + length)].drop { $0 == 0 }
            if value.isEmpty { value = [0][...] }
            guard value.count <= 32 else { return nil }
            raw += [UInt8](repeating: 0, count: 32 - value.count) + value
            index += length
        }
        return raw
    }

    private static func derLength(_ bytes: [UInt8], _ index: inout Int) -> Int? {
        guard index < bytes.count else { return nil }
        let first = bytes[index]
        index += 1
        if first < 0x80 { return Int(first) }
        guard first == 0x81, index < bytes.count else { return nil }
        let length = Int(bytes[index])
        index += 1
        return length
    }
}
