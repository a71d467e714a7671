#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Why a file could not be read. Reads as "<what> '<path>' <reason>": "key file 'a.p8' does not exist".
package struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the file should be: "key file", "configuration file", "tokens file".
    package let what: String
    /// The path as given.
    package let path: String
    /// What is wrong, as the end of a sentence: "does not exist", "is a directory".
    package let reason: String

    package var description: String { "\(what) '\(shownPath)' \(reason)" }

    /// The path, or for an argument too long to be one (a token given where a file belongs), its start and length:
    /// a CI log must not keep a whole token.
    private var shownPath: String {
        path.count <= 200 ? path : "\(path.prefix(20))… (\(path.count) characters, not a file name)"
    }
}

/// The one reader of files (and standard input) for the library and the CLI: it refuses directories, bounds the
/// size, reads to the end rather than trusting the size the file claims (files in /proc report 0), and says what
/// is wrong in plain words.
package enum FileReader {
    /// What a file may be.
    package enum Accepting: Sendable {
        /// Only a regular file, opened without blocking: a FIFO or a device is refused. Every buffer that held the
        /// contents is cleared before it is freed. For key files.
        case regularFileWithSecrets
        /// Only a regular file. For configuration files.
        case regularFile
        /// Anything readable but a directory: a regular file, a pipe (`<(…)`, `/dev/stdin`), or standard input
        /// for `-`. For inputs a user pipes in.
        case stream
    }

    /// The whole contents of `path`, at most `limit` bytes, and whether group or others may read the file.
    package static func read(
        _ path: String, what: String, limit: Int, accepting: Accepting
    ) throws(FileReadError) -> (contents: [UInt8], readableByOthers: Bool) {
        func failure(_ reason: String) -> FileReadError { FileReadError(what: what, path: path, reason: reason) }
        let aWhat = withArticle(what)
        let standardInput = accepting == .stream && path == "-"
        let flags = accepting == .stream ? O_RDONLY | O_CLOEXEC : O_RDONLY | O_NONBLOCK | O_CLOEXEC
        let descriptor = standardInput ? STDIN_FILENO : open(path, flags)
        guard descriptor >= 0 else { throw failure(describe(errno: errno)) }
        defer { if !standardInput { close(descriptor) } }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(describe(errno: errno)) }
        switch (info.st_mode & S_IFMT, accepting) {
        case (S_IFDIR, _): throw failure("is a directory, not \(aWhat)")
        case (S_IFREG, _), (_, .stream): break
        case (S_IFIFO, _): throw failure("is a pipe (FIFO), not \(aWhat)")
        default: throw failure("is not a regular file")
        }
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > limit {
            throw failure("is \(info.st_size) bytes, larger than any \(what) (limit \(limit) bytes)")
        }
        let clears = accepting == .regularFileWithSecrets
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: clears ? 4096 : 65536)
        defer { if clears { PEMBlock.clear(&chunk) } }
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = describe(errno: errno)
                if clears { PEMBlock.clear(&contents) }
                throw failure(reason)
            }
            if count == 0 { break }
            guard contents.count + count <= limit else {
                if clears { PEMBlock.clear(&contents) }
                throw failure("is larger than any \(what) (limit \(limit) bytes)")
            }
            if clears, contents.capacity < contents.count + count {
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

    /// Opens `path` (or takes standard input for `-`) to read as a stream; refuses a directory. The caller closes
    /// the descriptor unless it is standard input.
    package static func openStream(_ path: String, what: String) throws(FileReadError) -> Int32 {
        guard path != "-" else { return STDIN_FILENO }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileReadError(what: what, path: path, reason: describe(errno: errno)) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw FileReadError(what: what, path: path, reason: "is a directory, not \(withArticle(what))")
        }
        return descriptor
    }

    /// "a key file", "an input".
    private static func withArticle(_ what: String) -> String {
        (what.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + what
    }

    private static func describe(errno code: Int32) -> String {
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

/// POSIX read(2); a top-level name, since `FileReader.read` hides it inside the type.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
