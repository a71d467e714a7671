/// Makes the decoded payload of a Retention Messaging realtime request: what the App Store signs and POSTs to the
/// developer's Get Retention Message endpoint when a customer views a subscription and might cancel.
///
/// Its members are those of Apple's `DecodedRealtimeRequestBody` (Apple's Python library,
/// `models/DecodedRealtimeRequestBody.py`): `originalTransactionId`, `appAppleId`, `productId`, `userLocale`,
/// `requestIdentifier` (a new UUID), `signedDate` (Unix milliseconds) and `environment`.
package enum RealtimeRequestFactory {
    /// A realtime request about `subject`'s subscription, in `userLocale` (such as `en-US`), signed at `now`
    /// (Unix seconds).
    package static func draft(subject: NotificationSubject, userLocale: String = "en-US", now: Double) -> JSONObject {
        let members: [(String, JSONValue)] = [
            ("originalTransactionId", .string(subject.originalTransactionID)),
            ("appAppleId", .integer(subject.appAppleID)),
            ("productId", .string(subject.subscriptionProductID)),
            ("userLocale", .string(userLocale)),
            ("requestIdentifier", .string(RandomBytes.uuid() ?? "00000000-0000-4000-8000-000000000000")),
            ("signedDate", .integer(Int64((now * 1000).rounded(.down)))),
            ("environment", .string(subject.environment.rawValue)),
        ]
        return JSONObject(members: members.map { JSONObject.Member(name: $0.0, value: $0.1) })
    }
}
