import BlendCore

/// Medians of repeated timings, the only way `blendscope bench` measures: these machines are
/// noisy, so one run says little and a median of several says much more.
public struct BenchmarkResult: Sendable, Codable, Hashable {
    public let name: String
    /// Median wall time of one run, in milliseconds.
    public let medianMilliseconds: Double
    public let fastestMilliseconds: Double
    public let runs: Int
    /// The figure the issue asks for, in milliseconds, if there is one.
    public let targetMilliseconds: Double?

    public var meetsTarget: Bool? { targetMilliseconds.map { medianMilliseconds <= $0 } }
}

public enum Benchmark {
    /// Runs `body` once untimed (warm caches, lazy initialisation), then `repeats` timed runs.
    public static func measure(_ name: String, repeats: Int, target: Double? = nil,
                               _ body: () throws -> Void) rethrows -> BenchmarkResult {
        precondition(repeats > 0)
        try body()
        let clock = ContinuousClock()
        var times: [Double] = []
        times.reserveCapacity(repeats)
        for _ in 0..<repeats {
            let start = clock.now
            try body()
            times.append(milliseconds(clock.now - start))
        }
        times.sort()
        let median = times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
        return BenchmarkResult(name: name, medianMilliseconds: median, fastestMilliseconds: times[0],
                               runs: repeats, targetMilliseconds: target)
    }

    public static func milliseconds(_ d: Duration) -> Double { d.inSeconds * 1000 }
}

/// Keeps a computed value alive so the optimiser cannot drop the work that produced it.
@inline(never)
public func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
