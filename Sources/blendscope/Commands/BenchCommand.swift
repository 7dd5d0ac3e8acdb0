import ArgumentParser
import BlendBench
import BlendCore
import BlendApp
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure blendscope's speed: medians of repeated runs, beside the targets.",
        discussion: HelpText.reflow("""
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
            """))

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

    @Option(help: ArgumentHelp("Time one clip selected through to its first video frame drawn, in this process, "
                               + "and print the milliseconds (what --startup runs in fresh processes).",
                               valueName: "video", visibility: .private))
    var firstVideoFrame: String?

    @Option(help: ArgumentHelp("With --first-video-frame: first read this project as the workbench does (which "
                               + "preloads FFmpeg when it links videos), wait for that load, then time the clip; "
                               + "prints the frame's milliseconds and when the load was done.",
                               valueName: "project", visibility: .private))
    var preloadProject: String?

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
        if let firstVideoFrame, let preloadProject {
            let frame = ClipVideoBenchmark.firstFrameAfterPreload(path: firstVideoFrame, project: preloadProject)
            guard let milliseconds = frame.milliseconds, let ready = frame.ready else {
                throw ValidationError("\(firstVideoFrame): \(frame.failure ?? "no frame")")
            }
            return Output.line(String(format: "%.3f %.3f", milliseconds, ready))
        }
        if let firstVideoFrame {
            let frame = ClipVideoBenchmark.firstFrameOnce(path: firstVideoFrame)
            guard let milliseconds = frame.milliseconds else {
                throw ValidationError("\(firstVideoFrame): \(frame.failure ?? "no frame")")
            }
            return Output.line(String(format: "%.3f", milliseconds))
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("blendscope-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        if startup, !FileManager.default.fileExists(atPath: startupProject) {
            throw ValidationError("--startup: \(startupProject) not found (build it with `make demo` or give --startup-project)")
        }
        var options = BenchOptions()
        options.clips = clips
        options.repeats = repeats
        options.fuse = fuse
        options.media = media
        options.tui = tui
        options.uncertainty = uncertainty
        if startup { options.startup = (startupProject, startupBinary ?? StartupBenchmark.currentExecutable()) }
        let figures = try BenchSuite.run(options, scratch: scratch, warn: { Output.warn($0) })

        // Training prints as it goes (minutes per case), after the quick figures.
        if !output.json {
            printResults(figures.results, naiveRatio: figures.fusionNaiveRatio, media: figures.media,
                         numpy: figures.numpyMilliseconds)
            if let report = figures.startup { Output.line(); Output.line(StartupBenchText.summary(report)) }
        }
        let training = train ? try TrainBenchText.train(epochs: trainEpochs, threads: trainThreads, json: output.json) : nil
        let retraining = retrain ? try TrainBenchText.retrain(model: retrainModel, threads: trainThreads, json: output.json) : nil
        if output.json {
            return try Output.json(Report(results: figures.results, fusionNaiveRatio: figures.fusionNaiveRatio,
                                          numpyMilliseconds: figures.numpyMilliseconds, media: figures.media,
                                          training: training, retraining: retraining, startup: figures.startup))
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
