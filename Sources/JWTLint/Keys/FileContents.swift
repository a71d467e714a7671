#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Reads a small regular file safely: never blocks on a FIFO, refuses directories and devices, bounds the size.
enum FileContents {
    /// Reads the whole file at `path`, refusing anything larger than `limit` bytes.
    /// - Throws: ``KeyError/unreadable(_:)`` with a plain reason.
    static func read(_ path: String, limit: Int, kind: String = "key file") throws(KeyError) -> [UInt8] {
        try readWithMode(path, limit: limit, kind: kind).contents
    }

    /// Reads the whole file at `path`, as ``read(_:limit:)``, and says whether group or others may read it.
    /// `kind` names what the file should be, in errors ("larger than any key file").
    static func readWithMode(_ path: String, limit: Int, kind: String = "key file") throws(KeyError) -> (contents: [UInt8], readableByOthers: Bool) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .unreadable(describe(errno: errno, path: path))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(describe(errno: errno, path: path)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable("is a directory, not a \(kind)")
        case S_IFIFO: throw .unreadable("is a pipe (FIFO), not a \(kind)")
        default: throw .unreadable("is not a regular file")
        }
        guard Int(info.st_size) <= limit else {
            throw .unreadable("is \(info.st_size) bytes, larger than any \(kind) (limit \(limit) bytes)")
        }
        // Read to the end rather than trusting st_size: files in /proc and similar report 0.
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        defer { PEMBlock.clear(&chunk) }
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                PEMBlock.clear(&contents)
                throw .unreadable(describe(errno: errno, path: path))
            }
            if count == 0 { break }
            guard contents.count + count <= limit else {
                PEMBlock.clear(&contents)
                throw .unreadable("is larger than any \(kind) (limit \(limit) bytes)")
            }
            if contents.capacity < contents.count + count {
                // Grow by hand so that the old buffer, which may hold key material, is cleared before it is freed.
                var larger: [UInt8] = []
                larger.reserveCapacity(max(2 * contents.capacity, contents.count + count))
                larger.append(contentsOf: contents)
                PEMBlock.clear(&contents)
                contents = larger
            }
            contents.append(contentsOf: chunk[0..<count])
        }
        return (contents, info.st_mode & (S_IRGRP | S_IROTH) != 0)
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


/// POSIX read(2); a top-level name, since `FileContents.read` hides it inside the type.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
