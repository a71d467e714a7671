/// A sequence of notifications about one customer, like a `stripe trigger` fixture: what `jwtlint notify --scenario`
/// sends. A scenario is a JSON file:
///
/// ```json
/// {
///   "scenario": "grace-period-recovery",
///   "description": "A renewal fails, the customer is in the grace period, and billing recovers.",
///   "steps": [
///     {"notification": "SUBSCRIBED/INITIAL_BUY"},
///     {"notification": "DID_FAIL_TO_RENEW/GRACE_PERIOD", "after": "30d"},
///     {"notification": "DID_RENEW/BILLING_RECOVERY", "after": "2d", "set": {"data.signedTransactionInfo.price": 9990}}
///   ]
/// }
/// ```
///
/// Each step names a notification as `TYPE` or `TYPE/SUBTYPE` and may say how long after the previous step it
/// happens (`after`: a whole number with `s`, `m`, `h` or `d`; the first step's is ignored), and change its payload
/// before signing as `--set`, `--add` and `--remove` do (`set` and `add`: an object of paths and JSON values;
/// `remove`: an array of paths). The scenario's clock ends now: its last step is signed now, each earlier one as
/// long before as the steps after it say, so a handler that compares dates with its own clock ends in the right
/// state. Every step is about the same customer: one original transaction ID and one original purchase date.
public struct NotificationScenario: Sendable, Hashable {
    /// The scenario's name, such as `subscription-lifecycle`.
    public let name: String
    /// What happens, in a sentence.
    public let description: String
    /// The notifications, in order.
    public let steps: [Step]

    /// One notification of a scenario.
    public struct Step: Sendable, Hashable {
        /// Which notification.
        public let kind: NotificationKind
        /// Seconds after the previous step.
        public let after: Double
        /// Changes to its payload before signing, in order.
        public let edits: [NotificationDraftEdit]
    }

    /// The longest a scenario may span: a year, so that a test chain made now (valid from 400 days before) signs
    /// its first step.
    package static let longestSpan: Double = 366 * 86_400

    /// Reads a scenario file's contents.
    /// - Throws: a ``JWTLintError`` of kind ``JWTLintError/Kind/scenario`` naming the member that is wrong.
    public init(parsing bytes: [UInt8]) throws(JWTLintError) {
        let object: JSONObject
        switch DecodedToken.parseJSONObject(bytes) {
        case .success(let parsed): object = parsed
        case .failure(let error): throw JWTLintError(.scenario, "is not a scenario: it \(error.explanation)")
        }
        for member in object.members where !["scenario", "description", "steps"].contains(member.name) {
            throw JWTLintError(.scenario, "has the member \(JSONText.quoted(member.name)); a scenario has scenario, description and steps")
        }
        guard case .string(let name)? = object["scenario"], Self.isName(name) else {
            throw JWTLintError(.scenario, "needs \"scenario\": its name, lower-case letters, digits and dashes (such as \"subscription-lifecycle\")")
        }
        guard case .array(let stepValues)? = object["steps"], !stepValues.isEmpty, stepValues.count <= 1000 else {
            throw JWTLintError(.scenario, "needs \"steps\": an array of 1 to 1000 steps, such as [{\"notification\": \"DID_RENEW\"}]")
        }
        var description = ""
        if let value = object["description"] {
            guard case .string(let text) = value else { throw JWTLintError(.scenario, "has a \"description\" that is not a string") }
            description = text
        }
        var steps: [Step] = []
        var span = 0.0
        for (index, value) in stepValues.enumerated() {
            let step = try Self.step(value, number: index + 1)
            if index > 0 { span += step.after }
            steps.append(step)
        }
        guard span <= Self.longestSpan else {
            throw JWTLintError(.scenario, "spans \(Int(span / 86_400)) days; a scenario spans at most 366 days")
        }
        self.name = name
        self.description = description
        self.steps = steps
    }

    /// Where each step falls, in Unix seconds, when the last one is at `now`.
    package func times(endingAt now: Double) -> [Double] {
        var times: [Double] = []
        var time = now
        for step in steps.reversed() {
            times.append(time)
            time -= step.after
        }
        return times.reversed()
    }

