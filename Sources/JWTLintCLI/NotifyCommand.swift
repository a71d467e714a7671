import ArgumentParser
import JWTLint
import JWTLintHTTP

extension JWTLintCommand {
    /// `jwtlint notify`: sends a signed App Store Server Notification V2 to an endpoint, as Apple does.
    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a signed App Store Server Notification (V2) to your endpoint, as Apple sends it.",
            discussion: """
                Makes the notification's payload with data that hangs together (the transaction and renewal info \
                share the original transaction ID, the dates are in order, bundleId, appAppleId and environment as \
                given), signs each nested JWS and then the payload with a test chain shaped like Apple's, and POSTs \
                {"signedPayload": "..."} with Content-Type application/json to --url, over http or https. Without \
                --url it prints that body instead (or, with --decoded, the payload before signing).

                Your handler verifies it with Apple's SignedDataVerifier when that trusts the chain's root (write it \
                with --write-root, or keep one chain across runs with 'jwtlint chain create DIR' and --chain DIR) and \
                its online checks are off. Nothing jwtlint signs verifies against Apple's root.

                TYPE is a notificationType, SUBTYPE its subtype (or TYPE/SUBTYPE); --list shows every pair Apple \
                documents. --set PATH=VALUE changes a field before signing, --add PATH=VALUE adds one, --remove PATH \
                removes one; PATH names members from the payload's top, through the nested signed data as if it were \
                decoded: data.status=3, data.signedTransactionInfo.price=1990, data.signedRenewalInfo.autoRenewStatus=0. \
                VALUE is JSON when it reads as JSON (1990, true, "1990"), else text. --from FILE signs a decoded \
                payload you give ('-' reads standard input), nested signed members as objects (signed for you) or as \
                strings (kept).

                The endpoint's answer counts as Apple counts it: a status from 200 to 206 is SUCCESS; anything else \
                fails, named as Get Notification History names it (UNSUCCESSFUL_HTTP_RESPONSE_CODE, TIMED_OUT, \
                NO_RESPONSE, PREMATURE_CLOSE, TLS_ISSUE, SOCKET_ISSUE, INVALID_RESPONSE). --retry sends the same \
                notification again (same notificationUUID) after each failure on Apple's schedule, 1, 12, 24, 48 and \
                72 hours after the previous attempt, divided by --retry-speedup (default 3600: an hour becomes a \
                second), so a handler's idempotence can be tested.

                --scenario NAME|FILE sends a sequence of notifications about one customer, in order, each step's \
                dates as far apart as the scenario says and the last one now (--list-scenarios shows the built-in \
                ones; a FILE is JSON, its format in the README and Vectors/scenarios/). --count N sends N distinct \
                notifications of TYPE (a new customer and notificationUUID each), --concurrency at once, and reports \
                the handler's throughput, response-time percentiles and failures: a load test of the webhook.

                Examples:
                  jwtlint notify --list
                  jwtlint notify TEST --url http://localhost:8080/notifications --write-root test-root.pem
                  jwtlint notify DID_RENEW --chain test-chain --bundle-id com.example.app --url http://localhost:8080/n
                  jwtlint notify DID_FAIL_TO_RENEW GRACE_PERIOD --set data.signedRenewalInfo.autoRenewStatus=0 --decoded
                  jwtlint notify REFUND --url https://staging.example.com/apple --retry --retry-speedup 36000
                  jwtlint notify --scenario subscription-lifecycle --chain test-chain --url http://localhost:8080/n
                  jwtlint notify DID_RENEW --count 1000 --concurrency 20 --chain test-chain --url http://localhost:8080/n

                Exit status: 0 the endpoint answered 200 to 206 to every notification (or the bodies were printed), 1 \
                it answered otherwise or not in time, 2 unusable input or an endpoint that cannot be reached.
                """)

        @Argument(help: ArgumentHelp("The notificationType, such as DID_RENEW (or TYPE/SUBTYPE).", valueName: "type"))
        var type: String?

        @Argument(help: ArgumentHelp("The subtype, such as BILLING_RECOVERY, when the type has one.", valueName: "subtype"))
        var subtype: String?

        @Flag(name: .long, help: "List every notificationType and subtype pair, with what each tells.")
        var list = false

        @Option(name: .long, help: ArgumentHelp("Send a scenario's notifications in order: a built-in NAME or a JSON FILE.", valueName: "name|file"))
        var scenario: String?

        @Flag(name: .customLong("list-scenarios"), help: "List the built-in scenarios and their steps.")
        var listScenarios = false

        @Option(name: .long, help: ArgumentHelp("Send this many distinct notifications of TYPE and report throughput and response times.", valueName: "n"))
        var count: Int?

        @Option(name: .long, help: ArgumentHelp("With --count: how many at once (default 10).", valueName: "n"))
        var concurrency: Int?

        @Option(name: .long, help: ArgumentHelp("Where to POST the notification (http:// or https://). Without it, the body is printed.", valueName: "url"))
        var url: String?

        @OptionGroup var subjectOptions: NotificationSubjectOptions

        @Option(name: .long, help: ArgumentHelp("Change a field before signing: PATH=VALUE, such as data.status=2; repeat for more.", valueName: "path=value"))
        var set: [String] = []

        @Option(name: .long, help: ArgumentHelp("Add a field that is not there: PATH=VALUE; repeat for more.", valueName: "path=value"))
        var add: [String] = []

        @Option(name: .long, help: ArgumentHelp("Remove a field: PATH; repeat for more.", valueName: "path"))
        var remove: [String] = []

        @Option(name: .long, help: ArgumentHelp("Sign this decoded payload (JSON) instead of making one; '-' reads standard input.", valueName: "file"))
        var from: String?

        @Flag(name: .long, help: "Without --url: print the payload before signing (nested data decoded) instead of the body.")
        var decoded = false

        @OptionGroup var chainOptions: SigningChainOptions

        @OptionGroup var sending: HTTPSendingOptions

        @Flag(name: .long, help: "Send again after a failure, on Apple's retry schedule (five retries), compressed by --retry-speedup.")
        var retry = false

        @Option(name: .customLong("retry-speedup"), help: ArgumentHelp("How many times faster than Apple's schedule to retry (default 3600).", valueName: "factor"))
        var retrySpeedup: String?

        @Option(name: .long, help: ArgumentHelp("text (the default) or json: one JSON object per attempt.", valueName: "format"))
        var format: String = "text"

        @Option(name: .long, help: ArgumentHelp("The time to sign at, in Unix seconds (default: this machine's clock).", valueName: "unix-seconds"))
        var now: String?

        func run() throws {
            if list {
                Output.standardOutput(Self.kindList())
                return
            }
            if listScenarios {
                Output.standardOutput(Self.scenarioList())
                return
            }
            guard format == "text" || format == "json" else { throw UsageError(message: "--format \(format) is not text or json") }
            if concurrency != nil && count == nil { throw UsageError(message: "--concurrency belongs to --count") }
            if let scenario {
                try runScenario(scenario)
                return
            }
            if let count {
                try runLoad(count: count)
                return
            }
            let time = try CheckValues.time(now: now)
            let draft = try edited(try makeDraft(now: time))
            let chain = try chainOptions.load(now: time)
            let signedPayload: String
            do {
                signedPayload = try NotificationSigner.sign(draft, with: chain)
            } catch {
                throw UsageError(message: "cannot sign the notification: \(error)")
            }
            let body = NotificationSigner.body(signedPayload: signedPayload)
            guard let url else {
                if retry || retrySpeedup != nil { throw UsageError(message: "--retry needs --url: without it the body is printed, not sent") }
                Output.standardOutput(decoded ? JSONWriter.pretty(.object(draft)) + "\n" : String(decoding: body, as: UTF8.self) + "\n")
                return
            }
            if decoded { throw UsageError(message: "--decoded prints the payload instead of sending it; leave out --url, or --decoded") }
            let (client, target) = try sending.client(for: url)
            let speedup = try Self.speedup(retrySpeedup)
            let label = NotificationLabel(draft)
            let attempts = NotificationDelivery(client: client, target: target).deliver(body, retries: retry, speedup: speedup) { attempt in
                Output.standardOutput(format == "json" ? AttemptLine.json(attempt, label: label, url: target.description) : AttemptLine.text(attempt, label: label, url: target.description, of: retry ? 6 : 1))
                Output.flush()
            }
            guard let last = attempts.last else { return }
            if last.result == .success { return }
            if last.unreachable, case .failed(let failure) = last.attempt.outcome {
                throw UsageError(message: "cannot reach \(target): \(failure.detail)")
            }
            throw ExitCode(ExitStatus.findings)
        }

        /// The payload: from --from, or made for TYPE [SUBTYPE].
        func makeDraft(now: Double, subject: NotificationSubject? = nil) throws -> JSONObject {
            if let from {
                guard type == nil else { throw UsageError(message: "give either TYPE or --from, not both: --from signs the payload it holds") }
                guard !subjectOptions.given else {
                    throw UsageError(message: "--from signs the payload as the file gives it; change its fields with --set instead of --bundle-id, --app-apple-id, --environment or --original-transaction-id")
                }
                let contents: [UInt8]
                do {
                    contents = try FileReader.read(from, what: "payload file", limit: 1024 * 1024, accepting: from == "-" ? .stream : .regularFile).contents
                } catch {
                    throw UsageError(message: "\(error)")
                }
                switch DecodedToken.parseJSONObject(contents) {
                case .success(let object): return object
                case .failure(let error): throw UsageError(message: "the payload file '\(from)' \(error.explanation)")
                }
            }
            guard var typeName = type else {
                throw UsageError(message: "name a notificationType (such as DID_RENEW), or give --from FILE; 'jwtlint notify --list' shows them all")
            }
            var subtypeName = subtype
            if subtypeName == nil, let slash = typeName.firstIndex(of: "/") {
                subtypeName = String(typeName[typeName.index(after: slash)...])
                typeName = String(typeName[..<slash])
            }
            let wantedType = Self.normalized(typeName), wantedSubtype = subtypeName.map(Self.normalized)
            guard let kind = NotificationKind.named(wantedType, wantedSubtype) else {
                let ofType = NotificationKind.all.filter { $0.type == wantedType }
                if ofType.isEmpty {
                    throw UsageError(message: "\(typeName) is not a notificationType Apple documents; 'jwtlint notify --list' shows them all")
                }
                let choices = ofType.map { $0.subtype ?? "(no subtype)" }.joined(separator: ", ")
                if let subtypeName {
                    throw UsageError(message: "\(wantedType) has no subtype \(subtypeName); its subtypes are \(choices)")
                }
                throw UsageError(message: "\(wantedType) needs a subtype: \(choices)")
            }
            return NotificationFactory.draft(kind, subject: try subject ?? subjectOptions.subject(), now: now)
        }

        /// `draft` with --set, --add and --remove made, in that order.
        func edited(_ draft: JSONObject) throws -> JSONObject {
            var payload = draft
            do {
                for text in set { payload = try NotificationDraftEdit(parsing: text).applied(to: payload) }
                for text in add { payload = try NotificationDraftEdit(parsing: text, adding: true).applied(to: payload) }
                for text in remove { payload = try NotificationDraftEdit(parsing: text, removing: true).applied(to: payload) }
            } catch {
                throw UsageError(message: error.description)
            }
            return payload
        }

        /// `did_renew` and `did-renew` read as `DID_RENEW`.
        static func normalized(_ name: String) -> String {
            name.uppercased().replacingDashes
        }

        static func speedup(_ text: String?) throws -> Double {
            guard let text else { return 3600 }
            guard let value = CheckValues.decimal(text), value >= 1, value <= 1e9 else {
                throw UsageError(message: "--retry-speedup \(text) is not a factor from 1 (Apple's own pace) to 1000000000")
            }
            return value
        }

        static func kindList() -> String {
            let width = NotificationKind.all.map { $0.description.count }.max() ?? 0
            return NotificationKind.all.map { kind in
                kind.description + String(repeating: " ", count: width - kind.description.count + 2) + kind.summary
            }.joined(separator: "\n") + "\n"
        }
    }
}

extension String {
    /// The text with each `-` as `_`.
    fileprivate var replacingDashes: String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
