/// `nn.BatchNorm1d` over the feature columns of a batch, with an optional fused ReLU.
///
/// Training mode normalises with the batch's own mean and biased variance and updates the
/// running statistics as PyTorch does (momentum 0.1, the running variance from the unbiased
/// batch variance); evaluation mode normalises with the running statistics. eps = 1e-5.
/// Column statistics are accumulated in Double, as PyTorch's CPU kernel does for Float.
final class BatchNorm: Layer {
    static let momentum: Double = 0.1
    static let epsilon: Double = 1e-5

    let inputWidth: Int
    var outputWidth: Int { inputWidth }
    let activation: Activation
    let scale: ParameterSlice
    let shift: ParameterSlice
    let scaleGradients: ParameterSlice
    let shiftGradients: ParameterSlice
    /// Running mean then running variance (2 × width): state, not trained parameters.
    let running: ParameterSlice
    /// Where γ starts in the network's parameter block.
    let offset: Int

    private let output: FloatBuffer
    private let normalised: FloatBuffer
    private let inputGradient: FloatBuffer
    private var batchInverseStd: [Double]
    private var columnSums: [Double]
    private var columnSquares: [Double]

    static func parameterCount(width: Int) -> Int { 2 * width }
    static func stateCount(width: Int) -> Int { 2 * width }

    init(width: Int, activation: Activation, capacity: Int,
         parameters: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>,
         state: UnsafeMutablePointer<Float>, offset: Int) {
        inputWidth = width
        self.offset = offset
        self.activation = activation
        scale = ParameterSlice(pointer: parameters, count: width)
        shift = ParameterSlice(pointer: parameters + width, count: width)
        scaleGradients = ParameterSlice(pointer: gradients, count: width)
        shiftGradients = ParameterSlice(pointer: gradients + width, count: width)
        running = ParameterSlice(pointer: state, count: 2 * width)
        output = FloatBuffer(count: capacity * width)
        normalised = FloatBuffer(count: capacity * width)
        inputGradient = FloatBuffer(count: capacity * width)
        batchInverseStd = [Double](repeating: 0, count: width)
        columnSums = [Double](repeating: 0, count: width)
        columnSquares = [Double](repeating: 0, count: width)
    }

    /// PyTorch's initial state: γ = 1, β = 0, running mean 0, running variance 1.
    func initialise() {
        scale.pointer.update(repeating: 1, count: inputWidth)
        shift.pointer.update(repeating: 0, count: inputWidth)
        running.pointer.update(repeating: 0, count: inputWidth)
        (running.pointer + inputWidth).update(repeating: 1, count: inputWidth)
    }

