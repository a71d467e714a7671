#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Writes whole files: a new file made with the mode asked for (a file already there is removed first, so that it
/// never keeps an older, looser mode), or why it cannot be written.
package enum FileWriter {
    /// Writes `bytes` to `path` with `mode`; the message names the file and the system's reason.
    package static func write(_ bytes: [UInt8], to path: String, mode: UInt32) throws(FileReadError) {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(mode))
        guard descriptor >= 0 else { throw FileReadError(what: "file", path: path, reason: "cannot be written (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw FileReadError(what: "file", path: path, reason: "cannot be written (\(String(cString: strerror(errno))))") }
            offset += written
        }
    }
}

#if canImport(Glibc)
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { Glibc.write(descriptor, buffer, count) }
#else
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { Darwin.write(descriptor, buffer, count) }
#endif
