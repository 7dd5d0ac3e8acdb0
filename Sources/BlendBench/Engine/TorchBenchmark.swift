import BlendEngine
import BlendCore
import BlendStore
import Foundation

/// Where the PyTorch side lives: a Python with torch and numpy (the venv `make torch`
/// creates) and `scripts/torch_bench.py`.
public struct TorchSetup: Sendable, Hashable {
    public var python: URL
    public var script: URL

    public init(python: URL, script: URL) {
        self.python = python
        self.script = script
    }

    /// `.venv/bin/python` and `scripts/torch_bench.py` under `root`, if both exist.
    public static func find(in root: URL) -> TorchSetup? {
        let setup = TorchSetup(python: root.appendingPathComponent(".venv/bin/python"),
                               script: root.appendingPathComponent("scripts/torch_bench.py"))
        let files = FileManager.default
        return files.isExecutableFile(atPath: setup.python.path) && files.fileExists(atPath: setup.script.path) ? setup : nil
    }
}

/// The PyTorch run's report, as `torch_bench.py` prints it.
struct TorchReport: Decodable {
    let framework: String
    let threads: Int
    let epochsRun: Int
    let secondsPerEpoch: Double
    let totalSeconds: Double
    let peakRssBytes: Int
    let score: Double
}

/// A failed PyTorch run, with what the script said.
public struct TorchBenchmarkError: Error, CustomStringConvertible {
    public let description: String
}

enum TorchBenchmark {
    /// Writes the case's data, runs the script on it in a child process and scores the
    /// out-of-fold probabilities it wrote with blendscope's own search.
    static func run(_ benchmark: TrainBenchmarkCase, data: TrainingData, threads: Int, setup: TorchSetup,
                    directory: URL) throws -> TrainBenchmarkRow {
        let npz = directory.appendingPathComponent("case.npz"), oof = directory.appendingPathComponent("oof.npy")
        let folds = data.folds.map { Float($0 ?? -1) }
        try NPZWriter.write([
            ("X", NPYWriter.float32Matrix(data.features, rows: data.rows, columns: data.columns)),
            ("targets", NPYWriter.float32Matrix(SoftLabel.matrix(data.labels), rows: data.rows, columns: Emotion.count)),
            ("folds", NPYWriter.float32Matrix(folds, rows: data.rows, columns: 1)),
        ], to: npz)
        let config = benchmark.config
        let arguments = [setup.script.path, "--data", npz.path, "--oof", oof.path,
                         "--architecture", config.architecture.rawValue, "--epochs", String(config.epochs),
                         "--batch", String(config.batchSize), "--lr", String(config.learningRate),
                         "--weight-decay", String(config.weightDecay), "--dropout", String(config.dropout),
                         "--seed", String(config.seed), "--threads", String(threads)]
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_NUM_THREADS"] = String(threads)
        // PyTorch's OpenMP threads spin while they wait by default: on a machine shared with
        // other work that made its epochs 5–15× slower and erratic here. Waiting passively is
        // its best case, so compare against that unless the caller chose otherwise.
        if environment["OMP_WAIT_POLICY"] == nil { environment["OMP_WAIT_POLICY"] = "PASSIVE" }
        let run = try ChildProcess.run(setup.python, arguments, environment: environment)
        guard run.status == 0,
              let line = String(decoding: run.stdout, as: UTF8.self).split(separator: "\n").last else {
            throw TorchBenchmarkError(description: "torch_bench.py failed (exit \(run.status)): "
                + String(decoding: run.stderr, as: UTF8.self).suffix(2000))
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let report = try decoder.decode(TorchReport.self, from: Data(line.utf8))
        guard case .float64(let probabilities) = try NPYReader.read(contentsOf: oof).elements,
              probabilities.count == data.rows * Emotion.count else {
            throw TorchBenchmarkError(description: "torch_bench.py wrote no \(data.rows) × 6 float64 probabilities")
        }
        let clips = TrainBenchmarks.clips(of: data)
        return TrainBenchmarkRow(framework: report.framework, benchmark: benchmark, threads: report.threads,
                                 epochsRun: report.epochsRun, secondsPerEpoch: report.secondsPerEpoch,
                                 totalSeconds: report.totalSeconds, peakResidentBytes: report.peakRssBytes,
                                 outOfFold: ThresholdSearch.sweep(ScoredClips(clips: clips, probabilities: probabilities)),
                                 ownScore: report.score)
    }
}
