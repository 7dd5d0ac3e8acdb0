import XCTest
import BlendCore
@testable import BlendEngine

/// Whole heads: the KL loss's gradient with respect to every parameter block, by finite
/// differences on a sample of each block (the hidden layers are hundreds of units wide).
final class NetworkGradientTests: XCTestCase {
    private func check(_ architecture: Architecture) {
        let rows = 6, width = 5
        // No dropout: a finite difference needs the same function on both sides.
        let network = Network(architecture: architecture, inputWidth: width, dropout: 0, capacity: rows, seed: 42)
        let x = GradientCheck.values(rows * width, seed: 1, scale: 2)
        let targets = SoftLabel.matrix([.blend(.ang, 70, .fea), .single(.neu), .blend(.hap, 50, .sad),
                                        .single(.disg), .blend(.sad, 30, .disg), .single(.ang)])
        let objective = { () -> Double in
            let logits = network.forward(x, rows: rows, training: true)
            return KLDivergence.loss(logits: logits, targets: targets, rows: rows)
        }
        var g = [Float](repeating: 0, count: rows * Emotion.count)
        _ = KLDivergence.loss(logits: network.forward(x, rows: rows, training: true), targets: targets, rows: rows,
                              gradient: &g)
        network.backward(&g, rows: rows)
        let analytic = network.gradients.array
        XCTAssertTrue(analytic.contains { $0 != 0 })
        var offset = 0
        for (index, step) in architecture.layerPlan(inputWidth: width, dropout: 0).enumerated() where step.parameterCount > 0 {
            let block = GradientCheck.sample(step.parameterCount, count: 24, seed: UInt64(index))
            GradientCheck.compare(network.parameters.pointer, analytic: analytic, indices: block.map { $0 + offset },
                                  "\(architecture) layer \(index)", objective: objective)
            offset += step.parameterCount
        }
        XCTAssertEqual(offset, network.parameters.count)
    }

    func testLinear() { check(.linear) }
    func testMLP256() { check(.mlp256) }
    func testMLP512() { check(.mlp512) }
    func testMLP1024() { check(.mlp1024) }
}
