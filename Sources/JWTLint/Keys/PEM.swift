/// One PEM block: `-----BEGIN <label>-----`, optional headers, base64 body, `-----END <label>-----` (RFC 7468).
struct PEMBlock {
    /// The label, such as `PRIVATE KEY` or `PUBLIC KEY`: upper-case letters, digits and spaces only.
    let label: String
    /// Whether the block carries RFC 1421 headers naming encryption (`Proc-Type: 4,ENCRYPTED`).
    let hasEncryptionHeader: Bool
    /// The decoded DER body.
    var der: [UInt8]

    /// Every PEM block in `text`, in order. Text outside the blocks is ignored, as OpenSSL does.
    ///
    /// The armor need not be on lines of its own: a key whose newlines became spaces or literal `\n` (as keys
    /// kept in CI secrets and environment variables often are) reads the same. Nothing read from the file is
    /// ever put in an error message, since it may be private key material.
    /// - Throws: a ``JWTLintError`` of kind ``JWTLintError/Kind/key`` for a block without an end, or a body that is not base64.
    static func blocks(in text: [UInt8]) throws(JWTLintError) -> [PEMBlock] {
        var result: [PEMBlock] = []
        do {
            var searchFrom = 0
            while let begin = find(beginMarker, in: text, from: searchFrom) {
                let (block, end) = try self.block(at: begin, in: text)
                result.append(block)
                searchFrom = end
            }
            return result
        } catch {
            // The blocks read before the bad one may hold key material: clear them before they are dropped.
            for index in result.indices { clear(&result[index].der) }
            throw error
        }
    }

    /// The block whose BEGIN line starts at `begin`, and the index just past its END line.
    private static func block(at begin: Int, in text: [UInt8]) throws(JWTLintError) -> (PEMBlock, end: Int) {
        let labelStart = begin + beginMarker.count
        guard let labelEnd = find(dashes, in: text, from: labelStart), isLabel(text[labelStart..<labelEnd]) else {
            throw .invalidKey("it has a '-----BEGIN' line that is not PEM armor")
        }
        let label = String(decoding: text[labelStart..<labelEnd], as: UTF8.self)
        let bodyStart = labelEnd + dashes.count
        let endMarker = Array("-----END \(label)-----".utf8)
        guard let bodyEnd = find(endMarker, in: text, from: bodyStart) else {
            throw .invalidKey("its PEM block '\(label)' has no matching END line")
        }
        return (try decodeBody(text[bodyStart..<bodyEnd], label: label), bodyEnd + endMarker.count)
    }

    private static let beginMarker = Array("-----BEGIN ".utf8)
    private static let dashes = Array("-----".utf8)

    private static func isLabel(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.count <= 40
            && bytes.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 }
    }

    /// Decodes a body: RFC 1421 header lines (`Name: value`) are noted and skipped; whitespace and literal `\n`
    /// sequences between base64 characters are ignored.
    private static func decodeBody(_ body: ArraySlice<UInt8>, label: String) throws(JWTLintError) -> PEMBlock {
        var base64: [UInt8] = []
        base64.reserveCapacity(body.count)
        defer { clear(&base64) }
        var encrypted = false
        var lineStart = body.startIndex
        var index = body.startIndex
        while index <= body.endIndex {
            if index == body.endIndex || body[index] == 0x0A {
                let line = body[lineStart..<index]
                if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                    // A header line; the body starts after the blank line that follows the headers.
                    let name = line[line.startIndex..<colon]
                    if name.elementsEqual("Proc-Type".utf8) || name.elementsEqual("DEK-Info".utf8) { encrypted = true }
                } else {
                    var position = line.startIndex
                    while position < line.endIndex {
                        let byte = line[position]
                        if byte == UInt8(ascii: "\\"), position + 1 < line.endIndex, line[position + 1] == UInt8(ascii: "n") {
                            position += 2
                            continue
                        }
                        if !(byte == 0x20 || byte == 0x09 || byte == 0x0D) { base64.append(byte) }
                        position += 1
                    }
                }
                lineStart = index + 1
            }
            index += 1
        }
        guard let der = Base64Standard.decode(base64) else {
            throw .invalidKey("the body of its PEM block '\(label)' is not valid base64")
        }
        return PEMBlock(label: label, hasEncryptionHeader: encrypted, der: der)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// `der` as a PEM block labelled `label`, its base64 in lines of 64 characters (RFC 7468).
    static func armored(_ der: [UInt8], label: String) -> String {
        let body = Base64Standard.encode(der)
        var lines = ["-----BEGIN \(label)-----"]
        var index = body.startIndex
        while index < body.endIndex {
            let end = body.index(index, offsetBy: 64, limitedBy: body.endIndex) ?? body.endIndex
            lines.append(String(body[index..<end]))
            index = end
        }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Overwrites bytes that may hold private key material.
    static func clear(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { raw in
            for index in raw.indices { raw[index] = 0 }
        }
    }
}

/// Standard padded base64 (RFC 4648 §4), as PEM bodies use it. Encoding is ``Base64``'s; decoding is its own, as
/// lenient as PEM readers are (padding may be missing) and clearing what it decoded when it fails, since a PEM body
/// may be a private key: ``Base64`` decodes claims strictly, to say which mistake a signer made.
enum Base64Standard {
    /// `bytes` in padded standard base64.
    static func encode(_ bytes: [UInt8]) -> String {
        Base64.encode(bytes)
    }

    /// The decoded bytes, or `nil` (with any partial output cleared) when `text` is not base64.
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
                PEMBlock.clear(&output)
                return nil
            }
            guard padding == 0 else {
                PEMBlock.clear(&output)
                return nil
            }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        accumulator = 0
        guard padding <= 2, (text.count - padding) % 4 != 1 else {
            PEMBlock.clear(&output)
            return nil
        }
        return output
    }
}
