import BlendCore

/// The evaluation core's figures: threshold sweeps and one evaluation, on clips of a given
/// count (the demo project's own, or synthetic ones for scale).
public enum CoreBenchmarks {
    /// Sweeps include building the index, as a fresh source (a new fusion, say) would pay it.
    public static func run(on clips: ScoredClips, label: String, repeats: Int,
                           targets: (official: Double, fine: Double)?) -> [BenchmarkResult] {
        let fine = ThresholdGrid.regular(step: 0.01)
        return [
            Benchmark.measure("sweep 20×20 · \(label)", repeats: repeats, target: targets?.official) {
                blackHole(SweepIndex(clips).sweep(grid: .official).best)
            },
            Benchmark.measure("sweep 101×101 · \(label)", repeats: repeats, target: targets?.fine) {
                blackHole(SweepIndex(clips).sweep(grid: fine).best)
            },
            Benchmark.measure("eval one α/β · \(label)", repeats: repeats) {
                blackHole(SweepIndex(clips).metrics(at: Thresholds(alpha: 0.1, beta: 0.2)))
            },
            Benchmark.measure("eval one α/β, naive decode · \(label)", repeats: repeats) {
                blackHole(clips.evaluate(Thresholds(alpha: 0.1, beta: 0.2)))
            },
        ]
    }
}
