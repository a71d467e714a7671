import Dispatch
import Testing
@testable import JWTLintHTTP

@Suite("Many requests at once, and their response times")
struct LoadRunTests {
    /// Counts arrivals under a lock.
    final class Arrivals: @unchecked Sendable {
        private let lock = DispatchSemaphore(value: 1)
        private var count = 0
        func arrive() -> Int {
            lock.wait()
            defer { lock.signal() }
            count += 1
            return count
        }
    }

    @Test("Every index is run once and the results come back in index order")
    func resultsInOrder() {
        let run = LoadRun.run(count: 37, concurrency: 5) { $0 * 2 }
        #expect(run.results == (0..<37).map { $0 * 2 })
    }

    @Test("As many calls as the concurrency run at the same time: each of the first four waits for all four")
    func callsOverlap() {
        let arrivals = Arrivals()
        let gate = DispatchSemaphore(value: 0)
        let run = LoadRun.run(count: 8, concurrency: 4) { index -> Bool in
            guard index < 4 else { return true }
            if arrivals.arrive() == 4 {
                for _ in 0..<4 { gate.signal() }
            }
            return gate.wait(timeout: .now() + 20) == .success
        }
        #expect(run.results.allSatisfy { $0 })
    }

    @Test("Percentiles are nearest-rank: of 1 to 100, p50 is 50 and p99 is 99; one value is every percentile")
    func percentiles() throws {
        let summary = try #require(LatencySummary((1...100).map(Double.init).shuffled()))
        #expect(summary.p50 == 50 && summary.p90 == 90 && summary.p95 == 95 && summary.p99 == 99)
        #expect(summary.average == 50.5 && summary.fastest == 1 && summary.slowest == 100 && summary.count == 100)
        let one = try #require(LatencySummary([0.3]))
        #expect(one.p50 == 0.3 && one.p99 == 0.3)
        #expect(LatencySummary([]) == nil)
    }
}
