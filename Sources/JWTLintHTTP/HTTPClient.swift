#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import JWTLint

/// A small blocking HTTP/1.1 client: one request per connection (`Connection: close`), over TCP or TLS, with one
/// deadline for the whole exchange and a cap on the body it keeps. It sends what it is given and never follows a
/// redirect, as Apple's notification sender counts a redirect as the endpoint's answer.
///
/// Any number of threads may send through one client at once.
package struct HTTPClient: Sendable {
    /// How the client connects and how long it waits.
    package struct Settings: Sendable {
        /// Seconds for the whole exchange: connecting, the TLS handshake, sending, and the whole answer.
        package var timeout: Double = 30
        /// Bytes of an answer's body kept; the rest is not read.
        package var bodyLimit = 1024 * 1024
        /// A PEM file of the roots an https endpoint's certificate must chain to, instead of the system's.
        package var trustedCertificates: String?
        /// Whether an https endpoint's certificate is checked (it is unless told otherwise).
        package var verifiesCertificates = true

        /// The defaults: 30 s, 1 MiB, the system's roots.
        package init() {}
    }

    let settings: Settings
    private let tls: TLSContext?

    /// A client; the TLS settings are read now, so that a bad `--cacert` is reported before anything is sent.
    /// - Throws: ``HTTPClientError`` when the TLS settings cannot be used.
    package init(settings: Settings, usesTLS: Bool) throws(HTTPClientError) {
        guard settings.timeout > 0, settings.timeout.isFinite else { throw HTTPClientError(description: "the timeout must be a positive number of seconds") }
        self.settings = settings
        tls = usesTLS ? try TLSContext(trustedCertificates: settings.trustedCertificates, verifies: settings.verifiesCertificates) : nil
        // A peer that closes while we write would otherwise end the process (TLS writes go through write(2)).
        signal(SIGPIPE, SIG_IGN)
    }

    /// Sends `body` to `target` with `method` and `headers` (Host, Content-Length and Connection are added), and
    /// reads the answer. Never throws: every failure is an outcome.
    package func send(method: String, to target: HTTPTarget, headers: [(name: String, value: String)], body: [UInt8]) -> HTTPAttempt {
        let start = Deadline.now()
        let deadline = Deadline(seconds: start + settings.timeout)
        let outcome: HTTPAttempt.Outcome
        do {
            outcome = .answered(try exchange(method: method, target: target, headers: headers, body: body, deadline: deadline))
        } catch {
            outcome = .failed(error)
        }
        return HTTPAttempt(outcome: outcome, seconds: Deadline.now() - start)
    }

    /// POSTs a JSON `body` to `target` as the App Store does, with a User-Agent naming jwtlint and `purpose`.
    package func postJSON(_ body: [UInt8], to target: HTTPTarget, purpose: String) -> HTTPAttempt {
        send(
            method: "POST", to: target,
            headers: [("Content-Type", "application/json"), ("User-Agent", "jwtlint/\(JWTLintVersion.current) (\(purpose))")], body: body)
    }

    private func exchange(method: String, target: HTTPTarget, headers: [(name: String, value: String)], body: [UInt8], deadline: Deadline) throws(HTTPFailure) -> HTTPAnswer {
        let socket = try SocketConnection.connect(host: target.host, port: target.port, deadline: deadline)
        var request = "\(method) \(target.path) HTTP/1.1\r\nHost: \(target.hostForHeader)\r\n"
        for header in headers { request += "\(header.name): \(header.value)\r\n" }
        request += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(request.utf8) + body
        let write: ([UInt8]) throws(HTTPFailure) -> Void
        let read: () throws(HTTPFailure) -> [UInt8]
        if target.secure {
            guard let tls else { throw HTTPFailure(kind: .tls, detail: "this client was made without TLS") }
            let connection = try TLSConnection.handshake(over: socket, host: target.host, hostIsAddress: target.hostIsAddress, context: tls, deadline: deadline)
            write = { (bytes) throws(HTTPFailure) in try connection.write(bytes, until: deadline) }
            read = { () throws(HTTPFailure) in try connection.read(upTo: 65_536, until: deadline) }
        } else {
            write = { (bytes) throws(HTTPFailure) in try socket.write(bytes, until: deadline) }
            read = { () throws(HTTPFailure) in try socket.read(upTo: 65_536, until: deadline) }
        }
        try write(bytes)
        var reader = HTTPAnswerReader(bodyLimit: settings.bodyLimit)
        while true {
            let chunk = try readAnswerBytes(read)
            if chunk.isEmpty { return try reader.finish() }
            if let answer = try reader.take(chunk) { return answer }
        }
    }

    /// A read, where a connection reset before anything came counts as the endpoint closing without an answer.
    private func readAnswerBytes(_ read: () throws(HTTPFailure) -> [UInt8]) throws(HTTPFailure) -> [UInt8] {
        do {
            return try read()
        } catch where error.kind == .socket {
            return []
        }
    }
}
