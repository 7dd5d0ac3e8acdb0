import Foundation

/// Adam's settings, as `torch.optim.Adam(lr, betas, eps, weight_decay)` takes them.
public struct AdamSettings: Sendable, Codable, Hashable {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    /// L2 penalty added to the gradient (not decoupled as in AdamW).
    public var weightDecay: Double

    public init(learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }
}

/// Adam with L2 weight decay and bias correction, step for step as PyTorch's single-tensor
/// implementation: g ← g + λ·θ; m ← m + (1−β₁)(g − m); v ← β₂·v + (1−β₂)·g²;
/// θ ← θ − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε).
///
/// One pass over all parameters updates the moments and the weights together, where PyTorch
/// walks the memory once per operation; large blocks are split across threads (the update
/// is elementwise, so the split never changes a result).
final class Adam {
    let settings: AdamSettings
    private let firstMoment: FloatBuffer
    private let secondMoment: FloatBuffer
    private(set) var step = 0

    init(settings: AdamSettings, parameterCount: Int) {
        self.settings = settings
        firstMoment = FloatBuffer(count: parameterCount)
        secondMoment = FloatBuffer(count: parameterCount)
    }

    /// Applies one step to `parameters` from `gradients` (left unchanged).
    func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int,
                threads: Int = 1) {
        precondition(count == firstMoment.count, "parameter count changed")
        step += 1
        let s = settings
        let correction1 = 1 - pow(s.beta1, Double(step))
        let correction2 = 1 - pow(s.beta2, Double(step))
        let coefficients = Coefficients(
            decay: Float(s.weightDecay), keep1: Float(1 - s.beta1), beta2: Float(s.beta2),
            keep2: Float(1 - s.beta2), stepSize: Float(s.learningRate / correction1),
            correction2Root: Float(correction2.squareRoot()), epsilon: Float(s.epsilon))
        let m = firstMoment.pointer, v = secondMoment.pointer
        let chunks = threads > 1 && count >= Self.parallelThreshold ? threads : 1
        if chunks == 1 {
            Self.apply(coefficients, parameters, gradients, m, v, 0..<count)
            return
        }
        let block = (count + chunks - 1) / chunks
        let shared = SharedBuffers(parameters: parameters, gradients: gradients, m: m, v: v)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * block)..<min(count, (chunk + 1) * block)
            Self.apply(coefficients, shared.parameters, shared.gradients, shared.m, shared.v, range)
        }
    }

    /// Below this many parameters, waking a second thread costs more than it saves.
    static let parallelThreshold = 1 << 18

    private struct Coefficients {
        let decay, keep1, beta2, keep2, stepSize, correction2Root, epsilon: Float
    }

    @inline(__always)
    private static func apply(_ c: Coefficients, _ p: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>,
                              _ m: UnsafeMutablePointer<Float>, _ v: UnsafeMutablePointer<Float>,
                              _ range: Range<Int>) {
        for i in range {
            let grad = g[i] + c.decay * p[i]
            let mi = m[i] + c.keep1 * (grad - m[i])
            let vi = v[i] * c.beta2 + c.keep2 * (grad * grad)
            m[i] = mi
            v[i] = vi
            let denominator = vi.squareRoot() / c.correction2Root + c.epsilon
            p[i] = p[i] + (-c.stepSize) * (mi / denominator)
        }
    }
}

/// The optimiser's buffers, handed to worker threads that each touch a disjoint range.
private struct SharedBuffers: @unchecked Sendable {
    let parameters: UnsafeMutablePointer<Float>
    let gradients: UnsafePointer<Float>
    let m: UnsafeMutablePointer<Float>
    let v: UnsafeMutablePointer<Float>
}
