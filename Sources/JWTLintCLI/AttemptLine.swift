import JWTLint
import JWTLintHTTP

/// What a sent notification is called in a report: its type, subtype and UUID, read from its payload.
struct NotificationLabel {
    let type: String
    let subtype: String?
    let uuid: String?

    init(_ payload: JSONObject) {
        type = payload["notificationType"]?.stringValue ?? "(no notificationType)"
        subtype = payload["subtype"]?.stringValue
        uuid = payload["notificationUUID"]?.stringValue
    }

    var name: String { subtype.map { "\(type)/\($0)" } ?? type }
}

/// One line per delivery attempt, as text or as JSON.
enum AttemptLine {
    /// `sent DID_RENEW to http://localhost:8080/n: 200 OK in 4 ms (SUCCESS)`, with the endpoint's words when it failed.
    static func text(_ attempt: DeliveryAttempt, label: NotificationLabel, url: String, of total: Int) -> String {
        let prefix = total > 1 ? "attempt \(attempt.number): " : ""
        let time = milliseconds(attempt.attempt.seconds)
        var line: String
        switch attempt.attempt.outcome {
        case .answered(let answer):
            line = "\(prefix)sent \(label.name) to \(url): \(answer.status)\(answer.reason.isEmpty ? "" : " " + printable(answer.reason, limit: 40)) in \(time) (\(attempt.result))"
            if attempt.result != .success, !answer.body.isEmpty {
                line += "\n  the endpoint answered: " + printable(String(decoding: answer.body.prefix(300), as: UTF8.self), limit: 200)
            }
        case .failed(let failure):
            line = "\(prefix)sent \(label.name) to \(url): \(failure.detail), after \(time) (\(attempt.result))"
        }
        return line + "\n"
    }

    /// `{"attempt":1,"notificationType":…,"status":200,"result":"SUCCESS","milliseconds":4.1,…}`.
    static func json(_ attempt: DeliveryAttempt, label: NotificationLabel, url: String) -> String {
        var members: [JSONObject.Member] = [
            .init(name: "attempt", value: .integer(Int64(attempt.number))), .init(name: "attemptDate", value: .integer(attempt.date)),
            .init(name: "notificationType", value: .string(label.type)),
            .init(name: "subtype", value: label.subtype.map(JSONValue.string) ?? .null),
            .init(name: "notificationUUID", value: label.uuid.map(JSONValue.string) ?? .null), .init(name: "url", value: .string(url)),
        ]
        switch attempt.attempt.outcome {
        case .answered(let answer): members.append(.init(name: "status", value: .integer(Int64(answer.status))))
        case .failed(let failure):
            members.append(.init(name: "status", value: .null))
            members.append(.init(name: "detail", value: .string(failure.detail)))
        }
        members += [
            .init(name: "sendAttemptResult", value: .string(attempt.result.rawValue)),
            .init(name: "milliseconds", value: .real((attempt.attempt.seconds * 10_000).rounded() / 10)),
        ]
        var writer = JSONWriter()
        writer.object(JSONObject(members: members))
        return writer.text + "\n"
    }

    static func milliseconds(_ seconds: Double) -> String {
        let ms = seconds * 1000
        return ms < 10 ? "\((ms * 10).rounded() / 10) ms" : "\(Int(ms.rounded())) ms"
    }

    /// `text` with control characters as `?`, cut to `limit` characters.
    static func printable(_ text: String, limit: Int) -> String {
        let clean = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || ($0.value >= 0x80 && $0.value < 0xA0) ? "?" : Character($0) })
        return clean.count > limit ? String(clean.prefix(limit - 3)) + "..." : clean
    }
}
