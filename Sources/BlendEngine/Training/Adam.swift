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
/// One pass updates the moments and the weights together, where PyTorch walks the memory
/// once per operation. A step can also be applied block by block (`beginStep` then
/// `AdamStep.apply`), so that layers update each block of weights while its freshly
/// computed gradient is still in cache.
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

    /// Starts step t + 1: every parameter must then be updated exactly once through the
    /// returned value before the next step begins.
    func beginStep() -> AdamStep {
        step += 1
        let s = settings
        let correction1 = 1 - pow(s.beta1, Double(step))
        let correction2 = 1 - pow(s.beta2, Double(step))
        return AdamStep(
            decay: Float(s.weightDecay), keep1: Float(1 - s.beta1), beta2: Float(s.beta2),
            keep2: Float(1 - s.beta2), stepSize: Float(s.learningRate / correction1),
            correction2Root: Float(correction2.squareRoot()), epsilon: Float(s.epsilon),
            firstMoment: firstMoment.pointer, secondMoment: secondMoment.pointer)
    }

    /// One whole step over all parameters from `gradients` (left unchanged).
    func update(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int) {
        precondition(count == firstMoment.count, "parameter count changed")
        beginStep().apply(offset: 0, parameters: parameters, gradients: gradients, count: count)
    }
}

/// The coefficients of one Adam step and the moment buffers it updates.
struct AdamStep {
    let decay, keep1, beta2, keep2, stepSize, correction2Root, epsilon: Float
    let firstMoment: UnsafeMutablePointer<Float>
    let secondMoment: UnsafeMutablePointer<Float>

    /// Updates `count` parameters at `parameters`, which sit at `offset` in the network's
    /// parameter block (the moments use the same offsets).
    ///
    /// `abs` before the square root is a no-op on the (never negative) second moment, but
    /// it lets LLVM drop libm's errno path for negative inputs, and with it the only
    /// obstacle to vectorising the loop.
    func apply(offset: Int, parameters p: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>, count: Int) {
        let m = firstMoment + offset, v = secondMoment + offset
        let decay = decay, keep1 = keep1, beta2 = beta2, keep2 = keep2
        let root = correction2Root, epsilon = epsilon, step = -stepSize
        for i in 0..<count {
            let grad = g[i] + decay * p[i]
            let mi = m[i] + keep1 * (grad - m[i])
            let vi = v[i] * beta2 + keep2 * (grad * grad)
            m[i] = mi
            v[i] = vi
            let denominator = abs(vi).squareRoot() / root + epsilon
            p[i] = p[i] + step * (mi / denominator)
        }
    }
}
