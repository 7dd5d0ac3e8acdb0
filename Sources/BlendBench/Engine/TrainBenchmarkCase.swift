import BlendEngine
import BlendCore

/// One shape `blendscope bench --train` measures, and the seeded data it trains on.
public struct TrainBenchmarkCase: Sendable, Codable, Hashable {
    public var architecture: Architecture
    /// Training clips, all in the five folds (no test split: the out-of-fold Score is the result).
    public var rows: Int
    public var columns: Int
    public var batchSize: Int
    /// Epochs per fold, all trained (patience 0); the best by validation Score is kept.
    public var epochs: Int
    public var seed: UInt64
    /// Noise amplitude relative to the class centroids' (both uniform): the lower, the easier.
    public var noise: Float

    /// By default the noise grows with √columns: a linear read-out's signal-to-noise ratio
    /// grows so with the width, and wider features would otherwise be learnt to a ceiling
    /// where any two trainers agree.
    public init(architecture: Architecture, rows: Int, columns: Int, batchSize: Int = 32, epochs: Int,
                seed: UInt64 = 1, noise: Float? = nil) {
        self.architecture = architecture
        self.noise = noise ?? 6 * (Float(columns) / 1024).squareRoot()
        self.rows = rows
        self.columns = columns
        self.batchSize = batchSize
        self.epochs = epochs
        self.seed = seed
    }

    /// The issue's two shapes: the baselines' MLP-512 on 2,456 × 1,024 features and the
    /// reference system's 1024→512 head on 2,456 × 7,168.
    public static func issueCases(epochs: Int) -> [TrainBenchmarkCase] {
        [TrainBenchmarkCase(architecture: .mlp512, rows: 2456, columns: 1024, epochs: epochs),
         TrainBenchmarkCase(architecture: .mlp1024, rows: 2456, columns: 7168, epochs: epochs)]
    }

    public var name: String { "\(architecture.rawValue) \(rows)×\(columns) batch \(batchSize)" }

    /// The settings both frameworks use: the challenge baselines' defaults, every epoch run.
    public var config: TrainingConfig {
        TrainingConfig(architecture: architecture, epochs: epochs, batchSize: batchSize, patience: 0, seed: seed,
                       earlyStopping: .score, testPrediction: .full)
    }

    /// Clips shaped like BLEMORE's training split (46 actors in 5 folds; 60 % single labels,
    /// 40 % blends at 50/50, 70/30, 30/70) with features that carry the label weakly: each is
    /// the label's mix of per-class centroids, plus an offset per actor, plus much larger
    /// noise, so that neither framework reaches a ceiling where Scores could not differ.
    public func makeData() -> TrainingData {
        var random = SeededRandom(seed: seed, stream: 7)
        let actors = 46
        let centroids = (0..<(Emotion.count * columns)).map { _ in random.nextFloat(in: -1, 1) }
        let offsets = (0..<(actors * columns)).map { _ in random.nextFloat(in: -1, 1) }
        let blendable = Emotion.allCases.filter { $0 != .neu }
        var labels: [Label] = []
        var folds: [Int?] = []
        var features = [Float](repeating: 0, count: rows * columns)
        for n in 0..<rows {
            let actor = n % actors
            let label: Label
            if random.nextIndex(below: 10) < 6 {
                label = .single(Emotion(rawValue: random.nextIndex(below: Emotion.count))!)
            } else {
                let a = random.nextIndex(below: blendable.count)
                let b = (a + 1 + random.nextIndex(below: blendable.count - 1)) % blendable.count
                label = .blend(blendable[min(a, b)], [50, 70, 30][random.nextIndex(below: 3)], blendable[max(a, b)])
            }
            labels.append(label)
            folds.append(actor % 5)
            let t = SoftLabel.distribution(of: label)
            let row = n * columns
            for c in 0..<Emotion.count where t[c] > 0 {
                for j in 0..<columns { features[row + j] += t[c] * centroids[c * columns + j] }
            }
            for j in 0..<columns {
                features[row + j] += 0.5 * offsets[actor * columns + j] + noise * random.nextFloat(in: -1, 1)
            }
        }
        return TrainingData(features: features, columns: columns, labels: labels, folds: folds)
    }
}
