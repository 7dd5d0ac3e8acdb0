import BlendCore

/// Trains one network on one standardised training set: seeded batch order, forward,
/// KL loss, backward, Adam. All buffers are allocated here, once; an epoch allocates nothing.
final class ModelTrainer {
    let network: Network
    let optimiser: Adam
    let batchSize: Int
    private let batchInputs: FloatBuffer
    private let batchTargets: FloatBuffer
    private let logitGradient: FloatBuffer
    private let order: UnsafeMutableBufferPointer<Int>
    private var shuffleRandom: SeededRandom

    /// Rows predicted at once outside training: larger products use BLAS better.
    static let evaluationRows = 256

    /// A trainer for `trainingRows` rows of `inputWidth` features; weights from `seed`.
    init(config: TrainingConfig, inputWidth: Int, trainingRows: Int, seed: UInt64) {
        batchSize = config.batchSize
        network = Network(architecture: config.architecture, inputWidth: inputWidth, dropout: config.dropout,
                          capacity: max(config.batchSize, Self.evaluationRows), seed: seed)
        optimiser = Adam(settings: config.adam, parameterCount: network.parameters.count)
        batchInputs = FloatBuffer(count: batchSize * inputWidth)
        batchTargets = FloatBuffer(count: batchSize * Emotion.count)
        logitGradient = FloatBuffer(count: batchSize * Emotion.count)
        order = .allocate(capacity: max(trainingRows, 1))
        _ = order.initialize(from: 0..<order.count)
        shuffleRandom = SeededRandom(seed: seed, stream: 2)
    }

    deinit { order.deallocate() }

    /// One pass over `rows` rows in a fresh seeded order; returns the mean of the batch
    /// losses (as a PyTorch loop that averages `loss.item()` over the loader reports).
    /// A last batch of a single row is skipped when the model normalises by batch statistics.
    func trainEpoch(features: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int,
                    isCancelled: () -> Bool) throws -> Double {
        precondition(rows <= order.count, "more rows than the trainer was built for")
        let width = network.inputWidth
        for i in 0..<rows { order[i] = i }
        shuffleRandom.shuffle(UnsafeMutableBufferPointer(rebasing: order[0..<rows]))
        let minimumRows = network.architecture.usesBatchStatistics ? 2 : 1
        var lossSum = 0.0, batches = 0
        var start = 0
        while start < rows {
            if isCancelled() { throw CancellationError() }
            let count = min(batchSize, rows - start)
            defer { start += count }
            if count < minimumRows { continue }
            for k in 0..<count {
                let r = order[start + k]
                (batchInputs.pointer + k * width).update(from: features + r * width, count: width)
                (batchTargets.pointer + k * Emotion.count).update(from: targets + r * Emotion.count, count: Emotion.count)
            }
            let logits = network.forward(batchInputs.pointer, rows: count, training: true)
            lossSum += KLDivergence.loss(logits: logits, targets: batchTargets.pointer, rows: count,
                                         gradient: logitGradient.pointer)
            batches += 1
            network.backward(logitGradient.pointer, rows: count, optimiser: optimiser.beginStep())
        }
        return batches == 0 ? 0 : lossSum / Double(batches)
    }

    /// Evaluation-mode probabilities for packed standardised rows; see `Network.predict`.
    func predict(features: UnsafePointer<Float>, rows: Int, targets: UnsafePointer<Float>? = nil,
                 into probabilities: UnsafeMutablePointer<Double>) -> Double? {
        network.predict(features: features, rows: rows, targets: targets, into: probabilities)
    }

    /// The current weights and batch-norm statistics.
    func snapshot() -> (parameters: [Float], state: [Float]) {
        (network.parameters.array, network.state.array)
    }

    func restore(_ snapshot: (parameters: [Float], state: [Float])) {
        network.parameters.copy(from: snapshot.parameters)
        network.state.copy(from: snapshot.state)
    }
}
