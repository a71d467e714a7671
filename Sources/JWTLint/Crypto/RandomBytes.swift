internal import COpenSSL

/// Random bytes from OpenSSL's generator, for nonces.
package enum RandomBytes {
    /// `count` random bytes, or `nil` if the generator fails (it has no entropy).
    package static func make(_ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&bytes, Int32(count)) == 1 else {
            OpenSSLError.clearQueue()
            return nil
        }
        return bytes
    }

    /// A random (version 4) UUID in lower case, as Apple's Python, Java and Node libraries make nonces.
    package static func uuid() -> String? {
        guard var bytes = make(16) else { return nil }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
