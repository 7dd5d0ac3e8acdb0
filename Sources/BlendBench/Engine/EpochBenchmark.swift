import BlendCore

/// Wall time of training epochs on synthetic data of a given shape: the engine's side of
/// `blendscope bench --train` (the PyTorch side runs the same shapes).
public enum EpochBenchmark {
    /// The shape measured and the time of each epoch.
    public struct Measurement: Sendable, Codable, Hashable {
        public let architecture: Architecture
        public let rows: Int
        public let columns: Int
        public let batchSize: Int
        public let threads: Int
        /// Seconds of each timed epoch, after one untimed warm-up epoch.
        public let epochSeconds: [Double]

        /// Mean and best timed epoch: on a shared machine the best is the least disturbed.
    public var meanEpochSeconds: Double { epochSeconds.reduce(0, +) / Double(epochSeconds.count) }
        public var fastestEpochSeconds: Double { epochSeconds.min() ?? 0 }
    }

    /// Trains `architecture` on `rows` × `columns` seeded random features with random labels
    /// for one warm-up and `epochs` timed epochs with `threads` OpenBLAS threads, then
    /// restores the previous thread count. Data preparation is not timed.
    public static func measure(architecture: Architecture, rows: Int, columns: Int, batchSize: Int = 32,
                               threads: Int, epochs: Int = 3, seed: UInt64 = 0) throws -> Measurement {
        precondition(rows > 1 && columns > 0 && epochs > 0, "need rows, columns and epochs")
        let config = TrainingConfig(architecture: architecture, batchSize: batchSize, seed: seed, threads: threads)
        if let problem = config.problem() { throw TrainingError.invalidConfig(problem) }
        var random = SeededRandom(seed: seed, stream: 3)
        let features = (0..<(rows * columns)).map { _ in random.nextFloat(in: -1, 1) }
        let labels = (0..<rows).map { _ in Label.single(Emotion(rawValue: random.nextIndex(below: Emotion.count))!) }
        let targets = SoftLabel.matrix(labels)
        let previous = Gemm.threads
        Gemm.setThreads(threads)
        defer { Gemm.setThreads(previous) }
        let trainer = ModelTrainer(config: config, inputWidth: columns, trainingRows: rows, seed: seed)
        let clock = ContinuousClock()
        var seconds: [Double] = []
        try features.withUnsafeBufferPointer { x in
            try targets.withUnsafeBufferPointer { t in
                for epoch in 0...epochs {
                    let start = clock.now
                    _ = try trainer.trainEpoch(features: x.baseAddress!, targets: t.baseAddress!, rows: rows,
                                               isCancelled: { false })
                    let d = start.duration(to: clock.now)
                    if epoch > 0 {
                        seconds.append(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
                    }
                }
            }
        }
        return Measurement(architecture: architecture, rows: rows, columns: columns, batchSize: batchSize,
                           threads: threads, epochSeconds: seconds)
    }
}