    /// The decoded payload of each step about `subject`, edited, each signed at its time with the scenario's clock
    /// ending at `now`. Every step shares the subject's original transaction ID and the first step's purchase date.
    /// - Throws: a ``JWTLintError`` of kind ``JWTLintError/Kind/notificationEdit`` when a step's edit does not apply.
    public func drafts(subject: NotificationSubject, endingAt now: Double) throws(JWTLintError) -> [JSONObject] {
        let times = times(endingAt: now)
        var customer = subject
        if customer.originalPurchaseDate == nil, let first = times.first {
            customer.originalPurchaseDate = Int64((first * 1000).rounded(.down)) - 60_000
        }
        var drafts: [JSONObject] = []
        for (step, time) in zip(steps, times) {
            var draft = NotificationFactory.draft(step.kind, subject: customer, now: time)
            // After a failed renewal, later notifications keep the paid period's end until a renewal succeeds.
            if case .purchase(let purchase) = step.kind.contents, purchase.product == .subscription {
                switch purchase.status {
                case 3, 4:
                    if customer.paidThroughDate == nil, case .object(let data)? = draft["data"],
                        case .object(let transaction)? = data["signedTransactionInfo"], case .integer(let expires)? = transaction["expiresDate"] {
                        customer.paidThroughDate = expires
                    }
                case 1: customer.paidThroughDate = nil
                default: break
                }
            }
            for edit in step.edits { draft = try edit.applied(to: draft) }
            drafts.append(draft)
        }
        return drafts
    }

    private static func step(_ value: JSONValue, number: Int) throws(JWTLintError) -> Step {
        let at = "step \(number)"
        guard case .object(let object) = value else { throw JWTLintError(.scenario, "has a \(at) that is not an object") }
        for member in object.members where !["notification", "after", "set", "add", "remove"].contains(member.name) {
            throw JWTLintError(.scenario, "has the member \(JSONText.quoted(member.name)) in \(at); a step has notification, after, set, add and remove")
        }
        guard case .string(let name)? = object["notification"] else {
            throw JWTLintError(.scenario, "needs \"notification\" in \(at): TYPE or TYPE/SUBTYPE, such as \"DID_RENEW/BILLING_RECOVERY\"")
        }
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        guard let type = parts.first, let kind = NotificationKind.named(type, parts.count > 1 ? parts[1] : nil) else {
            throw JWTLintError(.scenario, "names \(JSONText.quoted(name)) in \(at), which is not a notificationType and subtype Apple documents ('jwtlint notify --list')")
        }
        var after = 0.0
        if let value = object["after"] {
            guard case .string(let text) = value, let seconds = duration(text) else {
                throw JWTLintError(.scenario, "has an \"after\" in \(at) that is not a duration such as \"30d\", \"12h\", \"15m\" or \"90s\"")
            }
            after = seconds
        }
        var edits: [NotificationDraftEdit] = []
        for (member, adding) in [("set", false), ("add", true)] {
            guard let value = object[member] else { continue }
            guard case .object(let changes) = value else {
                throw JWTLintError(.scenario, "has a \"\(member)\" in \(at) that is not an object of paths and values, such as {\"data.status\": 2}")
            }
            for change in changes.members {
                let path = try path(change.name, at: at)
                edits.append(NotificationDraftEdit(path: path, operation: adding ? .add(change.value) : .set(change.value)))
            }
        }
        if let value = object["remove"] {
            guard case .array(let paths) = value else { throw JWTLintError(.scenario, "has a \"remove\" in \(at) that is not an array of paths") }
            for pathValue in paths {
                guard case .string(let text) = pathValue else { throw JWTLintError(.scenario, "has a \"remove\" in \(at) with an entry that is not a path") }
                edits.append(NotificationDraftEdit(path: try path(text, at: at), operation: .remove))
            }
        }
        return Step(kind: kind, after: after, edits: edits)
    }

    private static func path(_ text: String, at: String) throws(JWTLintError) -> [String] {
        let path = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty) else {
            throw JWTLintError(.scenario, "has the path \(JSONText.quoted(text)) in \(at), which is not member names separated by dots")
        }
        return path
    }

    /// `30d`, `12h`, `15m`, `90s` in seconds: a whole number up to 999999 and a unit.
    static func duration(_ text: String) -> Double? {
        guard let unit = text.last, let number = Int(text.dropLast()), number >= 0, number <= 999_999,
            text.dropLast().allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        switch unit {
        case "s": return Double(number)
        case "m": return Double(number) * 60
        case "h": return Double(number) * 3600
        case "d": return Double(number) * 86_400
        default: return nil
        }
    }

    private static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && name.utf8.allSatisfy { $0 == 0x2D || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }
    }
}
