internal import Dispatch

/// Runs many blocking requests, a fixed number at a time, each on a thread of its own: what a load test of a
/// webhook, or a local run of Retention Messaging's performance test, needs.
package enum LoadRun {
    /// Calls `work` once for each index below `count`, with `concurrency` calls running at once (each worker takes
    /// every `concurrency`-th index), and returns the results in index order with the whole run's wall-clock time.
    package static func run<Result: Sendable>(
        count: Int, concurrency: Int, _ work: @escaping @Sendable (Int) -> Result
    ) -> (results: [Result], seconds: Double) {
        let workers = max(1, min(concurrency, count))
        let boxes = (0..<workers).map { _ in ResultBox<Result>() }
        let group = DispatchGroup()
        let start = Deadline.now()
        for worker in 0..<workers {
            let box = boxes[worker]
            // A serial queue of its own runs on an overcommitting thread, so a worker blocked on its socket never
            // holds back another, whatever the number of cores.
            DispatchQueue(label: "jwtlint.load.\(worker)").async(group: group) {
                var index = worker
                while index < count {
                    box.results.append((index, work(index)))
                    index += workers
                }
            }
        }
        group.wait()
        let seconds = Deadline.now() - start
        let merged = boxes.flatMap(\.results).sorted { $0.0 < $1.0 }.map(\.1)
        return (merged, seconds)
    }

    /// One worker's results. `@unchecked Sendable`: only that worker writes it, and it is read only after the group's
    /// wait, which orders the writes before the read.
    private final class ResultBox<Result>: @unchecked Sendable {
        var results: [(Int, Result)] = []
    }
}

/// Response times summed up as Apple's performance test reports them: the average and the 50th, 90th, 95th and
/// 99th percentiles (nearest rank), with the fastest and slowest, in seconds.
package struct LatencySummary: Sendable, Equatable {
    package let count: Int
    package let average: Double
    package let p50: Double
    package let p90: Double
    package let p95: Double
    package let p99: Double
    package let fastest: Double
    package let slowest: Double

    /// The summary of `seconds`; `nil` when there is none.
    package init?(_ seconds: [Double]) {
        guard !seconds.isEmpty else { return nil }
        let sorted = seconds.sorted()
        count = sorted.count
        average = sorted.reduce(0, +) / Double(sorted.count)
        p50 = Self.percentile(50, of: sorted)
        p90 = Self.percentile(90, of: sorted)
        p95 = Self.percentile(95, of: sorted)
        p99 = Self.percentile(99, of: sorted)
        fastest = sorted[0]
        slowest = sorted[sorted.count - 1]
    }

    /// The nearest-rank percentile: the smallest value with at least `percent` of the values at or below it.
    package static func percentile(_ percent: Double, of sorted: [Double]) -> Double {
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
