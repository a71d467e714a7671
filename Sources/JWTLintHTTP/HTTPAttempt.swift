/// One request sent and what came of it: an answer, or the way it failed, and how long it took.
package struct HTTPAttempt: Sendable {
    /// What came back.
    package enum Outcome: Sendable {
        /// The endpoint answered with a status (any status).
        case answered(HTTPAnswer)
        /// No whole answer came.
        case failed(HTTPFailure)
    }

    /// What came back.
    package let outcome: Outcome
    /// Seconds from the start of connecting to the answer's end (or the failure).
    package let seconds: Double

    /// The answer, when there is one.
    package var answer: HTTPAnswer? {
        if case .answered(let answer) = outcome { return answer }
        return nil
    }

    /// What went wrong, when no answer came.
    package var failure: HTTPFailure? {
        if case .failed(let failure) = outcome { return failure }
        return nil
    }

    /// Whether no connection could be made at all: the name does not resolve, or nothing accepts the connection.
    package var unreachable: Bool {
        failure.map { $0.kind == .cannotResolve || $0.kind == .cannotConnect } ?? false
    }
}

/// An HTTP answer: its status, headers and body.
package struct HTTPAnswer: Sendable {
    /// The status code, such as 200.
    package let status: Int
    /// The reason phrase after the status, as the server wrote it.
    package let reason: String
    /// The headers in order; names as the server wrote them.
    package let headers: [(name: String, value: String)]
    /// The body, at most the client's body limit.
    package let body: [UInt8]
    /// Whether the body was longer than the limit and was cut (the rest was not read).
    package let bodyTruncated: Bool

    /// The first header called `name`, whatever its case.
    package func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

/// Why no whole answer came.
package struct HTTPFailure: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure, each a step of the exchange.
    package enum Kind: Sendable, Equatable {
        /// The host name does not resolve.
        case cannotResolve
        /// No connection could be made (refused, unreachable, or not within the time).
        case cannotConnect
        /// The TLS handshake failed: the certificate, its name, or the protocol.
        case tls
        /// Connected, but the whole answer did not come within the time.
        case timedOut
        /// The endpoint closed the connection before it sent a status line.
        case closedWithoutAnswer
        /// The endpoint closed the connection in the middle of its answer.
        case closedMidAnswer
        /// What came back is not an HTTP/1.x answer.
        case invalidAnswer
        /// Sending or receiving failed on the socket (reset, broken pipe).
        case socket
    }

    /// Which step failed.
    package let kind: Kind
    /// What happened, in words: the system's or OpenSSL's.
    package let detail: String

    /// The detail, for a message.
    package var description: String { detail }
}
