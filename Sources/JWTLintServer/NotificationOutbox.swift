internal import Dispatch
package import JWTLintHTTP

/// Posts the stand-in's notifications to the developer's endpoint (`--notification-url`), one at a time and in order,
/// on a thread of its own: a request that asks for a notification is answered at once, and the event loop never
/// waits for the endpoint.
package final class NotificationOutbox: Sendable {
    private let delivery: NotificationDelivery
    private let queue = DispatchQueue(label: "jwtlint.serve.notifications")
    /// Where notifications go, for the page and the log.
    package let url: String

    /// An outbox posting through `delivery` to `url`.
    package init(delivery: NotificationDelivery, url: String) {
        self.delivery = delivery
        self.url = url
    }

    /// Posts `body` after everything sent before it, then calls `done` with the attempt (on the outbox's thread).
    func send(_ body: [UInt8], done: @escaping @Sendable (DeliveryAttempt) -> Void) {
        queue.async { [delivery] in
            done(delivery.post(body))
        }
    }

    /// Waits until everything sent so far has been posted (for tests and a clean stop).
    package func drain() {
        queue.sync {}
    }
}
