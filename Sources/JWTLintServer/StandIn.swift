package import JWTLint
internal import NIOConcurrencyHelpers

/// What the stand-in checks tokens against and serves.
package struct StandInSettings: Sendable {
    /// The key tokens must be signed with.
    package var key: VerificationKey
    /// The key ID tokens must carry (else the one in the key file's name, if any).
    package var keyID: String?
    /// The issuer ID tokens must carry.
    package var issuer: String?
    /// The bundle ID tokens must carry, and the data names.
    package var bundleID: String?
    /// The environment the data says it comes from: sandbox or production.
    package var environment: SignedEnvironment
    /// The transactions and renewal info served.
    package var data: StoreData
    /// Where notifications are posted (`--notification-url`); `nil` posts none.
    package var outbox: NotificationOutbox?
    /// The chain to sign with (`--chain`); `nil` makes a new one at start-up.
    package var chain: TestChain?

    /// Settings; `data` defaults to the built-in set.
    package init(key: VerificationKey, keyID: String? = nil, issuer: String? = nil, bundleID: String? = nil, environment: SignedEnvironment = .sandbox, data: StoreData) {
        self.key = key
        self.keyID = keyID
        self.issuer = issuer
        self.bundleID = bundleID
        self.environment = environment
        self.data = data
    }
}

