import ArgumentParser
import JWTLint
import JWTLintHTTP

extension JWTLintCommand.Notify {
    /// `--scenario`: the scenario's notifications, signed and sent in order (or printed).
    func runScenario(_ nameOrFile: String) throws {
        guard type == nil, from == nil else { throw UsageError(message: "give TYPE, --from or --scenario, one of them: a scenario names its own notifications") }
        guard set.isEmpty, add.isEmpty, remove.isEmpty else {
            throw UsageError(message: "--set, --add and --remove change one notification; in a scenario, put them in its steps (\"set\": {\"data.status\": 2})")
        }
        if count != nil { throw UsageError(message: "--count sends many notifications of one TYPE; it does not go with --scenario") }
        let scenario = try Self.loadScenario(nameOrFile)
        let time = try CheckValues.time(now: now)
        let chain = try chainOptions.load(now: time)
        let subject = try subjectOptions.subject()
        let drafts: [JSONObject]
        do throws(JWTLintError) {
            drafts = try scenario.drafts(subject: subject, endingAt: time)
        } catch {
            throw UsageError(message: "scenario \(scenario.name): \(error.description)")
        }
        var bodies: [[UInt8]] = []
        for draft in drafts {
            do {
                bodies.append(NotificationSigner.body(signedPayload: try NotificationSigner.sign(draft, with: chain)))
            } catch {
                throw UsageError(message: "cannot sign the notification: \(error)")
            }
        }
        guard let url else {
            if retry || retrySpeedup != nil { throw UsageError(message: "--retry needs --url: without it the bodies are printed, not sent") }
            for (draft, body) in zip(drafts, bodies) {
                Output.standardOutput(decoded ? JSONWriter.pretty(.object(draft)) + "\n" : String(decoding: body, as: UTF8.self) + "\n")
            }
            return
        }
        if decoded { throw UsageError(message: "--decoded prints the payloads instead of sending them; leave out --url, or --decoded") }
        let (client, target) = try sending.client(for: url)
        let delivery = NotificationDelivery(client: client, target: target)
        let speedup = try Self.speedup(retrySpeedup)
        var failed = 0
        for (index, (draft, body)) in zip(drafts, bodies).enumerated() {
            let label = NotificationLabel(draft)
            let attempts = delivery.deliver(body, retries: retry, speedup: speedup) { attempt in
                if format == "json" {
                    Output.standardOutput(AttemptLine.json(attempt, label: label, url: target.description))
                } else {
                    Output.standardOutput("step \(index + 1)/\(drafts.count) " + AttemptLine.text(attempt, label: label, url: target.description, of: retry ? 6 : 1))
                }
                Output.flush()
            }
            guard let last = attempts.last else { continue }
            if last.unreachable, case .failed(let failure) = last.attempt.outcome {
                throw UsageError(message: "cannot reach \(target): \(failure.detail)")
            }
            if last.result != .success { failed += 1 }
        }
        if format == "text" {
            Output.standardOutput("scenario \(scenario.name): \(drafts.count - failed) of \(drafts.count) notifications delivered\n")
        }
        if failed > 0 { throw ExitCode(ExitStatus.findings) }
    }

    /// `--count`: many distinct notifications of TYPE, signed first, then sent `--concurrency` at a time.
    func runLoad(count: Int) throws {
        guard (1...1_000_000).contains(count) else { throw UsageError(message: "--count \(count) is not from 1 to 1000000") }
        let concurrency = self.concurrency ?? 10
        guard (1...256).contains(concurrency) else { throw UsageError(message: "--concurrency \(concurrency) is not from 1 to 256") }
        guard let url else { throw UsageError(message: "--count needs --url: it measures an endpoint") }
        if retry || retrySpeedup != nil { throw UsageError(message: "--retry does not go with --count: a load test counts each failure") }
        if decoded { throw UsageError(message: "--decoded prints one payload; it does not go with --count") }
        let time = try CheckValues.time(now: now)
        let chain = try chainOptions.load(now: time)
        let (client, target) = try sending.client(for: url)
        let base = try subjectOptions.subject()
        var bodies: [[UInt8]] = []
        bodies.reserveCapacity(count)
        var label: NotificationLabel?
        // Signed before the clock starts, so that the figures are the endpoint's, not jwtlint's.
        for _ in 0..<count {
            var subject = base
            if subjectOptions.originalTransactionID == nil { subject.originalTransactionID = NotificationSubject.newTransactionID() }
            let draft = try edited(try makeDraft(now: time, subject: subject))
            if label == nil { label = NotificationLabel(draft) }
            do {
                bodies.append(NotificationSigner.body(signedPayload: try NotificationSigner.sign(draft, with: chain)))
            } catch {
                throw UsageError(message: "cannot sign the notification: \(error)")
            }
        }
        let delivery = NotificationDelivery(client: client, target: target)
        let signed = bodies
        let run = LoadRun.run(count: count, concurrency: concurrency) { delivery.post(signed[$0], number: 1) }
        if run.results.allSatisfy(\.unreachable), case .failed(let failure)? = run.results.first?.attempt.outcome {
            throw UsageError(message: "cannot reach \(target): \(failure.detail)")
        }
        let report = LoadReport(name: label?.name ?? "", url: target.description, concurrency: concurrency, attempts: run.results, seconds: run.seconds)
        Output.standardOutput(format == "json" ? report.json() : report.text())
        Output.flush()
        if run.results.contains(where: { $0.result != .success }) { throw ExitCode(ExitStatus.findings) }
    }

