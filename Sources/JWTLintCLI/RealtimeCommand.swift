import ArgumentParser
import JWTLint
import JWTLintHTTP

extension JWTLintCommand {
    /// `jwtlint realtime`: sends a signed Retention Messaging realtime request to an endpoint, as the App Store does,
    /// and judges the answer; or runs Apple's performance test locally.
    struct Realtime: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a signed Retention Messaging realtime request to your Get Retention Message endpoint, and judge its answer.",
            discussion: """
                Makes the request Apple sends when a customer views a subscription and might cancel it \
                (originalTransactionId, appAppleId, productId, userLocale, a new requestIdentifier, signedDate, \
                environment), signs it with a test chain shaped like Apple's, POSTs {"signedPayload": "..."} to --url, \
                and judges the answer as Apple reads it (rules retention.*; 'jwtlint explain retention.offer'): status \
                200; one JSON object choosing exactly one of message, alternateProduct, promotionalOffer or \
                advancedCommerceInfo, with its members; a promotional offer signed once, its V2 JWS linted under the \
                promotional-offer profile (with --key, its signature verified; its transactionId must be the request's \
                originalTransactionId) or its V1 fields checked as 'jwtlint offer-signature' checks them; and the \
                answer within Apple's time limit, about 700 ms. Without --url the body is printed.

                Your endpoint verifies the request with Apple's SignedDataVerifier (verifyAndDecodeRealtimeRequest) \
                when that trusts the chain's root (--write-root FILE, or --chain DIR made by 'jwtlint chain create').

                --performance-test runs locally the test Apple makes before it accepts a production URL: --count \
                requests (default 100), --concurrency at once (default 10), each a new request; an answer succeeds \
                when it is 200, within the time limit, and chooses a message Apple can show. It passes when at least \
                --success-rate percent succeed (default 95). Apple documents only the time limit; the count, the \
                concurrency and the success rate Apple uses are set in each test's config and not published, so \
                these defaults are jwtlint's. It reports the response times as Apple does (average, p50, p90, p95, \
                p99) and the failures by Apple's SendAttemptResult names.

                Examples:
                  jwtlint realtime --url http://localhost:8080/retention --write-root test-root.pem
                  jwtlint realtime --url http://localhost:8080/retention --key SubscriptionKey_2X9R4HXF34.p8 --bundle-id com.example.app
                  jwtlint realtime --url https://staging.example.com/retention --performance-test --count 500 --concurrency 20

                Exit status: 0 the answer passes (or the test passes, or the body was printed), 1 it does not, 2 \
                unusable input or an endpoint that cannot be reached.
                """)

        @Option(name: .long, help: ArgumentHelp("Where to POST the request (http:// or https://). Without it, the body is printed.", valueName: "url"))
        var url: String?

        @OptionGroup var subjectOptions: NotificationSubjectOptions

        @Option(name: .long, help: ArgumentHelp("The customer's locale, userLocale (default en-US).", valueName: "locale"))
        var locale: String = "en-US"

        @Option(name: .long, help: ArgumentHelp(
            "The In-App Purchase key (.p8, public key PEM or public JWK) to verify a promotional offer's signature with.", valueName: "file"))
        var key: String?

        @Option(name: .customLong("time-limit"), help: ArgumentHelp("How long Apple waits for the answer, in milliseconds (default 700).", valueName: "ms"))
        var timeLimit: String?

        @OptionGroup var chainOptions: SigningChainOptions

        @OptionGroup var sending: HTTPSendingOptions

        @Flag(name: .customLong("performance-test"), help: "Run Apple's performance test locally: many requests, some at once.")
        var performanceTest = false

        @Option(name: .long, help: ArgumentHelp("With --performance-test: how many requests (default 100).", valueName: "n"))
        var count: Int?

        @Option(name: .long, help: ArgumentHelp("With --performance-test: how many at once (default 10).", valueName: "n"))
        var concurrency: Int?

        @Option(name: .customLong("success-rate"), help: ArgumentHelp("With --performance-test: the percentage that must succeed (default 95).", valueName: "percent"))
        var successRate: String?

        @Option(name: .long, help: ArgumentHelp("text (the default) or json.", valueName: "format"))
        var format: String = "text"

        @Option(name: .long, help: ArgumentHelp("The time to sign and judge at, in Unix seconds (default: this machine's clock).", valueName: "unix-seconds"))
        var now: String?

        func run() throws {
            try checkFormatAndLocale()
            let test = try performanceTestSettings()
            let time = try CheckValues.time(now: now)
            let subject = try subjectOptions.subject()
            let chain = try chainOptions.load(now: time)
            let locale = self.locale
            let sign: @Sendable () throws -> [UInt8] = {
                let draft = RealtimeRequestFactory.draft(subject: subject, userLocale: locale, now: time)
                return NotificationSigner.body(signedPayload: try NotificationSigner.sign(draft, with: chain))
            }
            guard let url else {
                if test != nil { throw UsageError(message: "--performance-test needs --url: without it the body is printed, not sent") }
                Output.standardOutput(String(decoding: try signed(sign), as: UTF8.self) + "\n")
                return
            }
            let expected = try expectations(for: subject, now: time)
            let (client, target) = try sending.client(for: url)
            let exchange = RealtimeExchange(client: client, target: target)
            if let test {
                return try runPerformanceTest(test, through: exchange, target: target, expecting: expected, sign: sign)
            }
            let outcome = exchange.send(try signed(sign), expecting: expected)
            if outcome.attempt.unreachable {
                throw UsageError(message: "cannot reach \(target): \(outcome.attempt.failure?.detail ?? "no connection")")
            }
            Output.standardOutput(format == "json"
                ? RealtimeLines.json(outcome, subject: subject, url: target.description, timeLimit: expected.timeLimit)
                : RealtimeLines.text(outcome, subject: subject, url: target.description, timeLimit: expected.timeLimit, colour: Output.wantsColour))
            Output.flush()
            if outcome.result != .success { throw ExitCode(ExitStatus.findings) }
        }

        private func checkFormatAndLocale() throws {
            guard format == "text" || format == "json" else { throw UsageError(message: "--format \(format) is not text or json") }
            guard !locale.isEmpty, locale.utf8.count <= 35, locale.utf8.allSatisfy({ $0 == 0x2D || $0 == 0x5F || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw UsageError(message: "--locale \(JSONText.quoted(String(locale.prefix(40)))) is not a locale such as en-US")
            }
        }

        /// A signed request body, or a usage error that says why none could be signed.
        private func signed(_ sign: () throws -> [UInt8]) throws -> [UInt8] {
            do {
                return try sign()
            } catch {
                throw UsageError(message: "cannot sign the request: \(error)")
            }
        }

        /// What the answer is judged against: the subject, the key that signs it and the time limit.
        private func expectations(for subject: NotificationSubject, now time: Double) throws -> RealtimeAnswerExpectations {
            var expected = RealtimeAnswerExpectations(originalTransactionID: subject.originalTransactionID, bundleID: subject.bundleID, now: time)
            if let key {
                let loaded = try KeyFileLoader.load(key)
                expected.key = loaded.publicKey
                expected.keyIDFromFileName = loaded.keyIDFromFileName
            }
            if let timeLimit {
                guard let ms = CheckValues.decimal(timeLimit), ms > 0, ms <= 600_000 else {
                    throw UsageError(message: "--time-limit \(timeLimit) is not a number of milliseconds from 1 to 600000")
                }
                expected.timeLimit = ms / 1000
            }
            return expected
        }

        /// Sends the performance test's requests, each signed before the clock starts, so that the test measures the
        /// endpoint, not jwtlint.
        private func runPerformanceTest(
            _ test: RealtimePerformanceTest, through exchange: RealtimeExchange, target: HTTPTarget, expecting expected: RealtimeAnswerExpectations,
            sign: () throws -> [UInt8]
        ) throws {
            var bodies: [[UInt8]] = []
            for _ in 0..<test.totalRequests { bodies.append(try signed(sign)) }
            let signedBodies = bodies
            let report = test.run(through: exchange, expecting: expected) { signedBodies[$0] }
            if report.outcomes.allSatisfy({ $0.attempt.answer == nil }), let first = report.outcomes.first, first.attempt.unreachable {
                throw UsageError(message: "cannot reach \(target): \(first.attempt.failure?.detail ?? "no connection")")
            }
            Output.standardOutput(format == "json" ? RealtimeLines.json(report, url: target.description) : RealtimeLines.text(report, url: target.description))
            Output.flush()
            if !report.passed { throw ExitCode(ExitStatus.findings) }
        }

        /// The performance test's settings, when one is asked for; the flags that belong to it are refused without it.
        private func performanceTestSettings() throws -> RealtimePerformanceTest? {
            guard performanceTest else {
                if count != nil || concurrency != nil || successRate != nil {
                    throw UsageError(message: "--count, --concurrency and --success-rate belong to --performance-test")
                }
                return nil
            }
            var test = RealtimePerformanceTest()
            if let count {
                guard (1...100_000).contains(count) else { throw UsageError(message: "--count \(count) is not from 1 to 100000") }
                test.totalRequests = count
            }
            if let concurrency {
                guard (1...256).contains(concurrency) else { throw UsageError(message: "--concurrency \(concurrency) is not from 1 to 256") }
                test.maxConcurrentRequests = concurrency
            }
            if let successRate {
                guard let percent = CheckValues.decimal(successRate), percent <= 100 else {
                    throw UsageError(message: "--success-rate \(successRate) is not a percentage from 0 to 100")
                }
                test.successRateThreshold = percent
            }
            return test
        }
    }
}
