import JWTLint
import JWTLintHTTP

/// What `jwtlint realtime` prints: one judged answer, or a performance test's report, as text or JSON.
enum RealtimeLines {
    /// `sent a realtime request about 2000000123456789 to URL: 200 OK in 12 ms (SUCCESS)`, the choice, the findings.
    static func text(_ outcome: RealtimeExchange.Outcome, subject: NotificationSubject, url: String, timeLimit: Double, colour: Bool) -> String {
        var text = "sent a realtime request about \(subject.originalTransactionID) to \(url): "
        let time = AttemptLine.milliseconds(outcome.attempt.seconds)
        switch outcome.attempt.outcome {
        case .answered(let answer):
            text += "\(answer.status)\(answer.reason.isEmpty ? "" : " " + AttemptLine.printable(answer.reason, limit: 40)) in \(time)"
        case .failed(let failure):
            text += "\(failure.detail), after \(time)"
        }
        text += " (\(outcome.result); Apple waits \(Int((timeLimit * 1000).rounded())) ms)\n"
        if let verdict = outcome.verdict {
            if let choice = verdict.choice {
                text += "  answer: \(choice.rawValue)"
                if let signature = verdict.offerSignature {
                    text += "; offer signature \(signature == .unchecked ? "not checked" : signature.rawValue)"
                }
                text += "\n"
            }
            text += TextReporter.lines(for: verdict.findings, colour: colour)
        }
        return text
    }

    /// One JSON object: the exchange, Apple's name for its outcome, the choice and the findings.
    static func json(_ outcome: RealtimeExchange.Outcome, subject: NotificationSubject, url: String, timeLimit: Double) -> String {
        var writer = JSONWriter()
        var members: [JSONObject.Member] = [
            .init(name: "url", value: .string(url)), .init(name: "originalTransactionId", value: .string(subject.originalTransactionID)),
        ]
        switch outcome.attempt.outcome {
        case .answered(let answer): members.append(.init(name: "status", value: .integer(Int64(answer.status))))
        case .failed(let failure):
            members.append(.init(name: "status", value: .null))
            members.append(.init(name: "detail", value: .string(failure.detail)))
        }
        members += [
            .init(name: "milliseconds", value: .real((outcome.attempt.seconds * 10_000).rounded() / 10)),
            .init(name: "timeLimitMilliseconds", value: .integer(Int64((timeLimit * 1000).rounded()))),
            .init(name: "sendAttemptResult", value: .string(outcome.result.rawValue)),
            .init(name: "choice", value: outcome.verdict?.choice.map { .string($0.rawValue) } ?? .null),
            .init(name: "offerSignature", value: outcome.verdict?.offerSignature.map { .string($0.rawValue) } ?? .null),
        ]
        let object = JSONObject(members: members)
        writer.object(object)
        var text = writer.text
        text.removeLast()
        var findings = JSONWriter()
        JSONReporter.write(outcome.verdict?.findings ?? [], to: &findings)
        return text + #","findings":"# + findings.text + "}\n"
    }

    /// The performance test's verdict, response times, failures and the rules the failing answers broke.
    static func text(_ report: RealtimePerformanceTest.Report, url: String) -> String {
        let test = report.test
        let rate = report.outcomes.isEmpty ? 0 : Double(report.outcomes.count) / max(report.seconds, 1e-9)
        var text = "performance test of \(url): \(report.outcomes.count) requests, \(test.maxConcurrentRequests) at a time, in \(seconds(report.seconds)) (\(Int(rate.rounded())) requests/s)\n"
        text += "  result: \(report.passed ? "PASS" : "FAIL"), \(percent(report.successRate)) succeeded; at least \(percent(test.successRateThreshold)) must "
        text += "(jwtlint's threshold: Apple sets its own in the test's config and does not publish it)\n"
        if let times = report.responseTimes {
            text += "  response times: average \(ms(times.average)), p50 \(ms(times.p50)), p90 \(ms(times.p90)), p95 \(ms(times.p95)), p99 \(ms(times.p99)), slowest \(ms(times.slowest)) "
            text += "(Apple waits \(ms(report.timeLimit)))\n"
        } else {
            text += "  response times: none, no request was answered\n"
        }
        let failures = report.failures
        text += "  failures: " + (failures.isEmpty ? "none" : failures.map { "\($0.0) \($0.1)" }.joined(separator: ", ")) + "\n"
        let broken = report.brokenRules
        if !broken.isEmpty {
            text += "  rules the answers broke: " + broken.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + " ('jwtlint realtime' without --performance-test shows one answer's findings)\n"
        }
        return text
    }

    /// The report in the shape of Apple's PerformanceTestResultResponse (config, target, result, successRate,
    /// numPending, responseTimes, failures), times in milliseconds, plus the rules the failing answers broke.
    static func json(_ report: RealtimePerformanceTest.Report, url: String) -> String {
        let test = report.test
        let config = JSONObject(members: [
            .init(name: "maxConcurrentRequests", value: .integer(Int64(test.maxConcurrentRequests))),
            .init(name: "totalRequests", value: .integer(Int64(test.totalRequests))),
            .init(name: "totalDuration", value: .integer(Int64((report.seconds * 1000).rounded()))),
            .init(name: "responseTimeThreshold", value: .integer(Int64((report.timeLimit * 1000).rounded()))),
            .init(name: "successRateThreshold", value: number(test.successRateThreshold)),
        ])
        var times: JSONValue = .null
        if let summary = report.responseTimes {
            times = .object(JSONObject(members: [
                .init(name: "average", value: .integer(Int64((summary.average * 1000).rounded()))),
                .init(name: "p50", value: .integer(Int64((summary.p50 * 1000).rounded()))),
                .init(name: "p90", value: .integer(Int64((summary.p90 * 1000).rounded()))),
                .init(name: "p95", value: .integer(Int64((summary.p95 * 1000).rounded()))),
                .init(name: "p99", value: .integer(Int64((summary.p99 * 1000).rounded()))),
            ]))
        }
        let failures = JSONObject(members: report.failures.map { .init(name: $0.0.rawValue, value: .integer(Int64($0.1))) })
        let broken = JSONObject(members: report.brokenRules.map { .init(name: $0.0.rawValue, value: .integer(Int64($0.1))) })
        var writer = JSONWriter()
        writer.object(JSONObject(members: [
            .init(name: "config", value: .object(config)), .init(name: "target", value: .string(url)),
            .init(name: "result", value: .string(report.passed ? "PASS" : "FAIL")),
            .init(name: "successRate", value: number(report.successRate)), .init(name: "numPending", value: .integer(0)),
            .init(name: "responseTimes", value: times), .init(name: "failures", value: .object(failures)),
            .init(name: "brokenRules", value: .object(broken)),
        ]))
        return writer.text + "\n"
    }

    private static func number(_ value: Double) -> JSONValue {
        value == value.rounded() ? .integer(Int64(value)) : .real((value * 100).rounded() / 100)
    }

    private static func percent(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))%" : "\((value * 10).rounded() / 10)%"
    }

    private static func ms(_ seconds: Double) -> String { AttemptLine.milliseconds(seconds) }

    private static func seconds(_ value: Double) -> String {
        value < 10 ? "\((value * 100).rounded() / 100) s" : "\(Int(value.rounded())) s"
    }
}
