#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Reads a small regular file safely: never blocks on a FIFO, refuses directories and devices, bounds the size.
enum FileContents {
    /// Reads the whole file at `path`, refusing anything larger than `limit` bytes.
    /// - Throws: ``KeyError/unreadable(_:)`` with a plain reason.
    static func read(_ path: String, limit: Int) throws(KeyError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .unreadable(describe(errno: errno, path: path))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(describe(errno: errno, path: path)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable("is a directory, not a key file")
        case S_IFIFO: throw .unreadable("is a pipe (FIFO), not a key file")
        default: throw .unreadable("is not a regular file")
        }
        guard Int(info.st_size) <= limit else {
            throw .unreadable("is \(info.st_size) bytes, larger than any key file (limit \(limit) bytes)")
        }
        var contents = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while filled < contents.count {
            let count = contents.withUnsafeMutableBytes { buffer in
                Glibc_or_Darwin_read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(describe(errno: errno, path: path))
            }
            if count == 0 { break }
            filled += count
        }
        guard filled <= limit else { throw .unreadable("is larger than any key file (limit \(limit) bytes)") }
        contents.removeLast(contents.count - filled)
        return contents
    }

    private static func describe(errno code: Int32, path: String) -> String {
        switch code {
        case ENOENT: return "does not exist"
        case EACCES, EPERM: return "cannot be read (permission denied)"
        case ELOOP: return "is a symbolic link loop"
        case ENOTDIR: return "has a path through something that is not a folder"
        default:
            guard let text = strerror(code) else { return "cannot be read (error \(code))" }
            return "cannot be read (\(String(cString: text)))"
        }
    }
}

@inline(__always)
private func Glibc_or_Darwin_read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
