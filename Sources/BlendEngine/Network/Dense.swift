import BlendCore

/// A fully connected layer `y = act(x·W + b)` on OpenBLAS.
///
/// `W` is stored input-major (inputWidth × outputWidth, row-major), the transpose of
/// PyTorch's `nn.Linear.weight`, so the forward product needs no transpose. Bias addition
/// and an optional ReLU run in one pass over the product.
final class Dense: Layer {
    let inputWidth: Int
    let outputWidth: Int
    let activation: Activation
    let weights: ParameterSlice
    let bias: ParameterSlice
    let weightGradients: ParameterSlice
    let biasGradients: ParameterSlice
    /// Where the weights start in the network's parameter block (the optimiser's moments
    /// use the same offsets).
    let offset: Int
    private let output: FloatBuffer
    /// Absent on the first layer: the gradient with respect to the features is never needed.
    private let inputGradient: FloatBuffer?
    private var lastInput: UnsafePointer<Float>?

    static func parameterCount(input: Int, output: Int) -> Int { input * output + output }

    /// `parameters` and `gradients` point at `parameterCount` floats each.
    init(input: Int, output: Int, activation: Activation, capacity: Int, computesInputGradient: Bool,
         parameters: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>, offset: Int) {
        self.offset = offset
        inputWidth = input
        outputWidth = output
        self.activation = activation
        weights = ParameterSlice(pointer: parameters, count: input * output)
        bias = ParameterSlice(pointer: parameters + input * output, count: output)
        weightGradients = ParameterSlice(pointer: gradients, count: input * output)
        biasGradients = ParameterSlice(pointer: gradients + input * output, count: output)
        self.output = FloatBuffer(count: capacity * output)
        inputGradient = computesInputGradient ? FloatBuffer(count: capacity * input) : nil
    }

    /// PyTorch's default `nn.Linear` initialisation: Kaiming-uniform with a = √5 for the
    /// weights, which is U(−1/√fan_in, 1/√fan_in), and the same bound for the bias.
    func initialise(using random: inout SeededRandom) {
        let bound = Float(1 / Double(inputWidth).squareRoot())
        for i in 0..<weights.count { weights.pointer[i] = random.nextFloat(in: -bound, bound) }
        for i in 0..<bias.count { bias.pointer[i] = random.nextFloat(in: -bound, bound) }
    }

    func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool) -> UnsafePointer<Float> {
        lastInput = input
        let y = output.pointer
        Gemm.multiply(input, UnsafePointer(weights.pointer), into: y, m: rows, n: outputWidth, k: inputWidth)
        let b = bias.pointer
        let width = outputWidth
        for r in 0..<rows {
            let row = y + r * width
            switch activation {
            case .identity:
                for j in 0..<width { row[j] += b[j] }
            case .relu:
                for j in 0..<width { row[j] = max(row[j] + b[j], 0) }
            }
        }
        return UnsafePointer(y)
    }

    /// Weight-gradient blocks of about this many floats (1 MB) stay in cache (L2 of both
    /// cores, or L3) between the product that writes them and the optimiser that reads them,
    /// instead of a round trip through memory; blocks much smaller cost more in BLAS calls
    /// than they save (measured on the 7,168 → 1,024 layer).
    static let blockFloats = 1 << 18

    func backward(_ gradOutput: UnsafeMutablePointer<Float>, rows: Int,
                  needInputGradient: Bool, optimiser: AdamStep?) -> UnsafeMutablePointer<Float>? {
        guard let x = lastInput else { preconditionFailure("backward before forward") }
        activation.maskGradient(gradOutput, output: output.pointer, count: rows * outputWidth)
        let g = UnsafePointer(gradOutput)
        var result: UnsafeMutablePointer<Float>?
        if needInputGradient {
            guard let gx = inputGradient else { preconditionFailure("layer built without an input gradient") }
            // ∂L/∂x = g·Wᵀ, with the weights as they were in the forward pass.
            Gemm.multiply(g, UnsafePointer(weights.pointer), transposeB: true, into: gx.pointer,
                          m: rows, n: inputWidth, k: outputWidth)
            result = gx.pointer
        }
        // ∂L/∂b = column sums of g.
        let gb = biasGradients.pointer
        gb.update(repeating: 0, count: outputWidth)
        for r in 0..<rows {
            let row = g + r * outputWidth
            for j in 0..<outputWidth { gb[j] += row[j] }
        }
        optimiser?.apply(offset: offset + weights.count, parameters: bias.pointer, gradients: gb, count: outputWidth)
        // ∂L/∂W = xᵀ·g: in one product, or in blocks of weight rows each updated at once.
        guard let optimiser else {
            Gemm.multiply(x, transposeA: true, g, into: weightGradients.pointer, m: inputWidth, n: outputWidth, k: rows)
            return result
        }
        let blockRows = max(1, Self.blockFloats / outputWidth)
        var first = 0
        while first < inputWidth {
            let count = min(blockRows, inputWidth - first)
            let start = first * outputWidth
            Gemm.multiply(x + first, transposeA: true, leading: inputWidth, g, leading: outputWidth,
                          into: weightGradients.pointer + start, leading: outputWidth,
                          m: count, n: outputWidth, k: rows)
            optimiser.apply(offset: offset + start, parameters: weights.pointer + start,
                            gradients: weightGradients.pointer + start, count: count * outputWidth)
            first += count
        }
        return result
    }
}
