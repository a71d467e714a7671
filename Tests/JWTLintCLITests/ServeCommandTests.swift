import Foundation
import Testing

/// `jwtlint serve` end to end: the built binaries, a real socket, signals.
@Suite("jwtlint serve, end to end")
struct ServeCommandTests {
    /// A running `jwtlint serve`, stopped with SIGTERM by `stop()`.
    final class Server {
        let process = Process()
        let url: String
        let port: UInt16
        private let output = Pipe(), errors = Pipe()

        init(_ arguments: [String]) throws {
            process.executableURL = CLI.binary
            process.arguments = ["serve"] + arguments
            process.environment = CLI.childEnvironment(adding: [:])
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // The first line is the base URL.
            var line: [UInt8] = []
            let handle = output.fileHandleForReading
            while line.last != 0x0A {
                let byte = handle.readData(ofLength: 1)
                guard let first = byte.first else { break }
                line.append(first)
            }
            url = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            port = UInt16(url.split(separator: ":").last ?? "") ?? 0
        }

        /// SIGTERM, then the exit status and what it wrote to standard error.
        func stop() -> (status: Int32, errors: String) {
            process.terminate()
            process.waitUntilExit()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (process.terminationStatus, text)
        }
    }

    /// Sends `text` on a new connection and reads until the server closes it; with `timeout`, a read that waits that
    /// many seconds ends it too. The answer, and whether it ended with the server's close (not a reset or the timeout).
    static func exchange(port: UInt16, _ text: String, timeout: Int = 0) throws -> (response: String, closed: Bool) {
        let socket = connected(port: port)
        try #require(socket >= 0)
        defer { close(socket) }
        if timeout > 0 {
            var limit = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count < 0 { return (String(decoding: response, as: UTF8.self), false) }
            if count == 0 { return (String(decoding: response, as: UTF8.self), true) }
            response += buffer[0..<count]
        }
    }

    /// One HTTP/1.1 request over a plain socket; the status line's code, the headers and the body.
    static func request(port: UInt16, _ method: String, _ path: String, headers: [String] = [], body: String = "") throws -> (status: Int, head: String, body: String) {
        let text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + headers.map { $0 + "\r\n" }.joined() + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        // A reset (the server refusing a huge header or body outright) ends the answer as a close does.
        let (whole, _) = try exchange(port: port, text)
        let parts = whole.components(separatedBy: "\r\n\r\n")
        let status = Int(whole.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, parts.first ?? "", parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    static let key = CLI.vector("keys/SubscriptionKey_TESTKEYA01.p8")

    @Test("With --port 0 it prints its URL first, answers a request without a token with Apple's 401, and stops cleanly on SIGTERM")
    func startsAnswersAndStops() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-serve-root-\(UUID().uuidString).pem")
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try Server(["--key", Self.key, "--bundle-id", "com.example.app", "--port", "0", "--write-root", root.path])
        #expect(server.url.hasPrefix("http://127.0.0.1:") && server.port > 0, "\(server.url)")
        let refused = try Self.request(port: server.port, "GET", "/inApps/v1/transactions/2000000000000001")
        #expect(refused.status == 401)
        #expect(refused.body.hasPrefix("Unauthenticated\n\nRequest ID: "))
        #expect(refused.head.lowercased().contains("x-jwtlint-findings: token.format"))
        let page = try Self.request(port: server.port, "GET", "/")
        #expect(page.status == 200 && page.body.contains("jwtlint serve"))
        let rootPEM = try String(contentsOf: root, encoding: .utf8)
        #expect(rootPEM.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        let (status, log) = server.stop()
        #expect(status == 0, "\(log)")
        // The log: one JSON object per line, the refused request among them.
        let records = log.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.contains { $0["verdict"] as? String == "refused" && $0["status"] as? Int == 401 })
    }

    @Test("Bad requests get an error status and the server goes on: a huge header, a body that is not JSON, an unknown path")
    func badRequests() throws {
        let server = try Server(["--key", Self.key, "--port", "0"])
        let huge = try Self.request(port: server.port, "GET", "/inApps/v1/transactions/1", headers: ["X-Filler: " + String(repeating: "a", count: 200_000)])
        #expect(huge.status >= 400 || huge.status == 0)
        let notJSON = try Self.request(port: server.port, "POST", "/jwtlint/judge", body: "{{{")
        #expect(notJSON.status == 400)
        let unknown = try Self.request(port: server.port, "GET", "/nothing/here")
        #expect(unknown.status == 404)
        let still = try Self.request(port: server.port, "GET", "/")
        #expect(still.status == 200)
        #expect(server.stop().status == 0)
    }

