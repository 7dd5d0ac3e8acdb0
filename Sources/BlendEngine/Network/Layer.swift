/// One step of a network's forward and backward pass over a batch of rows.
///
/// Layers own their output and input-gradient buffers (sized for `capacity` rows) and write
/// parameter gradients into their slice of the network's gradient block, overwriting them:
/// there is no separate zeroing step.
protocol Layer: AnyObject {
    var inputWidth: Int { get }
    var outputWidth: Int { get }

    /// Computes `rows` output rows from `input` (rows × inputWidth, row-major). The input
    /// memory must stay unchanged until `backward`; the result lives in the layer's buffer
    /// (or is `input` itself for layers that do nothing in this mode).
    func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool) -> UnsafePointer<Float>

    /// Given ∂L/∂output in `gradOutput` (which the layer may overwrite), writes the parameter
    /// gradients and returns ∂L/∂input when `needInputGradient` is set. With an optimiser
    /// step the layer also updates its parameters, block by block while each block's
    /// gradient is in cache, after it has used the old values for ∂L/∂input.
    func backward(_ gradOutput: UnsafeMutablePointer<Float>, rows: Int,
                  needInputGradient: Bool, optimiser: AdamStep?) -> UnsafeMutablePointer<Float>?
}

/// A non-linearity fused into the loop that produces a layer's output.
public enum Activation: String, Sendable, Codable, Hashable {
    case identity, relu
}

extension Activation {
    /// ReLU's backward step: ∂L/∂z = ∂L/∂y where the output was positive, else 0.
    /// `output` is the post-activation value, which is positive exactly where z was.
    @inline(__always)
    func maskGradient(_ grad: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int) {
        guard self == .relu else { return }
        // A select rather than a branch, so the loop vectorises.
        for i in 0..<count { grad[i] = output[i] > 0 ? grad[i] : 0 }
    }
}
