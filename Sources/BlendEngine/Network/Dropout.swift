import BlendCore

/// Inverted dropout: in training each value is kept with probability 1 − p and scaled by
/// 1/(1 − p), so evaluation is the identity. Masks come from the layer's own seeded stream.
final class Dropout: Layer {
    let inputWidth: Int
    var outputWidth: Int { inputWidth }
    let probability: Float
    private let keepScale: Float
    private let mask: FloatBuffer
    private let output: FloatBuffer
    private var random: SeededRandom

    init(width: Int, probability: Float, capacity: Int, random: SeededRandom) {
        precondition(probability >= 0 && probability < 1, "dropout probability must lie in [0, 1)")
        inputWidth = width
        self.probability = probability
        keepScale = 1 / (1 - probability)
        mask = FloatBuffer(count: capacity * width)
        output = FloatBuffer(count: capacity * width)
        self.random = random
    }

    func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool) -> UnsafePointer<Float> {
        guard training, probability > 0 else { return input }
        let count = rows * inputWidth
        let m = mask.pointer, y = output.pointer
        for i in 0..<count { m[i] = random.nextUnitFloat() < probability ? 0 : keepScale }
        for i in 0..<count { y[i] = input[i] * m[i] }
        return UnsafePointer(y)
    }

    func backward(_ gradOutput: UnsafeMutablePointer<Float>, rows: Int,
                  needInputGradient: Bool, optimiser: AdamStep?) -> UnsafeMutablePointer<Float>? {
        guard needInputGradient else { return nil }
        guard probability > 0 else { return gradOutput }
        let m = mask.pointer
        for i in 0..<(rows * inputWidth) { gradOutput[i] *= m[i] }
        return gradOutput
    }
}
