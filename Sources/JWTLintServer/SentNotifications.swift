package import JWTLint
internal import JWTLintHTTP
internal import NIOConcurrencyHelpers

/// One notification the stand-in signed, and what came of posting it.
struct SentNotification: Sendable {
    /// The signed payload.
    let payload: String
    /// When it was made, in Unix milliseconds.
    let time: Int64
    let type: String
    let subtype: String?
    let uuid: String
    /// The original transaction it is about, if any.
    let originalTransactionID: String?
    /// The delivery attempts so far, oldest first: when (Unix ms), Apple's name for the outcome, the status.
    var attempts: [(date: Int64, result: SendAttemptResult, status: Int?, milliseconds: Double)] = []

    /// `{"attemptDate": …, "sendAttemptResult": …}` for each attempt, as Apple's endpoints give them.
    var sendAttempts: JSONValue {
        .array(attempts.map { attempt in
            .object(JSONObject(members: [
                .init(name: "attemptDate", value: .integer(attempt.date)), .init(name: "sendAttemptResult", value: .string(attempt.result.rawValue)),
            ]))
        })
    }

    /// The notification as the page lists it.
    var pageJSON: JSONValue {
        .object(JSONObject(members: [
            .init(name: "time", value: .integer(time)), .init(name: "notificationType", value: .string(type)),
            .init(name: "subtype", value: subtype.map(JSONValue.string) ?? .null), .init(name: "notificationUUID", value: .string(uuid)),
            .init(name: "originalTransactionId", value: originalTransactionID.map(JSONValue.string) ?? .null),
            .init(name: "attempts", value: .array(attempts.map { attempt in
                .object(JSONObject(members: [
                    .init(name: "attemptDate", value: .integer(attempt.date)), .init(name: "sendAttemptResult", value: .string(attempt.result.rawValue)),
                    .init(name: "status", value: attempt.status.map { .integer(Int64($0)) } ?? .null),
                    .init(name: "milliseconds", value: .real(attempt.milliseconds)),
                ]))
            })),
        ]))
    }
}

extension StandIn {
    /// The customer notifications are made about: the app's identity, a new original transaction.
    func notificationSubject() -> NotificationSubject {
        var subject = NotificationSubject()
        subject.bundleID = bundleID
        subject.environment = settings.environment
        subject.appAppleID = state.withLockedValue { $0.data.appAppleID }
        return subject
    }

    /// Signs `draft`, keeps it for Get Notification History, makes the data it carries the stand-in's (a transaction
    /// and renewal info are added or replaced, so that the endpoints answer what the notification says), and posts
    /// it to the notification URL when there is one. Returns its index in ``State/notifications``.
    @discardableResult
    func send(_ draft: JSONObject, now: Double, testToken: String? = nil) throws -> Int {
        let payload = try NotificationSigner.sign(draft, with: chain)
        var originalTransactionID: String?
        var transaction: JSONObject?, renewal: JSONObject?
        if case .object(let data)? = draft["data"] {
            if case .object(let object)? = data["signedTransactionInfo"] { transaction = object }
            if case .object(let object)? = data["signedRenewalInfo"] { renewal = object }
            originalTransactionID = transaction?["originalTransactionId"]?.stringValue
        }
        let sent = SentNotification(
            payload: payload, time: Int64(now * 1000), type: draft["notificationType"]?.stringValue ?? "", subtype: draft["subtype"]?.stringValue,
            uuid: draft["notificationUUID"]?.stringValue ?? "", originalTransactionID: originalTransactionID)
        let index = state.withLockedValue { state in
            if let transaction { state.data.upsert(transaction: transaction, renewalInfo: renewal) }
            state.notifications.append(sent)
            if let testToken { state.testNotifications[testToken] = state.notifications.count - 1 }
            return state.notifications.count - 1
        }
        clearCachedAnswers()
        if let outbox = settings.outbox {
            let body = NotificationSigner.body(signedPayload: payload)
            outbox.send(body) { [state, log, clock] attempt in
                let status = attempt.attempt.answer?.status
                state.withLockedValue { state in
                    state.notifications[index].attempts.append((attempt.date, attempt.result, status, (attempt.attempt.seconds * 10_000).rounded() / 10))
                }
                let what = sent.subtype.map { "\(sent.type)/\($0)" } ?? sent.type
                log.add(RequestRecord(
                    id: sent.uuid, time: Int64(clock() * 1000), method: "NOTIFY", path: "\(what) to \(outbox.url)", status: status ?? 0,
                    verdict: attempt.result == .success ? "delivered" : "undelivered: \(attempt.result.rawValue)", token: nil, findings: []))
            }
        }
        return index
    }

