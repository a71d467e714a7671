#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point in time on the monotonic clock by which an exchange must be done.
struct Deadline {
    let seconds: Double

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func after(_ seconds: Double) -> Deadline { Deadline(seconds: now() + seconds) }

    /// Milliseconds left, for poll(2): at least 0.
    var millisecondsLeft: Int32 {
        let left = (seconds - Deadline.now()) * 1000
        return left <= 0 ? 0 : Int32(min(left.rounded(.up), 2_000_000_000))
    }
}

/// A TCP connection in non-blocking mode, read and written against a deadline. It owns its descriptor and closes it.
final class SocketConnection {
    let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Connects to `host`:`port`, trying each address the name resolves to, until `deadline`.
    static func connect(host: String, port: Int, deadline: Deadline) throws(HTTPFailure) -> SocketConnection {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if os(Linux)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let first = list else {
            throw HTTPFailure(kind: .cannotResolve, detail: "the host \(host) does not resolve (\(String(cString: gai_strerror(resolved))))")
        }
        defer { freeaddrinfo(first) }
        var lastError: Int32 = ECONNREFUSED
        var address: UnsafeMutablePointer<addrinfo>? = first
        while let entry = address {
            address = entry.pointee.ai_next
            let descriptor = socket(entry.pointee.ai_family, entry.pointee.ai_socktype, entry.pointee.ai_protocol)
            guard descriptor >= 0 else {
                lastError = errno
                continue
            }
            // Owned from here: closed by deinit when this address does not connect.
            let connection = SocketConnection(descriptor: descriptor)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            var one: Int32 = 1
            _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if systemConnect(descriptor, entry.pointee.ai_addr, entry.pointee.ai_addrlen) == 0 { return connection }
            guard errno == EINPROGRESS else {
                lastError = errno
                continue
            }
            guard connection.wait(for: Int16(POLLOUT), until: deadline) else {
                throw HTTPFailure(kind: .cannotConnect, detail: "no connection to \(host) port \(port) within the time")
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
            if error == 0 { return connection }
            lastError = error
        }
        throw HTTPFailure(kind: .cannotConnect, detail: "cannot connect to \(host) port \(port): \(String(cString: strerror(lastError)))")
    }

    /// Waits until the socket is ready for `events` (POLLIN, POLLOUT); false when the deadline passes first.
    func wait(for events: Int16, until deadline: Deadline) -> Bool {
        while true {
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, deadline.millisecondsLeft)
            if ready > 0 { return true }
            if ready == 0 { return false }
            if errno != EINTR { return true }  // let the read or write say what is wrong
        }
    }

    /// Writes all of `bytes` by `deadline`.
    func write(_ bytes: [UInt8], until deadline: Deadline) throws(HTTPFailure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written > 0 {
                offset += written
            } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                guard wait(for: Int16(POLLOUT), until: deadline) else {
                    throw HTTPFailure(kind: .timedOut, detail: "the endpoint did not take the request within the time")
                }
            } else {
                throw HTTPFailure(kind: .socket, detail: "sending failed: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Reads what has come, up to `limit` bytes, waiting until `deadline`; an empty array at the end of the stream.
    func read(upTo limit: Int, until deadline: Deadline) throws(HTTPFailure) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: limit)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return Array(buffer.prefix(count)) }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                throw HTTPFailure(kind: .socket, detail: "receiving failed: \(String(cString: strerror(errno)))")
            }
            guard wait(for: Int16(POLLIN), until: deadline) else {
                throw HTTPFailure(kind: .timedOut, detail: "no whole answer within the time")
            }
        }
    }
}

#if canImport(Glibc)
private func systemConnect(_ descriptor: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: socklen_t) -> Int32 {
    Glibc.connect(descriptor, address, length)
}
#else
private func systemConnect(_ descriptor: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: socklen_t) -> Int32 {
    Darwin.connect(descriptor, address, length)
}
private let MSG_NOSIGNAL: Int32 = 0
#endif
