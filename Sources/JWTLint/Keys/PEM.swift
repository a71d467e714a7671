/// One PEM block: `-----BEGIN <label>-----`, headers, base64 body, `-----END <label>-----` (RFC 7468).
struct PEMBlock {
    /// The label, such as `PRIVATE KEY` or `PUBLIC KEY`.
    let label: String
    /// Whether the block carries RFC 1421 headers (`Proc-Type: 4,ENCRYPTED` for legacy encrypted keys).
    let hasEncryptionHeader: Bool
    /// The decoded DER body.
    var der: [UInt8]

    /// Every PEM block in `text`, in order. Text outside the blocks is ignored, as OpenSSL does.
    /// - Throws: ``KeyError/invalidKey(_:)`` for a block without an end line or a body that is not base64.
    static func blocks(in text: [UInt8]) throws(KeyError) -> [PEMBlock] {
        let lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line -> ArraySlice<UInt8> in
            var line = line
            while let last = line.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { line = line.dropLast() }
            while let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { line = line.dropFirst() }
            return line
        }
        var result: [PEMBlock] = []
        var index = 0
        while index < lines.count {
            guard let label = boundaryLabel(lines[index], kind: "BEGIN") else {
                index += 1
                continue
            }
            var body: [UInt8] = []
            var encrypted = false
            index += 1
            var closed = false
            while index < lines.count {
                let line = lines[index]
                if let endLabel = boundaryLabel(line, kind: "END") {
                    guard endLabel == label else { throw .invalidKey("the PEM block BEGIN \(label) ends with END \(endLabel)") }
                    closed = true
                    break
                }
                if line.contains(UInt8(ascii: ":")) {
                    if String(decoding: line, as: UTF8.self).uppercased().contains("ENCRYPTED") { encrypted = true }
                } else {
                    body.append(contentsOf: line)
                }
                index += 1
            }
            guard closed else { throw .invalidKey("the PEM block BEGIN \(label) has no END line") }
            defer { Self.clear(&body) }
            guard let der = Base64Standard.decode(body) else {
                throw .invalidKey("the body of the PEM block \(label) is not valid base64")
            }
            result.append(PEMBlock(label: label, hasEncryptionHeader: encrypted, der: der))
            index += 1
        }
        return result
    }

    private static func boundaryLabel(_ line: ArraySlice<UInt8>, kind: String) -> String? {
        let text = String(decoding: line, as: UTF8.self)
        let prefix = "-----\(kind) ", suffix = "-----"
        guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count > prefix.count + suffix.count else { return nil }
        return String(text.dropFirst(prefix.count).dropLast(suffix.count))
    }

    /// Overwrites bytes that may hold private key material.
    static func clear(_ bytes: inout [UInt8]) {
        for index in bytes.indices { bytes[index] = 0 }
    }
}

/// Standard padded base64 (RFC 4648 §4), as PEM bodies use it.
enum Base64Standard {
    static func decode(_ text: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        var padding = 0
        for byte in text {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="):
                padding += 1
                continue
            default:
                return nil
            }
            guard padding == 0 else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        guard padding <= 2, (text.count - padding) % 4 != 1 else { return nil }
        return output
    }
}
