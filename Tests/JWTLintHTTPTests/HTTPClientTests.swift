import Testing
@testable import JWTLintHTTP

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("URLs the client takes and refuses")
struct HTTPTargetTests {
    @Test("http and https URLs read into host, port and path, with the Host header as written")
    func reads() throws {
        let plain = try HTTPTarget(url: "http://localhost:8080/notifications?x=1#frag")
        #expect(!plain.secure && plain.host == "localhost" && plain.port == 8080 && plain.path == "/notifications?x=1")
        #expect(plain.hostForHeader == "localhost:8080")
        let secure = try HTTPTarget(url: "HTTPS://example.com")
        #expect(secure.secure && secure.port == 443 && secure.path == "/" && secure.hostForHeader == "example.com")
        let six = try HTTPTarget(url: "http://[::1]:9000/a")
        #expect(six.host == "::1" && six.port == 9000 && six.hostIsAddress && six.hostForHeader == "[::1]:9000")
        #expect(try HTTPTarget(url: "http://127.0.0.1/").hostIsAddress)
        #expect(try HTTPTarget(url: "http://h?q").path == "/?q")
    }

    @Test("URLs that are not http(s), lack a host, carry credentials, spaces or a bad port are refused with a reason",
          arguments: ["ftp://example.com/", "example.com", "http://", "http://user:pw@example.com/", "http://exa mple.com/",
                      "http://example.com:0/", "http://example.com:99999/", "http://example.com:8o/", "http://[::1/", "http://bad!host/", ""])
    func refuses(url: String) {
        #expect(throws: HTTPClientError.self) { try HTTPTarget(url: url) }
    }
}

@Suite("Reading HTTP answers as they come")
struct HTTPAnswerReaderTests {
    static func read(_ chunks: [String], limit: Int = 1024) throws -> HTTPAnswer {
        var reader = HTTPAnswerReader(bodyLimit: limit)
        for chunk in chunks {
            if let answer = try reader.take(Array(chunk.utf8)) { return answer }
        }
        return try reader.finish()
    }

    @Test("Content-Length, chunked and close-delimited bodies read whole, across any split")
    func framings() throws {
        let length = try Self.read(["HTTP/1.1 200 OK\r\nContent-Length: 5\r\n", "\r\nhel", "lo"])
        #expect(length.status == 200 && length.reason == "OK" && length.body == Array("hello".utf8) && !length.bodyTruncated)
        let chunked = try Self.read(["HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", "2\r\nde\r\n0\r\n\r\n"])
        #expect(chunked.status == 201 && chunked.body == Array("abcde".utf8))
        let closed = try Self.read(["HTTP/1.0 500 Internal Server Error\r\n\r\nboom"])
        #expect(closed.status == 500 && closed.body == Array("boom".utf8))
        let interim = try Self.read(["HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"])
        #expect(interim.status == 204 && interim.body.isEmpty)
        #expect(length.header("content-length") == "5")
    }

    @Test("A body over the limit is cut and the answer taken at once")
    func limit() throws {
        var reader = HTTPAnswerReader(bodyLimit: 4)
        let answer = try reader.take(Array("HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\n\r\n123456".utf8))
        #expect(answer?.body == Array("1234".utf8) && answer?.bodyTruncated == true)
    }

    static func failure(_ chunks: [String]) -> HTTPFailure.Kind? {
        do {
            _ = try read(chunks)
            return nil
        } catch let failure as HTTPFailure {
            return failure.kind
        } catch {
            return nil
        }
    }

    @Test("A close before any answer, a close mid-answer and an answer that is not HTTP are told apart")
    func failures() {
        #expect(Self.failure([]) == .closedWithoutAnswer)
        #expect(Self.failure(["HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"]) == .closedMidAnswer)
        #expect(Self.failure(["HTTP/1.1 200 OK\r\nContent-"]) == .closedMidAnswer)
        #expect(Self.failure(["SSH-2.0-OpenSSH\r\n\r\n"]) == .invalidAnswer)
        #expect(Self.failure([String(repeating: "X-Long: y\r\n", count: 7000)]) == .invalidAnswer)
        #expect(Self.failure(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"]) == .invalidAnswer)
    }
}

@Suite("Sending over a real socket")
struct HTTPClientExchangeTests {
    /// A one-shot server on loopback that reads a request and answers `reply` (or closes, or stays silent).
    final class OneShotServer: @unchecked Sendable {
        let port: Int
        private let descriptor: Int32

        init(reply: [UInt8]?, silent: Bool = false) throws {
            let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            descriptor = listener
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
            listen(listener, 4)
            _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
            port = Int(UInt16(bigEndian: address.sin_port))
            let thread = Thread {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                var buffer = [UInt8](repeating: 0, count: 65_536)
                _ = read(connection, &buffer, buffer.count)
                if silent { usleep(1_500_000) }
                if let reply { _ = reply.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) } }
                close(connection)
            }
            thread.start()
        }

        deinit { close(descriptor) }
    }

    /// A bare pthread, so the test needs no Foundation.
    final class Thread: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        func start() {
            var thread = pthread_t()
            let box = Unmanaged.passRetained(self).toOpaque()
            pthread_create(&thread, nil, { pointer in
                let me = Unmanaged<Thread>.fromOpaque(pointer!).takeRetainedValue()
                me.body()
                return nil
            }, box)
            pthread_detach(thread)
        }
    }

    func send(to server: OneShotServer, timeout: Double = 5) throws -> HTTPAttempt {
        var settings = HTTPClient.Settings()
        settings.timeout = timeout
        let client = try HTTPClient(settings: settings, usesTLS: false)
        return client.send(method: "POST", to: try HTTPTarget(url: "http://127.0.0.1:\(server.port)/n"), headers: [("Content-Type", "application/json")], body: Array("{}".utf8))
    }

    @Test("An answer comes back with its status and body")
    func answer() throws {
        let server = try OneShotServer(reply: Array("HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok".utf8))
        let attempt = try send(to: server)
        #expect(attempt.answer?.status == 202 && attempt.answer?.body == Array("ok".utf8))
    }

    @Test("Silence past the deadline is a timeout, and a close without answering is told apart from it")
    func timeoutAndClose() throws {
        let silent = try OneShotServer(reply: nil, silent: true)
        let timedOut = try send(to: silent, timeout: 0.3)
        guard case .failed(let failure) = timedOut.outcome else {
            Issue.record("a silent server answered")
            return
        }
        #expect(failure.kind == .timedOut && timedOut.seconds < 1.4)
        let closing = try OneShotServer(reply: nil)
        guard case .failed(let closed) = try send(to: closing).outcome else {
            Issue.record("a closing server answered")
            return
        }
        #expect(closed.kind == .closedWithoutAnswer)
    }
}
