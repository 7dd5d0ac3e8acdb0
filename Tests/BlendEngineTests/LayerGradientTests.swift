import BlendCore
import XCTest
@testable import BlendEngine

/// Every layer's backward pass against finite differences of its forward pass.
final class LayerGradientTests: XCTestCase {
    private let rows = 5

    private func checkDense(_ activation: Activation) {
        let input = 7, output = 4
        let params = FloatBuffer(count: Dense.parameterCount(input: input, output: output))
        let grads = FloatBuffer(count: params.count)
        let layer = Dense(input: input, output: output, activation: activation, capacity: rows,
                          computesInputGradient: true, parameters: params.pointer, gradients: grads.pointer, offset: 0)
        var random = SeededRandom(seed: 3)
        layer.initialise(using: &random)
        let x = GradientCheck.values(rows * input, seed: 4)
        let r = GradientCheck.values(rows * output, seed: 5)
        checkLayer(layer, x: x, r: r, params: params, grads: grads, "dense \(activation)")
    }

    func testDenseGradients() { checkDense(.identity) }
    func testDenseReLUGradients() { checkDense(.relu) }

    private func checkBatchNorm(_ activation: Activation) {
        let width = 6
        let params = FloatBuffer(count: BatchNorm.parameterCount(width: width))
        let grads = FloatBuffer(count: params.count)
        let state = FloatBuffer(count: BatchNorm.stateCount(width: width))
        let layer = BatchNorm(width: width, activation: activation, capacity: rows, parameters: params.pointer,
                              gradients: grads.pointer, state: state.pointer, offset: 0)
        // Non-trivial γ and β so that their gradients and the input gradient's γ factor show.
        params.copy(from: GradientCheck.values(params.count, seed: 9, scale: 1.5))
        let x = GradientCheck.values(rows * width, seed: 10, scale: 2)
        let r = GradientCheck.values(rows * width, seed: 11)
        checkLayer(layer, x: x, r: r, params: params, grads: grads, "batch norm \(activation)")
    }

    /// Checks a layer's parameter and input gradients for the objective r·forward(x) against
    /// finite differences of that objective.
    private func checkLayer(_ layer: some Layer, x: [Float], r: [Float], params: FloatBuffer, grads: FloatBuffer,
                            _ name: String) {
        let inputWidth = layer.inputWidth
        var x = x
        x.withUnsafeMutableBufferPointer { xb in
            let xp = xb.baseAddress!
            let objective = { GradientCheck.projection(layer.forward(xp, rows: self.rows, training: true), r) }
            _ = objective()
            var g = r
            let gx = g.withUnsafeMutableBufferPointer {
                Array(UnsafeBufferPointer(start: layer.backward($0.baseAddress!, rows: rows, needInputGradient: true, optimiser: nil)!,
                                          count: rows * inputWidth))
            }
            GradientCheck.compare(params.pointer, analytic: grads.array, indices: 0..<params.count,
                                  "\(name) parameters", objective: objective)
            GradientCheck.compare(xp, analytic: gx, indices: 0..<(rows * inputWidth), "\(name) input",
                                  objective: objective)
        }
    }

    func testBatchNormGradients() { checkBatchNorm(.identity) }
    func testBatchNormReLUGradients() { checkBatchNorm(.relu) }

    /// Dropout is linear for a fixed mask, y = M·x, so its gradient is M·g: checked against
    /// the mask the forward pass applied (a finite difference would draw a new mask).
    func testDropoutGradientIsTheForwardMask() {
        let width = 200
        let layer = Dropout(width: width, probability: 0.25, capacity: rows, random: SeededRandom(seed: 1))
        let x = GradientCheck.values(rows * width, seed: 2).map { $0 == 0 ? 1 : $0 }
        let y = x.withUnsafeBufferPointer {
            Array(UnsafeBufferPointer(start: layer.forward($0.baseAddress!, rows: rows, training: true), count: rows * width))
        }
        var g = GradientCheck.values(rows * width, seed: 3)
        let original = g
        let gx = g.withUnsafeMutableBufferPointer {
            Array(UnsafeBufferPointer(start: layer.backward($0.baseAddress!, rows: rows, needInputGradient: true, optimiser: nil)!,
                                      count: rows * width))
        }
        var dropped = 0
        for i in x.indices {
            let mask = y[i] / x[i]
            XCTAssertTrue(mask == 0 || abs(mask - 1 / 0.75) < 1e-6, "mask \(mask)")
            if mask == 0 { dropped += 1 }
            XCTAssertEqual(gx[i], original[i] * (mask == 0 ? 0 : 1 / 0.75), accuracy: 1e-6)
        }
        // 1,000 draws at p = 0.25: 250 expected, σ ≈ 14.
        XCTAssertEqual(Double(dropped), 250, accuracy: 70)
    }

    func testDropoutIsIdentityInEvaluation() {
        let layer = Dropout(width: 3, probability: 0.5, capacity: 2, random: SeededRandom(seed: 1))
        let x: [Float] = [1, 2, 3, 4, 5, 6]
        let y = x.withUnsafeBufferPointer { Array(UnsafeBufferPointer(start: layer.forward($0.baseAddress!, rows: 2, training: false), count: 6)) }
        XCTAssertEqual(y, x)
    }
}