    /// A built-in scenario by name, or a scenario file.
    static func loadScenario(_ nameOrFile: String) throws -> NotificationScenario {
        if let builtIn = NotificationScenario.builtIn(named: nameOrFile) { return builtIn }
        let looksLikeName = !nameOrFile.contains("/") && !nameOrFile.contains(".") && nameOrFile != "-"
        let contents: [UInt8]
        do {
            contents = try FileReader.read(nameOrFile, what: "scenario file", limit: 1024 * 1024, accepting: nameOrFile == "-" ? .stream : .regularFile).contents
        } catch {
            guard looksLikeName else { throw UsageError(message: "\(error)") }
            let names = NotificationScenario.builtIn.map(\.name).joined(separator: ", ")
            throw UsageError(message: "\(nameOrFile) is not a built-in scenario (\(names)), nor a scenario file")
        }
        do {
            return try NotificationScenario(parsing: contents)
        } catch {
            throw UsageError(message: "the scenario file '\(nameOrFile)' \(error.description)")
        }
    }

    static func scenarioList() -> String {
        var text = ""
        for scenario in NotificationScenario.builtIn {
            text += "\(scenario.name): \(scenario.description)\n"
            var day = 0.0
            for (index, step) in scenario.steps.enumerated() {
                if index > 0 { day += step.after / 86_400 }
                let when = day == day.rounded() ? "day \(Int(day))" : "day \((day * 10).rounded() / 10)"
                text += "  \(when): \(step.kind)\n"
            }
        }
        return text
    }
}

/// The figures of a load test of a notification endpoint: throughput, response times, outcomes by Apple's names.
struct LoadReport {
    let name: String
    let url: String
    let concurrency: Int
    let attempts: [DeliveryAttempt]
    let seconds: Double

    var perSecond: Double { Double(attempts.count) / max(seconds, 1e-9) }
    var times: LatencySummary? { LatencySummary(attempts.filter { $0.attempt.answer != nil }.map(\.attempt.seconds)) }
    var outcomes: [(SendAttemptResult, Int)] {
        SendAttemptResult.allCases.compactMap { kind in
            let count = attempts.filter { $0.result == kind }.count
            return count == 0 ? nil : (kind, count)
        }
    }

    func text() -> String {
        var text = "load test of \(url): \(attempts.count) \(name) notifications, \(concurrency) at a time, in \((seconds * 100).rounded() / 100) s: \(Int(perSecond.rounded())) notifications/s\n"
        text += "  outcomes: " + outcomes.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "\n"
        if let times {
            text += "  response times: average \(AttemptLine.milliseconds(times.average)), p50 \(AttemptLine.milliseconds(times.p50)), "
            text += "p90 \(AttemptLine.milliseconds(times.p90)), p99 \(AttemptLine.milliseconds(times.p99)), slowest \(AttemptLine.milliseconds(times.slowest))\n"
        } else {
            text += "  response times: none, no notification was answered\n"
        }
        return text
    }

    func json() -> String {
        func ms(_ seconds: Double) -> JSONValue { .real((seconds * 10_000).rounded() / 10) }
        var timesValue: JSONValue = .null
        if let times {
            timesValue = .object(JSONObject(members: [
                .init(name: "average", value: ms(times.average)), .init(name: "p50", value: ms(times.p50)), .init(name: "p90", value: ms(times.p90)),
                .init(name: "p95", value: ms(times.p95)), .init(name: "p99", value: ms(times.p99)), .init(name: "slowest", value: ms(times.slowest)),
            ]))
        }
        var writer = JSONWriter()
        writer.object(JSONObject(members: [
            .init(name: "url", value: .string(url)), .init(name: "notification", value: .string(name)),
            .init(name: "notifications", value: .integer(Int64(attempts.count))), .init(name: "concurrency", value: .integer(Int64(concurrency))),
            .init(name: "seconds", value: .real((seconds * 1000).rounded() / 1000)), .init(name: "perSecond", value: .real((perSecond * 10).rounded() / 10)),
            .init(name: "responseTimesMilliseconds", value: timesValue),
            .init(name: "sendAttemptResults", value: .object(JSONObject(members: outcomes.map { .init(name: $0.0.rawValue, value: .integer(Int64($0.1))) }))),
        ]))
        return writer.text + "\n"
    }
}
