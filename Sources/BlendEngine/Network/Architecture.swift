import BlendCore

/// The heads the engine trains on pre-extracted features (D = feature width, 6 = classes in
/// the challenge's order; every hidden layer is `nn.Linear` with PyTorch's default init).
public enum Architecture: String, Sendable, Codable, Hashable, CaseIterable {
    /// `Linear(D, 6)`: the challenge baselines' linear probe.
    case linear
    /// `Linear(D, 256) → ReLU → Dropout(p) → Linear(256, 6)`: the baselines' MLP-256.
    case mlp256
    /// `Linear(D, 512) → ReLU → Dropout(p) → Linear(512, 6)`: the baselines' MLP-512.
    case mlp512
    /// `Linear(D, 1024) → BatchNorm1d(1024) → ReLU → Dropout(p) → Linear(1024, 512) →
    /// BatchNorm1d(512) → ReLU → Dropout(p) → Linear(512, 6)`: the reference system's head
    /// (p = 0.3 there).
    case mlp1024

    /// The layers in order, for an input of `inputWidth` features.
    func layerPlan(inputWidth: Int, dropout: Double) -> [LayerPlan] {
        let classes = Emotion.count
        switch self {
        case .linear:
            return [.dense(input: inputWidth, output: classes, activation: .identity)]
        case .mlp256, .mlp512:
            let hidden = self == .mlp256 ? 256 : 512
            return [.dense(input: inputWidth, output: hidden, activation: .relu),
                    .dropout(width: hidden, probability: dropout),
                    .dense(input: hidden, output: classes, activation: .identity)]
        case .mlp1024:
            return [.dense(input: inputWidth, output: 1024, activation: .identity),
                    .batchNorm(width: 1024, activation: .relu),
                    .dropout(width: 1024, probability: dropout),
                    .dense(input: 1024, output: 512, activation: .identity),
                    .batchNorm(width: 512, activation: .relu),
                    .dropout(width: 512, probability: dropout),
                    .dense(input: 512, output: classes, activation: .identity)]
        }
    }

    /// Whether training batches must hold at least two rows (batch statistics).
    public var usesBatchStatistics: Bool { self == .mlp1024 }
}

/// One layer of an architecture, before memory is assigned to it. ReLU is fused into the
/// layer before it (the dense or batch-norm loop that produces the values).
enum LayerPlan: Hashable {
    case dense(input: Int, output: Int, activation: Activation)
    case batchNorm(width: Int, activation: Activation)
    case dropout(width: Int, probability: Double)

    var parameterCount: Int {
        switch self {
        case .dense(let i, let o, _): Dense.parameterCount(input: i, output: o)
        case .batchNorm(let w, _): BatchNorm.parameterCount(width: w)
        case .dropout: 0
        }
    }

    var stateCount: Int {
        if case .batchNorm(let w, _) = self { return BatchNorm.stateCount(width: w) }
        return 0
    }
}
