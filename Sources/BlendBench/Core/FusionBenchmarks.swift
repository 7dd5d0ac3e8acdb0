import BlendCore

/// The fusion figures of issue 5, on any encoders (the demo project's twelve, or
/// ``FusionInputs/referenceLike(clipCount:seed:)`` for scale): greedy selection, coordinate
/// ascent and one live weight change, each with the 20×20 α/β search inside, and the naive
/// approach on the same greedy job for comparison.
public enum FusionBenchmarks {
    /// The targets, in milliseconds.
    public static let greedyTarget = 500.0
    public static let coordinateTarget = 2000.0
    public static let weightChangeTarget = 5.0

    /// - Parameters:
    ///   - inputs: every clip counts (the optimisers see what a global run on them would).
    ///   - naive: also time greedy selection that re-fuses every clip from scratch and decodes
    ///     every clip at every α/β cell; it is slow (seconds), so it runs once, untimed warm-up
    ///     skipped, and its name carries the ratio to the fast path.
    public static func run(on inputs: FusionInputs, label: String, repeats: Int, rounds: Int = 25,
                           naive: Bool = true) throws -> [BenchmarkResult] {
        let size = "\(inputs.encoderCount) encoders × \(inputs.clipCount) clips · \(label)"
        let greedy = try Benchmark.measure("fuse greedy \(rounds) rounds · \(size)", repeats: repeats, target: greedyTarget) {
            blackHole(try GreedySelection.run(inputs, rounds: rounds))
        }
        let coordinate = try Benchmark.measure("fuse coordinate ascent from equal weights · \(size)", repeats: repeats,
                                           target: coordinateTarget) {
            blackHole(try CoordinateAscent.run(inputs, start: FusionWeights.equal(inputs.encoderCount)))
        }
        // One slider move: one axpy, then the fused clips' best α/β and its ACC_P / ACC_S.
        var scorer = FusionScorer(inputs: inputs, weights: FusionWeights.equal(inputs.encoderCount))
        var flip = false
        let change = Benchmark.measure("fuse one weight change → ACC_P/ACC_S at best α/β · \(size)", repeats: max(repeats, 21),
                                       target: weightChangeTarget) {
            flip.toggle()
            scorer.commit(0, at: flip ? 0.5 : 1 / Double(inputs.encoderCount))
            blackHole(scorer.current())
        }
        var results = [greedy, coordinate, change]
        if naive {
            let clock = ContinuousClock()
            let start = clock.now
            blackHole(try GreedySelection.run(inputs, rounds: rounds, scoring: .naive))
            let ms = Benchmark.milliseconds(clock.now - start)
            let ratio = ms / greedy.medianMilliseconds
            results.append(BenchmarkResult(
                name: "fuse greedy \(rounds) rounds, naive: re-fuse and decode every clip at every α/β cell "
                    + "(\(formatRatio(ratio))× the fast path) · \(size)",
                medianMilliseconds: ms, fastestMilliseconds: ms, runs: 1, targetMilliseconds: nil))
        }
        return results
    }

    /// How many times slower the naive greedy run was than the fast one, if both are present.
    public static func naiveRatio(_ results: [BenchmarkResult]) -> Double? {
        guard let fast = results.first(where: { $0.name.hasPrefix("fuse greedy") && !$0.name.contains("naive") }),
              let slow = results.first(where: { $0.name.hasPrefix("fuse greedy") && $0.name.contains("naive") }) else { return nil }
        return slow.medianMilliseconds / fast.medianMilliseconds
    }

    private static func formatRatio(_ x: Double) -> String {
        x >= 10 ? "\(Int(x.rounded()))" : "\((x * 10).rounded() / 10)"
    }
}
