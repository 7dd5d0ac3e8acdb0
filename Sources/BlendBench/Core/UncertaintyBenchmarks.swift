import BlendCore

/// The uncertainty figures `blendscope bench --uncertainty` reports, each at the defaults
/// (2,000 replicates or permutations), from a source's ``SweepIndex`` already built: the
/// per-actor counts are made inside the timed body.
public enum UncertaintyBenchmarks {
    /// Targets from issue 13, in milliseconds.
    public static let fixedTarget = 5.0
    public static let bestTarget = 25.0
    public static let testTarget = 100.0
    public static let largeTarget = 50.0

    public static func run(on clips: ScoredClips, large: ScoredClips?, repeats: Int) -> [BenchmarkResult] {
        let index = SweepIndex(clips)
        let best = index.sweep(grid: .official).best.thresholds
        let label = "\(clips.count) clips"
        var results = [
            Benchmark.measure("fixed-threshold interval, 2,000 replicates · \(label)", repeats: repeats, target: fixedTarget) {
                blackHole(index.intervals(at: best))
            },
            Benchmark.measure("best-threshold bootstrap 20×20, 2,000 replicates · \(label)", repeats: repeats, target: bestTarget) {
                blackHole(index.plan(.official).thresholdBootstrap())
            },
            Benchmark.measure("actor heterogeneity test, 2,000 permutations · \(label)", repeats: repeats, target: testTarget) {
                blackHole(index.actorHeterogeneity())
            },
            Benchmark.measure("fold heterogeneity test, 2,000 permutations · \(label)", repeats: repeats, target: testTarget) {
                blackHole(index.plan(.official).foldHeterogeneity())
            },
        ]
        if let large {
            let bigIndex = SweepIndex(large)
            results.append(Benchmark.measure("fixed-threshold interval, 2,000 replicates · \(large.count) clips",
                                             repeats: repeats, target: large.count == 100_000 ? largeTarget : nil) {
                blackHole(bigIndex.intervals(at: best))
            })
        }
        return results
    }
}
