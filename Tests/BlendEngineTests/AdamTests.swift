import XCTest
import BlendCore
@testable import BlendEngine

final class AdamTests: XCTestCase {
    /// Three steps against the textbook formulas in Double (PyTorch's `Adam` with L2 decay).
    func testMatchesReferenceFormulas() {
        let settings = AdamSettings(learningRate: 0.01, weightDecay: 0.1)
        let adam = Adam(settings: settings, parameterCount: 3)
        var p: [Float] = [0.5, -1, 2]
        var ref = p.map(Double.init)
        var m = [Double](repeating: 0, count: 3), v = m
        let gradients: [[Float]] = [[0.1, -0.2, 0.3], [0.05, 0.4, -0.3], [-0.2, 0, 1]]
        for (step, g) in gradients.enumerated() {
            p.withUnsafeMutableBufferPointer { adam.update(parameters: $0.baseAddress!, gradients: g, count: 3) }
            let t = Double(step + 1)
            for i in 0..<3 {
                let grad = Double(g[i]) + 0.1 * ref[i]
                m[i] = 0.9 * m[i] + 0.1 * grad
                v[i] = 0.999 * v[i] + 0.001 * grad * grad
                let mHat = m[i] / (1 - pow(0.9, t)), vHat = v[i] / (1 - pow(0.999, t))
                ref[i] -= 0.01 * mHat / (vHat.squareRoot() + 1e-8)
            }
            for i in 0..<3 { XCTAssertEqual(Double(p[i]), ref[i], accuracy: 1e-6, "step \(step + 1), parameter \(i)") }
        }
        XCTAssertEqual(adam.step, 3)
    }

    /// The first step moves every parameter by about lr against the sign of its gradient.
    func testFirstStepIsLearningRateSized() {
        let adam = Adam(settings: AdamSettings(learningRate: 0.001), parameterCount: 2)
        var p: [Float] = [1, 1]
        let g: [Float] = [3, -1e-3]
        p.withUnsafeMutableBufferPointer { adam.update(parameters: $0.baseAddress!, gradients: g, count: 2) }
        XCTAssertEqual(p[0], 0.999, accuracy: 1e-6)
        XCTAssertEqual(p[1], 1.001, accuracy: 1e-6)
    }

    /// Training updates each layer's weights block by block during backward; that must be
    /// the same step as computing every gradient first and updating all parameters after.
    func testBlockwiseStepDuringBackwardEqualsWholeStep() {
        for architecture in Architecture.allCases {
            // 600 weight rows: three blocks of the 1,024-wide layer, two of the 512-wide one.
            let rows = 7, width = 600
            let settings = AdamSettings(learningRate: 0.01, weightDecay: 1e-3)
            let x = GradientCheck.values(rows * width, seed: 2)
            let targets = SoftLabel.matrix((0..<rows).map { _ in .blend(.ang, 70, .sad) })
            var results: [[Float]] = []
            for fused in [false, true] {
                let network = Network(architecture: architecture, inputWidth: width, dropout: 0, capacity: rows, seed: 4)
                let adam = Adam(settings: settings, parameterCount: network.parameters.count)
                for _ in 0..<2 {
                    var g = [Float](repeating: 0, count: rows * 6)
                    KLDivergence.loss(logits: network.forward(x, rows: rows, training: true), targets: targets,
                                      rows: rows, gradient: &g)
                    if fused {
                        network.backward(&g, rows: rows, optimiser: adam.beginStep())
                    } else {
                        network.backward(&g, rows: rows)
                        adam.update(parameters: network.parameters.pointer, gradients: network.gradients.pointer,
                                    count: network.parameters.count)
                    }
                }
                results.append(network.parameters.array)
            }
            XCTAssertEqual(results[0].count, results[1].count)
            var worst: Float = 0
            for i in results[0].indices { worst = max(worst, abs(results[0][i] - results[1][i])) }
            XCTAssertLessThanOrEqual(worst, 1e-6, "\(architecture)")
        }
    }
}
