import BlendBench
import BlendApp
import Foundation

/// `bench --train` and `bench --retrain`: training against PyTorch, and the demo encoders
/// retrained from their features, printed as each measurement ends.
enum TrainBenchText {
    /// The issue's two shapes with blendscope and, if `make torch` created `.venv/` under the
    /// current directory, PyTorch; then each pair against the targets.
    static func train(epochs: Int, threads: Int, json: Bool) throws -> [TrainBenchmarkRow] {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let torch = TorchSetup.find(in: root)
        if torch == nil && !json {
            Output.warn("no PyTorch venv under \(root.path)/.venv (run `make torch`): blendscope only")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blendscope-train-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if !json { Output.line() }
        let rows = try TrainBenchmarks.run(cases: TrainBenchmarkCase.issueCases(epochs: epochs), threads: threads,
                                           torch: torch, directory: directory) { row in
            if !json { Output.line(describe(row)) }
        }
        if !json { for comparison in TrainBenchmarkComparison.pairs(rows) { Output.line(comparison.summary) } }
        return rows
    }

    /// Every demo encoder retrained from its features with the default settings.
    static func retrain(model: Architecture, threads: Int, json: Bool) throws -> [DemoRetrainingRow] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blendscope-retrain-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if !json { Output.line() }
        let rows = try DemoRetraining.run(config: TrainingConfig(architecture: model, threads: threads), directory: directory) { r in
            guard !json else { return }
            Output.line("\(r.encoder) (\(r.featureDimension) features): shipped \(Output.rate(r.shipped.metrics.score)), "
                + "retrained \(Output.rate(r.retrained.metrics.score)) (\(Output.signedRate(r.gain))), "
                + "epochs \(r.epochsRun.map(String.init).joined(separator: "/")), \(String(format: "%.1f", r.seconds)) s")
        }
        if !json {
            let atLeast = rows.filter { $0.gain >= 0 }.count, withinNoise = rows.filter { $0.gain >= -0.01 }.count
            Output.line("\(atLeast) of \(rows.count) encoders retrained (\(model.rawValue)) at least as well as shipped; \(withinNoise) within 0.01")
        }
        return rows
    }

    static func describe(_ row: TrainBenchmarkRow) -> String {
        let o = row.outOfFold
        return "\(row.benchmark.name) · \(row.framework) · \(row.threads) threads: "
            + String(format: "%.3f s/epoch (%d epochs, %.1f s), peak %.0f MB, ", row.secondsPerEpoch, row.epochsRun,
                     row.totalSeconds, Double(row.peakResidentBytes) / 1_048_576)
            + "out-of-fold Score \(Output.rate(o.metrics.score)) at α \(Output.threshold(o.thresholds.alpha)) β \(Output.threshold(o.thresholds.beta))"
    }
}

/// blendscope against PyTorch on one case: the issue's targets, checked.
struct TrainBenchmarkComparison {
    let engine: TrainBenchmarkRow
    let torch: TrainBenchmarkRow

    static func pairs(_ rows: [TrainBenchmarkRow]) -> [TrainBenchmarkComparison] {
        rows.filter { $0.framework == "blendscope" }.compactMap { engine in
            rows.first { $0.framework != "blendscope" && $0.benchmark == engine.benchmark }
                .map { TrainBenchmarkComparison(engine: engine, torch: $0) }
        }
    }

    var speedUp: Double { torch.secondsPerEpoch / engine.secondsPerEpoch }
    var scoreDifference: Double { engine.outOfFold.metrics.score - torch.outOfFold.metrics.score }

    var summary: String {
        let fast = speedUp >= 1.5, equal = abs(scoreDifference) <= 0.01, lean = engine.peakResidentBytes <= torch.peakResidentBytes
        return "\(engine.benchmark.name): " + String(format: "%.2f× faster", speedUp) + (fast ? " (target ≥ 1.5× met)" : " (target 1.5× missed)")
            + ", Score difference \(Output.signedRate(scoreDifference))" + (equal ? " (within ±0.01)" : " (outside ±0.01)")
            + String(format: ", memory %.0f vs %.0f MB", Double(engine.peakResidentBytes) / 1_048_576,
                     Double(torch.peakResidentBytes) / 1_048_576) + (lean ? " (not higher)" : " (higher)")
    }
}
