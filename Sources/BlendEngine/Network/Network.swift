import BlendCore

/// A head built from an `Architecture`: layers, one contiguous block of trainable parameters
/// (so the optimiser runs one fused loop over all of them), its gradients, and the
/// batch-norm running statistics. Buffers are sized for `capacity` rows at once.
///
/// Parameter layout, layer by layer: dense = weights (input × output, row-major) then bias;
/// batch norm = γ then β. State layout: per batch norm, running mean then running variance.
final class Network {
    let architecture: Architecture
    let inputWidth: Int
    let dropout: Double
    let capacity: Int
    let parameters: FloatBuffer
    let gradients: FloatBuffer
    let state: FloatBuffer
    private let layers: [any Layer]

    /// A freshly initialised network: weights from stream 1 of `seed`, dropout masks from
    /// streams 100, 101, ... (one per dropout layer).
    init(architecture: Architecture, inputWidth: Int, dropout: Double, capacity: Int, seed: UInt64) {
        precondition(inputWidth > 0 && capacity > 0, "a network needs inputs and room for a row")
        self.architecture = architecture
        self.inputWidth = inputWidth
        self.dropout = dropout
        self.capacity = capacity
        let plan = architecture.layerPlan(inputWidth: inputWidth, dropout: dropout)
        parameters = FloatBuffer(count: plan.reduce(0) { $0 + $1.parameterCount })
        gradients = FloatBuffer(count: parameters.count)
        state = FloatBuffer(count: plan.reduce(0) { $0 + $1.stateCount })

        var initRandom = SeededRandom(seed: seed, stream: 1)
        var built: [any Layer] = []
        var offset = 0, stateOffset = 0, dropoutIndex: UInt64 = 0
        for (index, step) in plan.enumerated() {
            let p = parameters.pointer + offset, g = gradients.pointer + offset
            switch step {
            case .dense(let i, let o, let act):
                let dense = Dense(input: i, output: o, activation: act, capacity: capacity,
                                  computesInputGradient: index > 0, parameters: p, gradients: g, offset: offset)
                dense.initialise(using: &initRandom)
                built.append(dense)
            case .batchNorm(let w, let act):
                let bn = BatchNorm(width: w, activation: act, capacity: capacity, parameters: p, gradients: g,
                                   state: state.pointer + stateOffset, offset: offset)
                bn.initialise()
                built.append(bn)
            case .dropout(let w, let probability):
                built.append(Dropout(width: w, probability: Float(probability), capacity: capacity,
                                     random: SeededRandom(seed: seed, stream: 100 + dropoutIndex)))
                dropoutIndex += 1
            }
            offset += step.parameterCount
            stateOffset += step.stateCount
        }
        layers = built
    }

    /// Logits (rows × 6) for `rows` ≤ `capacity` input rows.
    func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool) -> UnsafePointer<Float> {
        precondition(rows > 0 && rows <= capacity, "batch of \(rows) rows exceeds capacity \(capacity)")
        var x = input
        for layer in layers { x = layer.forward(x, rows: rows, training: training) }
        return x
    }

    /// Back-propagates ∂L/∂logits (overwritten) through the last forward pass, leaving every
    /// parameter's gradient in `gradients`; with an optimiser step, also updates every
    /// parameter, each layer as soon as its gradients are known.
    func backward(_ gradLogits: UnsafeMutablePointer<Float>, rows: Int, optimiser: AdamStep? = nil) {
        var g = gradLogits
        for index in stride(from: layers.count - 1, through: 0, by: -1) {
            let next = layers[index].backward(g, rows: rows, needInputGradient: index > 0, optimiser: optimiser)
            if let next { g = next }
        }
    }
}