    /// A notification posted to the stand-in (`POST /notifications`, as Apple posts to a developer's endpoint):
    /// verified as Apple's SignedDataVerifier would, trusting Apple's root and the stand-in's own, and shown on the
    /// page with its status, type and nested data. Answers 200 when it verifies, 400 with the status name otherwise.
    func receiveNotification(_ request: StandInRequest, now: Double) -> StandInResponse {
        guard let body = DecodedToken.jsonObject(request.body), case .string(let signedPayload)? = body["signedPayload"], signedPayload.utf8.count <= 1_000_000 else {
            log.add(RequestRecord(id: Self.requestID(), time: Int64(now * 1000), method: request.method, path: request.path, status: 400,
                                  verdict: "received: not {\"signedPayload\": \"...\"}", token: nil, findings: []))
            return .text(400, "Send {\"signedPayload\": \"<JWS>\"}, as Apple does.\n")
        }
        var options = receivingOptions
        options.now = now
        let result = Linter(options: options).lint(signedPayload)
        let status = result.verificationStatus
        let summary = NotificationSummary(result)
        log.add(RequestRecord(
            id: Self.requestID(), time: Int64(now * 1000), method: request.method, path: request.path, status: status == .ok ? 200 : 400,
            verdict: summary.verdict(status), token: "sha256 " + TokenFingerprint.of(signedPayload),
            findings: result.findings + result.nested.flatMap { nested in nested.result.findings.map { $0.about(nested.member) } }))
        return status == .ok ? .text(200, "") : .text(400, "\(status?.rawValue ?? "VERIFICATION_FAILURE")\n")
    }
}

/// What a received notification is, in a few words: `DID_RENEW/BILLING_RECOVERY (Sandbox)`, and its nested data's
/// statuses: `data.signedTransactionInfo OK, data.signedRenewalInfo OK`.
struct NotificationSummary {
    let name: String
    let nested: String

    init(_ result: LintResult) {
        let claims = result.claims
        let type = claims?["notificationType"]?.stringValue ?? "(no notificationType)"
        let subtype = claims?["subtype"]?.stringValue
        var environment = ""
        if case .object(let data)? = claims?["data"] { environment = data["environment"]?.stringValue ?? "" }
        name = (subtype.map { "\(type)/\($0)" } ?? type) + (environment.isEmpty ? "" : " (\(environment))")
        nested = result.nested.map { "\($0.member) \($0.result.verificationStatus?.rawValue ?? "not checked")" }.joined(separator: ", ")
    }

    /// `received DID_RENEW (Sandbox): OK; nested data.signedTransactionInfo OK`.
    func verdict(_ status: VerificationStatus?) -> String {
        "received \(name): \(status?.rawValue ?? "not checked")" + (nested.isEmpty ? "" : "; nested \(nested)")
    }
}

extension StandIn {
    /// `{"notificationUrl": …, "notifications": [...], "kinds": [...], "scenarios": [...]}`, newest first: what the
    /// page lists, and what it can send.
    func sentNotificationsJSON() -> StandInResponse {
        let sent = state.withLockedValue { $0.notifications }
        return .json(200, .object(JSONObject(members: [
            .init(name: "notificationUrl", value: settings.outbox.map { .string($0.url) } ?? .null),
            .init(name: "notifications", value: .array(sent.reversed().prefix(200).map(\.pageJSON))),
            .init(name: "kinds", value: .array(NotificationKind.all.map { .string($0.description) })),
            .init(name: "scenarios", value: .array(NotificationScenario.builtIn.map { .string($0.name) })),
        ])))
    }

    /// `{"notification": "TYPE/SUBTYPE"}` or `{"scenario": "NAME"}` from the page (or a test): made about a new
    /// customer, signed, kept, and posted to the notification URL in order. Answers the original transaction ID
    /// and each notification's UUID.
    func sendFromPage(_ request: StandInRequest, now: Double) -> StandInResponse {
        func refuse(_ message: String) -> StandInResponse {
            .json(400, .object(JSONObject(members: [.init(name: "error", value: .string(message))])))
        }
        guard let body = DecodedToken.jsonObject(request.body) else {
            return refuse("Send {\"notification\": \"TYPE/SUBTYPE\"} or {\"scenario\": \"NAME\"}.")
        }
        let subject = notificationSubject()
        var drafts: [JSONObject]
        if case .string(let name)? = body["notification"] {
            let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
            guard let type = parts.first, let kind = NotificationKind.named(type, parts.count > 1 ? parts[1] : nil) else {
                return refuse("\(name) is not a notificationType and subtype Apple documents.")
            }
            drafts = [NotificationFactory.draft(kind, subject: subject, now: now)]
        } else if case .string(let name)? = body["scenario"] {
            guard let scenario = NotificationScenario.builtIn(named: name) else { return refuse("\(name) is not a built-in scenario.") }
            do {
                drafts = try scenario.drafts(subject: subject, endingAt: now)
            } catch {
                return refuse(error.description)
            }
        } else {
            return refuse("Send {\"notification\": \"TYPE/SUBTYPE\"} or {\"scenario\": \"NAME\"}.")
        }
        var uuids: [JSONValue] = []
        for draft in drafts {
            do {
                try send(draft, now: now)
            } catch {
                return .json(500, .object(JSONObject(members: [.init(name: "error", value: .string("cannot sign: \(error)"))])))
            }
            uuids.append(draft["notificationUUID"] ?? .null)
        }
        return .json(200, .object(JSONObject(members: [
            .init(name: "originalTransactionId", value: .string(subject.originalTransactionID)),
            .init(name: "notificationUUIDs", value: .array(uuids)),
            .init(name: "sent", value: .bool(settings.outbox != nil)),
        ])))
    }
}
