import BlendEngine
import BlendCore
import Foundation

/// One framework's measurement of one case.
public struct TrainBenchmarkRow: Sendable, Codable, Hashable {
    /// `blendscope` or `torch <version>`.
    public let framework: String
    public let benchmark: TrainBenchmarkCase
    public let threads: Int
    public let epochsRun: Int
    /// Wall time of the whole cross-validation (training, validation, threshold search)
    /// divided by the epochs run.
    public let secondsPerEpoch: Double
    public let totalSeconds: Double
    /// Peak resident memory during the case (data, training, results).
    public let peakResidentBytes: Int
    /// The out-of-fold Score at the official grid's best α/β, by blendscope's search for
    /// both frameworks, so that the Scores compare like with like.
    public let outOfFold: ThresholdChoice
    /// The framework's own search's Score (the same number when both searches agree).
    public let ownScore: Double
}

/// `blendscope bench --train`: blendscope's engine and, when a PyTorch setup is given, the
/// same training in PyTorch, on the same data and folds, one case after the other.
public enum TrainBenchmarks {
    /// Runs each case with blendscope, then with PyTorch. `directory` holds the data files
    /// handed to the script. The OpenBLAS thread count is restored afterwards.
    public static func run(cases: [TrainBenchmarkCase], threads: Int, torch: TorchSetup?, directory: URL,
                           onRow: (TrainBenchmarkRow) -> Void = { _ in }) throws -> [TrainBenchmarkRow] {
        var rows: [TrainBenchmarkRow] = []
        for benchmark in cases {
            PeakMemory.reset()
            let row = try measureEngine(benchmark, threads: threads)
            rows.append(row)
            onRow(row)
            if let torch {
                let data = benchmark.makeData()
                let torchRow = try TorchBenchmark.run(benchmark, data: data, threads: threads, setup: torch,
                                                      directory: directory)
                rows.append(torchRow)
                onRow(torchRow)
            }
        }
        return rows
    }

    /// blendscope's side of one case, data generation included in the memory peak.
    static func measureEngine(_ benchmark: TrainBenchmarkCase, threads: Int) throws -> TrainBenchmarkRow {
        let previous = Gemm.threads
        defer { Gemm.setThreads(previous) }
        let data = benchmark.makeData()
        var config = benchmark.config
        config.threads = threads
        let clock = ContinuousClock()
        let start = clock.now
        let result = try CrossValidation.run(data, config: config)
        let seconds = Benchmark.milliseconds(start.duration(to: clock.now)) / 1000
        let epochs = result.folds.reduce(0) { $0 + $1.epochsRun }
        return TrainBenchmarkRow(framework: "blendscope", benchmark: benchmark, threads: threads, epochsRun: epochs,
                                 secondsPerEpoch: seconds / Double(epochs), totalSeconds: seconds,
                                 peakResidentBytes: PeakMemory.peakBytes(), outOfFold: result.outOfFold,
                                 ownScore: result.outOfFold.metrics.score)
    }

    /// Clips for scoring rows of `data` (names are row numbers).
    static func clips(of data: TrainingData) -> [ClipInfo] {
        data.labels.indices.map { i in
            ClipInfo(name: String(i), actor: "", split: data.folds[i] == nil ? .test : .train, fold: data.folds[i],
                     label: data.labels[i])
        }
    }
}