/// A local App Store Server API: it authenticates every request under `/inApps/` as Apple does, with jwtlint's
/// reasons, and answers the endpoints over its data, signed by a test chain shaped like Apple's.
///
/// Thread-safe: requests may be handled on any number of threads at once.
package final class StandIn: Sendable {
    let settings: StandInSettings
    /// The chain the signed fields are signed by.
    let chain: TestChain
    let log: RequestLog
    /// The data, as requests change it (app account tokens, extended renewal dates), and the test notifications.
    let state: NIOLockedValueBox<State>
    private let sessions = NIOLockedValueBox<[LintSessionBox]>([])
    /// What was signed in the current second, by payload.
    private let signatures = NIOLockedValueBox(SignatureCache(second: 0))
    /// The answers given to GET requests in the current second, by path and query.
    private let responses = NIOLockedValueBox(ResponseCache(second: 0))
    private let bearerOptions: LintOptions
    /// How a notification posted to `/notifications` is judged: as Apple's verifier would, trusting Apple's root and
    /// the stand-in's (one set of roots for the server's life, so that a chain verified once is remembered).
    let receivingOptions: LintOptions
    let clock: @Sendable () -> Double

    struct State {
        var data: StoreData
        /// Test notifications by token: the index of the notification in ``notifications``.
        var testNotifications: [String: Int] = [:]
        /// Every notification sent, oldest first, for Get Notification History and the page.
        var notifications: [SentNotification] = []
    }

    /// A stand-in with a new test chain. `clock` gives the time in Unix seconds; `logDescriptor` is where log lines go.
    /// - Throws: ``JWTLintError`` when the chain cannot be made.
    package init(settings: StandInSettings, logDescriptor: Int32, clock: @escaping @Sendable () -> Double) throws {
        self.settings = settings
        self.clock = clock
        self.chain = try settings.chain ?? TestChainMaker.make(now: clock())
        self.log = RequestLog(descriptor: logDescriptor)
        self.state = NIOLockedValueBox(State(data: settings.data))
        var options = LintOptions(now: clock(), expectedKeyID: settings.keyID, issuer: settings.issuer, bundleID: settings.bundleID)
        // A server checks tokens for as long as it runs: the key's fixed-base table (20 ms, once) halves each check.
        options.key = settings.key.publicKey.preparedForBulkVerification()
        options.keyIDFromFileName = settings.key.keyIDFromFileName
        options.profile = .pinned(.appStoreServerAPI)
        self.bearerOptions = options
        var receiving = LintOptions(now: clock(), bundleID: settings.bundleID, profile: .pinned(.appleSigned))
        receiving.trustedRoots = (try? TrustedRoots(adding: [chain.root])) ?? .apple
        self.receivingOptions = receiving
    }

    /// Writes out the log lines still waiting: call it when the server has stopped.
    package func flushLog() {
        log.flush()
    }

    /// The test chain's root, PEM, for a client's verifier to trust.
    package var rootPEM: String { chain.rootPEM }

    /// The answer to one request, logged.
    package func respond(to request: StandInRequest) -> StandInResponse {
        let now = clock()
        let id = Self.requestID()
        guard request.path.hasPrefix("/inApps/") else {
            let response = WatchPage.respond(to: request, standIn: self)
            // The page's own calls are not logged; a received notification logs its own record.
            if !request.path.hasPrefix("/jwtlint/") && request.path != "/notifications" {
                log.add(RequestRecord(id: id, time: Int64(now * 1000), method: request.method, path: request.path, status: response.status, verdict: "open", token: nil, findings: []))
            }
            return response
        }
        let result = authenticate(request.authorization, now: now)
        let token = request.authorization.map { "sha256 " + TokenFingerprint.of($0) }
        if result.hasErrors {
            let errors = result.findings.filter { $0.severity == .error }
            var response = StandInResponse.text(401, "Unauthenticated\n\nRequest ID: \(id).0.0\n")
            response.headers.append(("X-JWTLint-Findings", Self.ruleList(errors)))
            log.add(RequestRecord(id: id, time: Int64(now * 1000), method: request.method, path: request.path, status: 401, verdict: "refused", token: token, findings: result.findings))
            return response
        }
        var response = cachedRoute(request, now: now)
        if !result.findings.isEmpty { response.headers.append(("X-JWTLint-Findings", Self.ruleList(result.findings))) }
        log.add(RequestRecord(id: id, time: Int64(now * 1000), method: request.method, path: request.path, status: response.status, verdict: "accepted", token: token, findings: result.findings))
        return response
    }

    /// The answer of ``route(_:now:)``, kept for the rest of the second for a GET: the same question within a second
    /// gets the same answer, as the data only changes through a POST or PUT, which empties the cache.
    func cachedRoute(_ request: StandInRequest, now: Double) -> StandInResponse {
        let second = Int64(now)
        guard request.method == "GET" else {
            let response = route(request, now: now)
            responses.withLockedValue { $0 = ResponseCache(second: second) }
            return response
        }
        var key = request.path
        for (name, value) in request.query { key += "\u{0}" + name + "=" + value }
        if let cached = responses.withLockedValue({ $0.second == second ? $0.answers[key] : nil }) { return cached }
        let response = route(request, now: now)
        responses.withLockedValue { cache in
            if cache.second != second || cache.answers.count >= 4096 { cache = ResponseCache(second: second) }
            cache.answers[key] = response
        }
        return response
    }

    /// Forgets the answers kept for the current second, after the data changed.
    func clearCachedAnswers() {
        responses.withLockedValue { $0 = ResponseCache(second: 0) }
    }

    /// The header's token linted under the App Store Server API's rules, as of `now`.
    func authenticate(_ authorization: String?, now: Double) -> LintResult {
        guard let authorization else { return Linter(options: bearerOptions).lintMissingAuthorizationHeader() }
        let box = sessions.withLockedValue { $0.popLast() } ?? LintSessionBox(LintSession(linter: Linter(options: bearerOptions)))
        defer { sessions.withLockedValue { $0.append(box) } }
        // The header's value as a header line, so that "Bearer " is read as lint reads it.
        return box.session.lint("Authorization: " + authorization, at: now)
    }

    /// A token, `Authorization` header or curl command judged as `diagnose` would judge it, for the page.
    func diagnose(_ text: String, now: Double) -> Diagnosis {
        var options = bearerOptions
        options.now = now
        return Diagnosis.diagnose(CapturedRequest.parse(text), response: nil, options: options)
    }

    static func ruleList(_ findings: [Finding]) -> String {
        var seen = Set<RuleID>()
        return findings.map(\.rule).filter { seen.insert($0).inserted }.map(\.rawValue).joined(separator: ", ")
    }

    /// An ID shaped like Apple's: 26 characters of base32.
    static func requestID() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
        let bytes = RandomBytes.make(26) ?? [UInt8](repeating: 0, count: 26)
        return String(decoding: bytes.map { alphabet[Int($0 & 31)] }, as: UTF8.self)
    }

    // MARK: - Signing

    /// The bundle ID the data names.
    var bundleID: String { settings.bundleID ?? "com.example.app" }

    /// `payload` with the members Apple fills in, signed by the test chain.
    func sign(_ payload: JSONObject, now: Double, environmentMember: Bool = true) -> String {
        var object = payload
        if object["bundleId"] == nil { object = object.setting("bundleId", .string(bundleID)) }
        if environmentMember, object["environment"] == nil { object = object.setting("environment", .string(settings.environment.rawValue)) }
        // Whole seconds: the same data asked for again within a second is the same JWS, signed once.
        let second = Int64(now)
        object = object.setting("signedDate", .integer(second * 1000))
        var writer = JSONWriter()
        writer.object(object)
        let text = writer.text
        if let cached = signatures.withLockedValue({ $0.second == second ? $0.signed[text] : nil }) { return cached }
        // Signing with a key made at start-up fails only if OpenSSL does; the answer then says so.
        let jws = (try? chain.sign(payload: text)) ?? "signing-failed"
        signatures.withLockedValue { cache in
            if cache.second != second || cache.signed.count >= 4096 { cache = SignatureCache(second: second) }
            cache.signed[text] = jws
        }
        return jws
    }
}

/// The JWS signed within one second, by the payload's JSON text.
struct SignatureCache {
    var second: Int64
    var signed: [String: String] = [:]
}

/// The answers to GET requests within one second, by path and query.
struct ResponseCache {
    var second: Int64
    var answers: [String: StandInResponse] = [:]
}

/// A lint session handed between threads through the pool, used by one at a time. `@unchecked Sendable`: the
/// pool gives a box to one request at a time, under its lock, and the request gives it back when done, so the session
/// (not thread-safe) is never used by two threads at once.
final class LintSessionBox: @unchecked Sendable {
    let session: LintSession
    init(_ session: LintSession) { self.session = session }
}
