import BlendCore
import BlendApp
import BlendDemo
import Foundation

/// What `blendscope bench` measures besides the figures it always takes.
public struct BenchOptions: Sendable {
    /// Synthetic clips for the scale figures (0 skips them).
    public var clips = 100_000
    public var repeats = 15
    public var fuse = false
    public var media = false
    public var tui = false
    public var uncertainty = false
    /// The project and binary `--startup` times whole processes on, when set.
    public var startup: (project: String, binary: String)?

    public init() {}
}

/// Every in-process figure of one `blendscope bench` run, and the whole-process ones.
public struct BenchFigures: Sendable {
    public var results: [BenchmarkResult] = []
    /// How many times slower the naive fusion is than blendscope's (`--fuse`).
    public var fusionNaiveRatio: Double?
    /// numpy's median for the same statistic on the same clips, by benchmark name (`--uncertainty`).
    public var numpyMilliseconds: [String: Double]?
    public var media: MediaBenchmarkReport?
    public var startup: StartupBenchmark.Report?
}

/// The quick figures of `blendscope bench`, in the order it prints them: the demo project's
/// files imported and opened, the core's sweeps and analyses on its strongest encoder and on
/// synthetic clips, then what the options add. Training figures (minutes each) are separate:
/// ``TrainBenchmarks`` and ``DemoRetraining``.
public enum BenchSuite {
    /// Runs in `scratch` (created; the caller removes it). `warn` hears what could not be measured.
    public static func run(_ options: BenchOptions, scratch: URL, warn: (String) -> Void) throws -> BenchFigures {
        var figures = BenchFigures()
        let repeats = options.repeats
        // The demo project's files, written once; imports are timed into fresh projects.
        let dataset = DemoGenerator().generate()
        let files = try DemoProject.writeFiles(dataset, to: scratch.appendingPathComponent("files"))
        var run = 0
        func freshProject() -> URL {
            run += 1
            return scratch.appendingPathComponent("import-\(run).sqlite")
        }
        figures.results.append(try Benchmark.measure("import 3,050 clips × \(files.encoders.count) encoders' probabilities",
                                                     repeats: min(repeats, 5), target: 1000) {
            try DemoProject.importFiles(files, into: ProjectSession(path: freshProject().path, create: true), features: false)
        })
        let project = freshProject()
        let session = try ProjectSession(path: project.path, create: true)
        try DemoProject.importFiles(files, into: session, features: false)
        figures.results.append(try Benchmark.measure("open project + load all probabilities", repeats: repeats, target: 100) {
            blackHole(try ProjectSession(path: project.path).allProbabilities())
        })

        // The strongest single encoder stands for "a source" in the core's figures.
        var best: (clips: ScoredClips, score: Double)?
        for encoder in dataset.encoders {
            let clips = try session.scoredClips(.encoder(encoder.name))
            let score = SweepIndex(clips).sweep(grid: .official).best.metrics.score
            if best.map({ score > $0.score }) ?? true { best = (clips, score) }
        }
        guard let source = best?.clips else { return figures }
        figures.results += CoreBenchmarks.run(on: source, label: "\(source.count) clips", repeats: repeats * 4,
                                              targets: (official: 1, fine: 5))
        figures.results += AnalysisBenchmarks.run(on: source, repeats: repeats * 2)
        let synthetic = options.clips > 0 ? ScoredClips.synthetic(count: options.clips, seed: 7) : nil
        if let synthetic {
            figures.results += CoreBenchmarks.run(on: synthetic, label: "\(options.clips) clips", repeats: repeats,
                                                  targets: options.clips == 100_000 ? (official: 20, fine: 100) : nil)
        }
        if options.uncertainty {
            let uncertainty = UncertaintyBenchmarks.run(on: source, large: synthetic, repeats: repeats)
            figures.results += uncertainty
            figures.numpyMilliseconds = UncertaintyNumpy.times(demo: source, large: synthetic, names: uncertainty.map(\.name),
                                                               directory: scratch.appendingPathComponent("numpy"),
                                                               repeats: min(repeats, 5), warn: warn)
        }
        if options.fuse {
            let fusion = try FusionBenchmarks.run(on: try session.fusionInputs(), label: "demo", repeats: min(repeats, 5))
            figures.fusionNaiveRatio = FusionBenchmarks.naiveRatio(fusion)
            figures.results += fusion
        }
        if options.tui {
            figures.results += try TUIBenchmarks.run(projectPath: project.path,
                                                     syntheticCount: options.clips > 0 ? options.clips : 100_000,
                                                     repeats: min(repeats, 9))
        }
        if options.media {
            let folder = scratch.appendingPathComponent("media")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            figures.media = try MediaBenchmark.run(directory: folder.path)
        }
        // Whole processes last, with this process idle in between: the figures a script sees.
        if let startup = options.startup {
            figures.startup = try StartupBenchmark.run(binary: startup.binary, project: startup.project, runs: 21,
                                                       scratch: scratch.appendingPathComponent("startup"))
        }
        return figures
    }
}
