import BlendCore

/// The error-analysis figures `blendscope bench` reports: confusion tables, the per-actor β
/// analysis, nested per-fold selection and label review, each on one source's clips.
public enum AnalysisBenchmarks {
    /// Targets from issue 3, in milliseconds, on the demo project's 3,050 clips.
    public static let confusionTarget = 5.0
    public static let actorTarget = 50.0
    public static let foldTarget = 50.0

    /// Times each analysis as a fresh source pays for it: the sweep index is built inside the
    /// timed body, since a new fusion or encoder arrives without one. Confusion tables and the
    /// per-actor analysis run at the source's best cell of the official grid, where an analyst
    /// usually starts.
    public static func run(on clips: ScoredClips, repeats: Int) -> [BenchmarkResult] {
        let best = SweepIndex(clips).sweep(grid: .official).best.thresholds
        let actors = Set(clips.clips.map(\.actor)).count
        let label = "\(clips.count) clips"
        return [
            Benchmark.measure("confusion tables · \(label)", repeats: repeats, target: confusionTarget) {
                blackHole(clips.confusionTables(at: best))
            },
            Benchmark.measure("per-actor β analysis · \(actors) actors", repeats: repeats, target: actorTarget) {
                blackHole(SweepIndex(clips).actorBetas(alpha: best.alpha))
            },
            Benchmark.measure("nested per-fold selection · \(label)", repeats: repeats, target: foldTarget) {
                blackHole(SweepIndex(clips).plan(.official).foldReport())
            },
            Benchmark.measure("label review · \(label)", repeats: repeats) {
                blackHole(clips.labelReview())
            },
        ]
    }
}
