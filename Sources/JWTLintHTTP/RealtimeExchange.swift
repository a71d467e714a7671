package import JWTLint

/// Sends signed Retention Messaging realtime requests to a developer's Get Retention Message endpoint, as the App
/// Store does, and judges each answer.
package struct RealtimeExchange: Sendable {
    let client: HTTPClient
    let target: HTTPTarget

    /// An exchange with `target` through `client`.
    package init(client: HTTPClient, target: HTTPTarget) {
        self.client = client
        self.target = target
    }

    /// One request and its answer, judged.
    package struct Outcome: Sendable {
        /// The HTTP exchange.
        package let attempt: HTTPAttempt
        /// The verdict on the answer; `nil` when no answer came.
        package let verdict: RealtimeAnswerResult?
        /// How Apple would name the outcome: `SUCCESS` only for an answer of status 200, within the time limit, that
        /// chooses a message Apple can show.
        package let result: SendAttemptResult
    }

    /// POSTs the signed request `body` and judges the answer against `expected`.
    package func send(_ body: [UInt8], expecting expected: RealtimeAnswerExpectations) -> Outcome {
        let attempt = client.postJSON(body, to: target, purpose: "test realtime request sender")
        guard let answer = attempt.answer else {
            return Outcome(attempt: attempt, verdict: nil, result: NotificationDelivery.result(of: attempt))
        }
        let verdict = RealtimeAnswerCheck.check(RealtimeAnswer(status: answer.status, body: answer.body, seconds: attempt.seconds), expecting: expected)
        let result: SendAttemptResult
        if answer.status != 200 {
            result = .unsuccessfulHTTPResponseCode
        } else if attempt.seconds > expected.timeLimit {
            result = .timedOut
        } else if verdict.hasErrors {
            result = .invalidResponse
        } else {
            result = .success
        }
        return Outcome(attempt: attempt, verdict: verdict, result: result)
    }
}

/// A local run of the performance test Apple makes of a Get Retention Message endpoint before it accepts a
/// production URL: many signed requests, some at once, each answer judged, and the pass rule applied to the share
/// of successes.
///
/// Apple's test reports its config (`maxConcurrentRequests`, `totalRequests`, `responseTimeThreshold`,
/// `successRateThreshold`), a `result`, the `successRate`, `responseTimes` (average, p50, p90, p95, p99) and
/// `failures` counted by `SendAttemptResult`; it documents the response-time threshold ("approximately 700 ms") but
/// not the number of requests, the concurrency or the success-rate threshold, so those are jwtlint's defaults.
package struct RealtimePerformanceTest: Sendable {
    /// How many requests in all.
    package var totalRequests = 100
    /// How many at once.
    package var maxConcurrentRequests = 10
    /// The share of requests that must succeed, in percent (jwtlint's default; Apple's is not published).
    package var successRateThreshold = 95.0

    package init() {}

    /// The outcome of a run.
    package struct Report: Sendable {
        package let test: RealtimePerformanceTest
        package let timeLimit: Double
        package let outcomes: [RealtimeExchange.Outcome]
        package let seconds: Double

        /// The share of successes, in percent.
        package var successRate: Double {
            outcomes.isEmpty ? 0 : Double(outcomes.filter { $0.result == .success }.count) * 100 / Double(outcomes.count)
        }
        /// Whether the test passes: Apple's rule, the success rate at or above the threshold.
        package var passed: Bool { successRate >= test.successRateThreshold }
        /// The response times of the requests that were answered.
        package var responseTimes: LatencySummary? { LatencySummary(outcomes.filter { $0.attempt.answer != nil }.map(\.attempt.seconds)) }
        /// Failures by Apple's name, in Apple's order.
        package var failures: [(SendAttemptResult, Int)] {
            SendAttemptResult.allCases.filter { $0 != .success }.compactMap { kind in
                let count = outcomes.filter { $0.result == kind }.count
                return count == 0 ? nil : (kind, count)
            }
        }
        /// The rules the failing answers broke, with how many answers broke each, in rule order.
        package var brokenRules: [(RuleID, Int)] {
            var counts: [RuleID: Int] = [:]
            for outcome in outcomes {
                for rule in Set((outcome.verdict?.findings ?? []).filter { $0.severity == .error }.map(\.rule)) { counts[rule, default: 0] += 1 }
            }
            return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    /// Sends `totalRequests` requests, `maxConcurrentRequests` at a time, each made by `request` (a new signed body
    /// for each index) and judged against `expected`.
    package func run(
        through exchange: RealtimeExchange, expecting expected: RealtimeAnswerExpectations, request: @escaping @Sendable (Int) -> [UInt8]
    ) -> Report {
        let run = LoadRun.run(count: totalRequests, concurrency: maxConcurrentRequests) { index in
            exchange.send(request(index), expecting: expected)
        }
        return Report(test: self, timeLimit: expected.timeLimit, outcomes: run.results, seconds: run.seconds)
    }
}
