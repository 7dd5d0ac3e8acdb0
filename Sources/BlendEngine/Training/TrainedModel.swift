import BlendCore

/// A trained head as a value: everything needed to predict again (architecture, weights,
/// batch-norm statistics, and the standardisation fitted on its training rows), Codable so
/// the store can keep it.
///
/// `parameters` follow the network layout: per dense layer its weights (input × output,
/// row-major: PyTorch's `weight` transposed) then its bias; per batch norm γ then β.
/// `state` holds, per batch norm, the running mean then the running variance.
public struct TrainedModel: Sendable, Codable, Equatable {
    public let architecture: Architecture
    /// Features per clip the model expects.
    public let inputWidth: Int
    public let dropout: Double
    /// Trained weights in the network layout described above.
    public let parameters: [Float]
    /// Batch-norm running statistics (empty for heads without batch norm).
    public let state: [Float]
    /// Applied to raw features before the network.
    public let standardiser: Standardiser

    public init(architecture: Architecture, inputWidth: Int, dropout: Double, parameters: [Float],
                state: [Float], standardiser: Standardiser) {
        self.architecture = architecture
        self.inputWidth = inputWidth
        self.dropout = dropout
        self.parameters = parameters
        self.state = state
        self.standardiser = standardiser
    }

    /// Class probabilities (rows × 6, Double) for raw, unstandardised features
    /// (rows × `inputWidth`, row-major).
    public func predict(features: [Float], rows: Int) throws(TrainingError) -> [Double] {
        guard rows > 0 else { return [] }
        guard features.count % rows == 0 else {
            throw .featureShape(values: features.count, rows: rows, columns: inputWidth)
        }
        let columns = features.count / rows
        guard columns == inputWidth else { throw .dimensionMismatch(expected: inputWidth, got: columns) }
        if let bad = features.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteFeature(row: bad / columns, column: bad % columns)
        }
        let network = try makeNetwork()
        let packed = standardiser.apply(to: features, rows: Array(0..<rows))
        var probabilities = [Double](repeating: 0, count: rows * Emotion.count)
        packed.withUnsafeBufferPointer { x in
            probabilities.withUnsafeMutableBufferPointer { p in
                _ = network.predict(features: x.baseAddress!, rows: rows, into: p.baseAddress!)
            }
        }
        return probabilities
    }

    /// A network holding these weights, after checking that they fit the architecture.
    func makeNetwork() throws(TrainingError) -> Network {
        let network = Network(architecture: architecture, inputWidth: inputWidth, dropout: dropout,
                              capacity: ModelTrainer.evaluationRows, seed: 0)
        guard parameters.count == network.parameters.count, state.count == network.state.count,
              standardiser.columns == inputWidth else {
            throw .corruptModel("\(architecture.rawValue) on \(inputWidth) features needs \(network.parameters.count) "
                + "parameters and \(network.state.count) statistics; the model holds \(parameters.count) and \(state.count)")
        }
        network.parameters.copy(from: parameters)
        network.state.copy(from: state)
        return network
    }
}