    func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool) -> UnsafePointer<Float> {
        if training {
            forwardTraining(input, rows: rows)
        } else {
            forwardEvaluation(input, rows: rows)
        }
        return UnsafePointer(output.pointer)
    }

    private func forwardTraining(_ x: UnsafePointer<Float>, rows: Int) {
        precondition(rows > 1, "batch normalisation needs more than one row per batch in training")
        let width = inputWidth
        let n = Double(rows)
        columnSums.withUnsafeMutableBufferPointer { sums in
            columnSquares.withUnsafeMutableBufferPointer { squares in
                batchInverseStd.withUnsafeMutableBufferPointer { invStd in
                    // Two passes (mean, then squared deviations) are exact enough in Double
                    // and vectorise across columns.
                    sums.update(repeating: 0)
                    for r in 0..<rows {
                        let row = x + r * width
                        for j in 0..<width { sums[j] += Double(row[j]) }
                    }
                    for j in 0..<width { sums[j] /= n }
                    squares.update(repeating: 0)
                    for r in 0..<rows {
                        let row = x + r * width
                        for j in 0..<width {
                            let d = Double(row[j]) - sums[j]
                            squares[j] += d * d
                        }
                    }
                    let runMean = running.pointer, runVar = running.pointer + width
                    let m = Self.momentum
                    for j in 0..<width {
                        let variance = squares[j] / n
                        invStd[j] = 1 / (variance + Self.epsilon).squareRoot()
                        let unbiased = squares[j] / (n - 1)
                        runMean[j] = Float((1 - m) * Double(runMean[j]) + m * sums[j])
                        runVar[j] = Float((1 - m) * Double(runVar[j]) + m * unbiased)
                    }
                    let xhat = normalised.pointer, y = output.pointer
                    let g = scale.pointer, b = shift.pointer
                    for r in 0..<rows {
                        let offset = r * width
                        for j in 0..<width {
                            let v = Float((Double(x[offset + j]) - sums[j]) * invStd[j])
                            xhat[offset + j] = v
                            y[offset + j] = g[j] * v + b[j]
                        }
                    }
                }
            }
        }
        applyActivation(rows: rows)
    }

    private func forwardEvaluation(_ x: UnsafePointer<Float>, rows: Int) {
        let width = inputWidth
        let runMean = running.pointer, runVar = running.pointer + width
        let g = scale.pointer, b = shift.pointer
        // Per-column affine map y = a·x + c, folded once per call.
        columnSums.withUnsafeMutableBufferPointer { a in
            columnSquares.withUnsafeMutableBufferPointer { c in
                for j in 0..<width {
                    let inv = 1 / (Double(runVar[j]) + Self.epsilon).squareRoot()
                    a[j] = Double(g[j]) * inv
                    c[j] = Double(b[j]) - Double(runMean[j]) * Double(g[j]) * inv
                }
                let y = output.pointer
                for r in 0..<rows {
                    let offset = r * width
                    for j in 0..<width { y[offset + j] = Float(a[j] * Double(x[offset + j]) + c[j]) }
                }
            }
        }
        applyActivation(rows: rows)
    }

    private func applyActivation(rows: Int) {
        guard activation == .relu else { return }
        let y = output.pointer
        for i in 0..<(rows * inputWidth) { y[i] = max(y[i], 0) }
    }

    /// Training-mode backward: with x̂ the normalised input and g = ∂L/∂y,
    /// ∂L/∂γ = Σ g·x̂, ∂L/∂β = Σ g, ∂L/∂x = γ/(σ·n) · (n·g − Σg − x̂·Σ g·x̂).
    func backward(_ gradOutput: UnsafeMutablePointer<Float>, rows: Int,
                  needInputGradient: Bool, optimiser: AdamStep?) -> UnsafeMutablePointer<Float>? {
        let width = inputWidth
        activation.maskGradient(gradOutput, output: output.pointer, count: rows * width)
        let xhat = normalised.pointer
        let n = Double(rows)
        columnSums.withUnsafeMutableBufferPointer { sumG in
            columnSquares.withUnsafeMutableBufferPointer { sumGX in
                sumG.update(repeating: 0)
                sumGX.update(repeating: 0)
                for r in 0..<rows {
                    let offset = r * width
                    for j in 0..<width {
                        let gv = Double(gradOutput[offset + j])
                        sumG[j] += gv
                        sumGX[j] += gv * Double(xhat[offset + j])
                    }
                }
                for j in 0..<width {
                    scaleGradients.pointer[j] = Float(sumGX[j])
                    shiftGradients.pointer[j] = Float(sumG[j])
                }
                guard needInputGradient else { return }
                batchInverseStd.withUnsafeBufferPointer { invStd in
                    let gx = inputGradient.pointer, gamma = scale.pointer
                    for r in 0..<rows {
                        let offset = r * width
                        for j in 0..<width {
                            let k = Double(gamma[j]) * invStd[j] / n
                            let v = n * Double(gradOutput[offset + j]) - sumG[j] - Double(xhat[offset + j]) * sumGX[j]
                            gx[offset + j] = Float(k * v)
                        }
                    }
                }
            }
        }
        // γ and β change only now: the input gradient above needed the old γ.
        optimiser?.apply(offset: offset, parameters: scale.pointer, gradients: scaleGradients.pointer,
                         count: 2 * inputWidth)
        return needInputGradient ? inputGradient.pointer : nil
    }
}
