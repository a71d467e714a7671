internal import COpenSSLTLS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// OpenSSL's TLS client settings, made once and shared: TLS 1.2 or later (as Apple requires of a notification URL),
/// the certificate checked against the system's roots or a given file unless checking is off.
///
/// `@unchecked Sendable`: the `SSL_CTX` is configured in `init` and only read afterwards (by `SSL_new`), which
/// OpenSSL allows from any number of threads; it is freed once, in `deinit`.
final class TLSContext: @unchecked Sendable {
    let context: OpaquePointer
    let verifies: Bool

    /// - Parameters:
    ///   - trustedCertificates: a PEM file of the roots to trust instead of the system's (a test server's own CA).
    ///   - verifies: false to accept any certificate (`--insecure`).
    init(trustedCertificates: String?, verifies: Bool) throws(HTTPClientError) {
        defer { ERR_clear_error() }
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw HTTPClientError(description: "OpenSSL cannot make a TLS context") }
        self.context = context
        self.verifies = verifies
        _ = copenssltls_set_min_tls12(context)
        copenssltls_ignore_unexpected_eof(context)
        if let trustedCertificates {
            guard SSL_CTX_load_verify_locations(context, trustedCertificates, nil) == 1 else {
                throw HTTPClientError(description: "--cacert '\(HTTPTarget.shown(trustedCertificates))' holds no PEM certificate OpenSSL can read")
            }
        } else {
            _ = SSL_CTX_set_default_verify_paths(context)
        }
        SSL_CTX_set_verify(context, verifies ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nil)
    }

    deinit {
        SSL_CTX_free(context)
    }
}

/// A TLS session over a connected socket, handshaken against a deadline. It owns its `SSL` and the socket.
final class TLSConnection {
    private let connection: OpaquePointer
    private let socket: SocketConnection

    private init(connection: OpaquePointer, socket: SocketConnection) {
        self.connection = connection
        self.socket = socket
    }

    deinit {
        SSL_free(connection)
    }

    /// Runs the handshake with `host` over `socket`, checking the certificate's name (or IP address).
    static func handshake(over socket: SocketConnection, host: String, hostIsAddress: Bool, context: TLSContext, deadline: Deadline) throws(HTTPFailure) -> TLSConnection {
        defer { ERR_clear_error() }
        guard let ssl = SSL_new(context.context) else { throw HTTPFailure(kind: .tls, detail: "OpenSSL cannot start a TLS session") }
        // Owned from here: freed by deinit whatever happens next.
        let tls = TLSConnection(connection: ssl, socket: socket)
        guard SSL_set_fd(ssl, socket.descriptor) == 1 else { throw HTTPFailure(kind: .tls, detail: "OpenSSL cannot use the socket") }
        if hostIsAddress {
            _ = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host)
        } else {
            _ = copenssltls_set_server_name(ssl, host)
            _ = SSL_set1_host(ssl, host)
        }
        while true {
            let result = SSL_connect(ssl)
            if result == 1 { return tls }
            let error = SSL_get_error(ssl, result)
            if error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE {
                guard socket.wait(for: Int16(error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), until: deadline) else {
                    throw HTTPFailure(kind: .timedOut, detail: "the TLS handshake did not finish within the time")
                }
                continue
            }
            let verification = SSL_get_verify_result(ssl)
            if context.verifies, verification != X509_V_OK {
                let reason = String(cString: X509_verify_cert_error_string(verification))
                throw HTTPFailure(kind: .tls, detail: "the endpoint's TLS certificate is not accepted: \(reason)")
            }
            throw HTTPFailure(kind: .tls, detail: "the TLS handshake failed: \(Self.reason(error))")
        }
    }

    /// Writes all of `bytes` by `deadline`.
    func write(_ bytes: [UInt8], until deadline: Deadline) throws(HTTPFailure) {
        defer { ERR_clear_error() }
        var offset = 0
        while offset < bytes.count {
            let result = bytes[offset...].withUnsafeBytes { SSL_write(connection, $0.baseAddress, Int32(min($0.count, Int(Int32.max)))) }
            if result > 0 {
                offset += Int(result)
                continue
            }
            try waitOrFail(SSL_get_error(connection, result), deadline: deadline, sending: true)
        }
    }

    /// Reads what has come, up to `limit` bytes; an empty array at the end of the stream.
    func read(upTo limit: Int, until deadline: Deadline) throws(HTTPFailure) -> [UInt8] {
        defer { ERR_clear_error() }
        var buffer = [UInt8](repeating: 0, count: limit)
        while true {
            let result = buffer.withUnsafeMutableBytes { SSL_read(connection, $0.baseAddress, Int32($0.count)) }
            if result > 0 { return Array(buffer.prefix(Int(result))) }
            let error = SSL_get_error(connection, result)
            if error == SSL_ERROR_ZERO_RETURN || (error == SSL_ERROR_SYSCALL && ERR_peek_error() == 0) { return [] }
            try waitOrFail(error, deadline: deadline, sending: false)
        }
    }

    private func waitOrFail(_ error: Int32, deadline: Deadline, sending: Bool) throws(HTTPFailure) {
        guard error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE else {
            throw HTTPFailure(kind: .socket, detail: "\(sending ? "sending" : "receiving") over TLS failed: \(Self.reason(error))")
        }
        guard socket.wait(for: Int16(error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), until: deadline) else {
            throw HTTPFailure(kind: .timedOut, detail: sending ? "the endpoint did not take the request within the time" : "no whole answer within the time")
        }
    }

    /// OpenSSL's reason for the last failure, or the system's.
    private static func reason(_ error: Int32) -> String {
        let code = ERR_get_error()
        if code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            let end = buffer.firstIndex(of: 0) ?? buffer.endIndex
            return String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        if error == SSL_ERROR_SYSCALL { return errno == 0 ? "the connection closed" : String(cString: strerror(errno)) }
        return "OpenSSL error \(error)"
    }
}
