package import JWTLint

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One attempt to deliver a notification: its number (1 for the first), when it started, what came of it, and
/// that outcome in Apple's words.
package struct DeliveryAttempt: Sendable {
    /// 1 for the first attempt, 2 for the first retry, and so on.
    package let number: Int
    /// When the attempt started, in Unix milliseconds (Apple's `attemptDate`).
    package let date: Int64
    /// The HTTP exchange.
    package let attempt: HTTPAttempt
    /// The outcome as Apple names it.
    package let result: SendAttemptResult
}

/// Posts signed payloads as the App Store does: `POST` with `{"signedPayload": "…"}` and a JSON content type, the
/// answer judged by Apple's rule (200 to 206 is success), and on failure, when asked, retried on Apple's schedule.
package struct NotificationDelivery: Sendable {
    let client: HTTPClient
    let target: HTTPTarget

    /// A delivery to `target` through `client`.
    package init(client: HTTPClient, target: HTTPTarget) {
        self.client = client
        self.target = target
    }

    /// The outcome of an exchange in Apple's words. jwtlint's reading of Apple's descriptions: a connection that
    /// cannot be made is a socket issue; a close before any answer, no response; a close in its middle, a
    /// premature close.
    package static func result(of attempt: HTTPAttempt) -> SendAttemptResult {
        switch attempt.outcome {
        case .answered(let answer):
            return SendAttemptResult.isSuccess(status: answer.status) ? .success : .unsuccessfulHTTPResponseCode
        case .failed(let failure):
            switch failure.kind {
            case .cannotResolve, .cannotConnect, .socket: return .socketIssue
            case .tls: return .tlsIssue
            case .timedOut: return .timedOut
            case .closedWithoutAnswer: return .noResponse
            case .closedMidAnswer: return .prematureClose
            case .invalidAnswer: return .invalidResponse
            }
        }
    }

    /// Posts `body` once.
    package func post(_ body: [UInt8], number: Int = 1) -> DeliveryAttempt {
        let date = Int64(Self.unixSeconds() * 1000)
        let attempt = client.postJSON(body, to: target, purpose: "test notification sender")
        return DeliveryAttempt(number: number, date: date, attempt: attempt, result: Self.result(of: attempt))
    }

    /// Posts `body`, and while it fails and `retries` is true, posts it again after Apple's delays divided by
    /// `speedup` (3600 makes an hour a second). Calls `report` after each attempt. Stops at the first success, as
    /// Apple does; an endpoint that cannot be reached is retried too, as Apple retries it.
    package func deliver(_ body: [UInt8], retries: Bool, speedup: Double, report: (DeliveryAttempt) -> Void) -> [DeliveryAttempt] {
        var attempts: [DeliveryAttempt] = []
        let delays = retries ? SendAttemptResult.retryHours : []
        for number in 1...(delays.count + 1) {
            if number > 1 { Self.sleep(seconds: delays[number - 2] * 3600 / speedup) }
            let attempt = post(body, number: number)
            attempts.append(attempt)
            report(attempt)
            if attempt.result == .success { break }
        }
        return attempts
    }

    static func sleep(seconds: Double) {
        guard seconds > 0, seconds.isFinite else { return }
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }

    static func unixSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

extension DeliveryAttempt {
    /// Whether no connection could be made at all: the name does not resolve, or nothing accepts the connection.
    package var unreachable: Bool { attempt.unreachable }
}
