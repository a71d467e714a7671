internal import COpenSSL

/// Reads and clears OpenSSL's per-thread error queue, so one failure never shows up in the next call.
enum OpenSSLError {
    /// The queue's oldest reason, as OpenSSL words it; the queue is cleared.
    static func drainQueue() -> String {
        let code = ERR_get_error()
        defer { ERR_clear_error() }
        guard code != 0 else { return "no detail from OpenSSL" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        let end = buffer.firstIndex(of: 0) ?? buffer.endIndex
        return String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Empties the queue.
    static func clearQueue() {
        ERR_clear_error()
    }
}
