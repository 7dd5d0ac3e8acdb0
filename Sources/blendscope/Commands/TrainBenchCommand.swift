import ArgumentParser
import BlendEngine
import Foundation

struct TrainBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-train",
        abstract: "Time cross-validated training against PyTorch on the same data, folds and settings.",
        discussion: """
            blendscope bench-train --threads 2 --epochs 3
            Trains the baselines' MLP-512 on 2,456 × 1,024 features and the reference system's
            1024→512 head on 2,456 × 7,168 (seeded synthetic features, BLEMORE-shaped labels and
            five folds; batch 32, lr 5e-4, weight decay 1e-4, dropout 0.3), with blendscope and,
            if `make torch` created .venv/ here, with PyTorch on the CPU. Prints wall time per
            epoch, peak memory and the out-of-fold Score (both scored by blendscope's search).
            Run from the repository root, on a quiet machine.
            blendscope bench-train --demo --model mlp256
            Builds the demo project and retrains every encoder from its features with the
            default settings (100 epochs, patience 10 on the validation Score), printing its
            out-of-fold Score beside the shipped probabilities'.
            """)

    @Option(help: "Threads for OpenBLAS and for PyTorch.")
    var threads = 2

    @Option(help: "Epochs per fold (all are trained; the best by validation Score is kept).")
    var epochs = 3

    @Option(help: "Where .venv/ and scripts/torch_bench.py are (default: the current directory).")
    var root: String?

    @Flag(help: "Only blendscope, even if the PyTorch venv exists.")
    var noTorch = false

    @Flag(help: "Instead: retrain every demo encoder from its features and compare with the shipped Scores.")
    var demo = false

    @Option(help: "The head --demo retrains.")
    var model: Architecture = .mlp256

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
    }

    func run() throws {
        let rootURL = URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath)
        let torch = noTorch ? nil : TorchSetup.find(in: rootURL)
        if torch == nil && !noTorch && !output.json {
            Output.warn("no PyTorch venv under \(rootURL.path)/.venv (run `make torch`): blendscope only")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blendscope-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if demo { return try runDemo(directory: directory) }
        let rows = try TrainBenchmarks.run(cases: TrainBenchmarkCase.issueCases(epochs: epochs), threads: threads,
                                           torch: torch, directory: directory) { row in
            if !output.json { Output.line(Self.describe(row)) }
        }
        if output.json { return try Output.json(rows) }
        for comparison in TrainBenchmarkComparison.pairs(rows) { Output.line(comparison.summary) }
    }

    private func runDemo(directory: URL) throws {
        let config = TrainingConfig(architecture: model, threads: threads)
        let rows = try DemoRetraining.run(config: config, directory: directory) { r in
            guard !output.json else { return }
            Output.line("\(r.encoder) (\(r.featureDimension) features): shipped \(Output.rate(r.shipped.metrics.score)), "
                + "retrained \(Output.rate(r.retrained.metrics.score)) (\(String(format: "%+.3f", r.gain))), "
                + "epochs \(r.epochsRun.map(String.init).joined(separator: "/")), \(String(format: "%.1f", r.seconds)) s")
        }
        if output.json { return try Output.json(rows) }
        let atLeast = rows.filter { $0.gain >= 0 }.count, withinNoise = rows.filter { $0.gain >= -0.01 }.count
        Output.line("\(atLeast) of \(rows.count) encoders retrained at least as well as shipped; \(withinNoise) within 0.01")
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
            + String(format: ", Score difference %+.3f", scoreDifference) + (equal ? " (within ±0.01)" : " (outside ±0.01)")
            + String(format: ", memory %.0f vs %.0f MB", Double(engine.peakResidentBytes) / 1_048_576,
                     Double(torch.peakResidentBytes) / 1_048_576) + (lean ? " (not higher)" : " (higher)")
    }
}
