/// How one attempt to deliver a notification went, in Apple's names (`sendAttemptResult` in Get Test Notification
/// Status and Get Notification History; the same 11 values in Apple's four libraries).
package enum SendAttemptResult: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The endpoint answered with a status from 200 to 206.
    case success = "SUCCESS"
    /// No whole answer came within the time.
    case timedOut = "TIMED_OUT"
    /// The TLS handshake failed (certificate, name, protocol).
    case tlsIssue = "TLS_ISSUE"
    /// Redirects went round in a circle.
    case circularRedirect = "CIRCULAR_REDIRECT"
    /// The endpoint closed the connection without answering.
    case noResponse = "NO_RESPONSE"
    /// No connection could be made, or the socket failed.
    case socketIssue = "SOCKET_ISSUE"
    /// The answer's character set is not supported.
    case unsupportedCharset = "UNSUPPORTED_CHARSET"
    /// What came back is not an HTTP answer.
    case invalidResponse = "INVALID_RESPONSE"
    /// The endpoint closed the connection in the middle of its answer.
    case prematureClose = "PREMATURE_CLOSE"
    /// The endpoint answered with a status outside 200 to 206.
    case unsuccessfulHTTPResponseCode = "UNSUCCESSFUL_HTTP_RESPONSE_CODE"
    /// Anything else.
    case other = "OTHER"

    /// Apple's name: `UNSUCCESSFUL_HTTP_RESPONSE_CODE`.
    package var description: String { rawValue }

    /// Whether an HTTP status counts as delivered: Apple treats 200 to 206 as success, and retries after anything else
    /// ("Responding to App Store Server Notifications").
    package static func isSuccess(status: Int) -> Bool { (200...206).contains(status) }

    /// Apple's retry schedule for version 2 notifications, in hours after the previous attempt: five retries after the
    /// first attempt, in production only ("Responding to App Store Server Notifications").
    package static let retryHours: [Double] = [1, 12, 24, 48, 72]
}
