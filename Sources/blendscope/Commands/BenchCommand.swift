import ArgumentParser
import BlendCore
import BlendEngine
import BlendMedia
import BlendStore
import BlendTUI
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure blendscope's speed: medians of repeated runs, beside the targets.",
        discussion: """
            blendscope bench                  import, open, sweeps, eval and analyses on the demo project,
                                              and the sweeps on 100,000 synthetic clips
            blendscope bench --fuse           also the fusion optimisers (and the naive approach, with the ratio)
            blendscope bench --media          also video decoding (beside ffmpeg's own extraction)
            blendscope bench --tui            also the TUI's first frame and α/β step, rendered off-screen
            blendscope bench --train          also cross-validated training against PyTorch (after `make torch`):
                                              MLP-512 on 2,456 × 1,024 and the 1024→512 head on 2,456 × 7,168
            blendscope bench --retrain        also every demo encoder retrained from its features
            blendscope bench --uncertainty    also the intervals and tests (2,000 replicates), beside
                                              scripts/uncertainty_reference.py (numpy) on the same clips
            blendscope bench --startup        also whole-process latency and peak memory of --help, eval, sweep and
                                              confusion on demo/demo.sqlite (--startup-project), 21 runs each,
                                              beside a Swift hello world compiled in the same run
            Build in release (make build) before trusting the figures.
            """)

    @Option(help: "Also sweep this many synthetic clips (0 to skip).")
    var clips: Int = 100_000

    @Option(help: "Timed runs per figure (after one untimed warm-up).")
    var repeats: Int = 15

    @Flag(help: "Also time the fusion optimisers on the demo's 12 encoders.")
    var fuse = false

    @Flag(help: "Also time video probing, decoding and rendering.")
    var media = false

    @Flag(help: "Also time the TUI: first frame, and an α/β step with its new frame, rendered off-screen.")
    var tui = false

    @Flag(help: "Also time training against PyTorch on the same data, folds and settings.")
    var train = false

    @Option(help: "Epochs per fold for --train (all run; the best by validation Score is kept).")
    var trainEpochs = 3

    @Option(help: "Threads for --train and --retrain (OpenBLAS and PyTorch alike).")
    var trainThreads = 2

    @Flag(help: "Also retrain every demo encoder from its features and compare with the shipped Scores.")
    var retrain = false

    @Option(help: "The head --retrain trains.")
    var retrainModel: Architecture = .mlp256

    @Flag(help: "Also time the bootstrap intervals and permutation tests, beside the numpy reference script.")
    var uncertainty = false

    @Flag(help: "Also time whole processes: --help, eval, sweep and confusion, beside a Swift hello world.")
    var startup = false

    @Option(help: "The project --startup runs the verbs on (its current source and thresholds).")
    var startupProject = "demo/demo.sqlite"

    @Option(help: ArgumentHelp("The blendscope binary --startup times (default: this one), to compare builds.",
                               visibility: .hidden))
    var startupBinary: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try UserLimits.epochs.validate(trainEpochs, "--train-epochs")
        try UserLimits.threads.validate(trainThreads, "--train-threads")
        try UserLimits.benchRepeats.validate(repeats, "--repeats")
        try UserLimits.benchClips.validate(clips, "--clips")
    }

    struct Report: Encodable {
        let results: [BenchmarkResult]
        let fusionNaiveRatio: Double?
        /// numpy's median for the same statistic on the same clips, by benchmark name.
        let numpyMilliseconds: [String: Double]?
        let media: MediaBenchmarkReport?
        let training: [TrainBenchmarkRow]?
        let retraining: [DemoRetrainingRow]?
        let startup: StartupBenchmark.Report?
    }

    func run() throws {
        var results: [BenchmarkResult] = []
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("blendscope-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        if startup, !FileManager.default.fileExists(atPath: startupProject) {
            throw ValidationError("--startup: \(startupProject) not found (build it with `make demo` or give --startup-project)")
        }

        // The demo project's files, written once; imports are timed into fresh projects.
        let dataset = DemoGenerator().generate()
        let files = try DemoProject.writeFiles(dataset, to: scratch.appendingPathComponent("files"))
        var run = 0
        func freshProject() -> URL {
            run += 1
            return scratch.appendingPathComponent("import-\(run).sqlite")
        }
        results.append(try Benchmark.measure("import 3,050 clips × \(files.encoders.count) encoders' probabilities",
                                             repeats: min(repeats, 5), target: 1000) {
            try DemoProject.importFiles(files, into: ProjectStore(at: freshProject(), create: true), features: false)
        })
        let project = freshProject()
        let store = try ProjectStore(at: project, create: true)
        try DemoProject.importFiles(files, into: store, features: false)
        results.append(try Benchmark.measure("open project + load all probabilities", repeats: repeats, target: 100) {
            blackHole(try ProjectStore(at: project, create: false).allProbabilities())
        })

        // The strongest single encoder stands for "a source" in the core's figures.
        let best = try dataset.encoders
            .map { e -> (ScoredClips, Double) in
                let clips = try store.scoredClips(encoder: e.name)
                return (clips, SweepIndex(clips).sweep(grid: .official).best.metrics.score)
            }
            .max { $0.1 < $1.1 }!.0
        results += CoreBenchmarks.run(on: best, label: "\(best.count) clips", repeats: repeats * 4,
                                      targets: (official: 1, fine: 5))
        results += AnalysisBenchmarks.run(on: best, repeats: repeats * 2)
        if clips > 0 {
            let synthetic = ScoredClips.synthetic(count: clips, seed: 7)
            results += CoreBenchmarks.run(on: synthetic, label: "\(clips) clips", repeats: repeats,
                                          targets: clips == 100_000 ? (official: 20, fine: 100) : nil)
        }
        var numpy: [String: Double]?
        if uncertainty {
            let large = clips > 0 ? ScoredClips.synthetic(count: clips, seed: 7) : nil
            let figures = UncertaintyBenchmarks.run(on: best, large: large, repeats: repeats)
            results += figures
            numpy = UncertaintyNumpy.times(demo: best, large: large, names: figures.map(\.name),
                                           directory: scratch.appendingPathComponent("numpy"), repeats: min(repeats, 5))
        }
        var naiveRatio: Double?
        if fuse {
            let fusion = try FusionBenchmarks.run(on: try store.fusionInputs(), label: "demo", repeats: min(repeats, 5))
            naiveRatio = FusionBenchmarks.naiveRatio(fusion)
            results += fusion
        }
        if tui {
            results += try TUIBenchmarks.run(projectPath: project.path, syntheticCount: clips > 0 ? clips : 100_000,
                                             repeats: min(repeats, 9))
        }
        var mediaReport: MediaBenchmarkReport?
        if media {
            let folder = scratch.appendingPathComponent("media")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            mediaReport = try MediaBenchmark.run(directory: folder.path)
        }

        // Whole processes last, with this process idle in between: the figures a script sees.
        let startupReport = startup
            ? try StartupBenchmark.run(binary: startupBinary ?? StartupBenchmark.currentExecutable(), project: startupProject,
                                       runs: 21, scratch: scratch.appendingPathComponent("startup"))
            : nil

        // Training prints as it goes (minutes per case), after the quick figures.
        if !output.json {
            printResults(results, naiveRatio: naiveRatio, media: mediaReport, numpy: numpy)
            if let startupReport { Output.line(); Output.line(startupReport.summary) }
        }
        let training = train ? try TrainBenchText.train(epochs: trainEpochs, threads: trainThreads, json: output.json) : nil
        let retraining = retrain ? try TrainBenchText.retrain(model: retrainModel, threads: trainThreads, json: output.json) : nil
        if output.json {
            return try Output.json(Report(results: results, fusionNaiveRatio: naiveRatio, numpyMilliseconds: numpy,
                                          media: mediaReport,
                                          training: training, retraining: retraining, startup: startupReport))
        }
    }

    private func printResults(_ results: [BenchmarkResult], naiveRatio: Double?, media mediaReport: MediaBenchmarkReport?,
                              numpy: [String: Double]? = nil) {
        Output.line(Output.table(
            ["benchmark", "median ms", "fastest ms", "runs", "target ms", ""] + (numpy == nil ? [] : ["numpy ms", "ratio"]),
            results.map { r in
                let row = [r.name, String(format: "%.3f", r.medianMilliseconds), String(format: "%.3f", r.fastestMilliseconds),
                           "\(r.runs)", r.targetMilliseconds.map { String(format: "≤ %.0f", $0) } ?? "",
                           r.meetsTarget.map { $0 ? "✓" : "✗ over" } ?? ""]
                guard let numpy else { return row }
                guard let n = numpy[r.name] else { return row + ["", ""] }
                return row + [String(format: "%.1f", n), String(format: "%.0f×", n / max(r.medianMilliseconds, 1e-6))]
            }, rightAligned: [1, 2, 3, 4, 6, 7]))
        if let naiveRatio { Output.line(String(format: "fusion: the naive approach is %.0f× slower than blendscope's", naiveRatio)) }
        if let mediaReport { Output.line(); Output.line(mediaReport.summary) }
    }
}