    @Test("Pipelined requests on one connection are answered in order; an HTTP/1.0 request's answer closes the connection")
    func pipelinedAndHTTP10() throws {
        let server = try Server(["--key", Self.key, "--port", "0"])
        defer { _ = server.stop() }
        // Read until the server closes; a server that keeps the connection open fails by the timeout.
        func exchange(_ text: String) throws -> String {
            let (response, closed) = try Self.exchange(port: server.port, text, timeout: 5)
            return closed ? response : "not closed: " + response
        }
        let pipelined = try exchange(
            "GET /inApps/v1/transactions/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /jwtlint/requests HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let statusLines = pipelined.components(separatedBy: "HTTP/1.1 ").dropFirst().map { String($0.prefix(3)) }
        #expect(statusLines == ["401", "200", "404"], "\(pipelined)")
        let old = try exchange("GET / HTTP/1.0\r\n\r\n")
        #expect(old.hasPrefix("HTTP/1.0 200 OK\r\n") && old.lowercased().contains("\r\nconnection: close\r\n"), "\(old.prefix(200))")
    }

    /// A connected socket to the server, or -1.
    static func connected(port: UInt16) -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            close(socket)
            return -1
        }
        return socket
    }

    @Test("10,000 connections opened and dropped, 50 slow clients holding half a request, and a 2 MB body do not stop it answering")
    func hostileConnections() throws {
        let server = try Server(["--key", Self.key, "--port", "0"])
        var opened = 0
        for _ in 0..<10_000 {
            let socket = Self.connected(port: server.port)
            if socket >= 0 {
                opened += 1
                close(socket)
            }
        }
        #expect(opened == 10_000)
        var slow: [Int32] = []
        for _ in 0..<50 {
            let socket = Self.connected(port: server.port)
            let half = Array("GET /inApps/v1/transactions/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthor".utf8)
            _ = half.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
            slow.append(socket)
        }
        defer { slow.forEach { close($0) } }
        let page = try Self.request(port: server.port, "GET", "/")
        #expect(page.status == 200)
        let huge = try Self.request(port: server.port, "POST", "/jwtlint/judge", body: String(repeating: "x", count: 2 * 1024 * 1024))
        #expect(huge.status == 413 || huge.status == 0)
        let refused = try Self.request(port: server.port, "POST", "/inApps/v1/notifications/history", headers: ["Authorization: Bearer a.b.c"], body: "{\"startDate\":")
        #expect(refused.status == 401)
        #expect(try Self.request(port: server.port, "GET", "/").status == 200)
        let (status, errors) = server.stop()
        #expect(status == 0, "\(errors)")
    }

    @Test("SIGINT stops it cleanly too")
    func stopsOnInterrupt() throws {
        let server = try Server(["--key", Self.key, "--port", "0"])
        #expect(try Self.request(port: server.port, "GET", "/").status == 200)
        server.process.interrupt()
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
    }

    @Test(
        "Without jwtlint-serve beside it, jwtlint serve says what is missing and how to get it, exit 2",
        .enabled(if: ProcessInfo.processInfo.environment["JWTLINT_TEST_WRAPPER"] == nil, "it copies the binary, and a wrapper is a script"))
    func missingServerBinary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jwtlint-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("jwtlint")
        try FileManager.default.copyItem(at: CLI.binary, to: alone)
        let run = try CLI.run(["serve", "--key", Self.key], executable: alone.path)
        #expect(run.status == 2)
        #expect(run.standardError.contains("jwtlint-serve, which is not beside jwtlint") && run.standardError.contains("swift build --product jwtlint-serve"))
    }

    @Test("Unusable options end the run with one line and exit 2", arguments: [
        (["--environment", "staging"], "--environment staging is not sandbox or production"),
        (["--port", "70000"], "--port 70000 is not a port"),
        (["--issuer", "nope"], "issuer"),
        (["--data", "/nonexistent/data.json"], "data file '/nonexistent/data.json'"),
    ])
    func unusableOptions(_ extra: [String], _ says: String) throws {
        let run = try CLI.run(["serve", "--key", Self.key] + extra)
        #expect(run.status == 2)
        #expect(run.standardError.contains(says), "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }
}
