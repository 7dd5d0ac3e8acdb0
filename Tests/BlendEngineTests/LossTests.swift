import XCTest
import BlendCore
@testable import BlendEngine

final class LossTests: XCTestCase {
    func testSoftLabels() {
        XCTAssertEqual(SoftLabel.distribution(of: .blend(.ang, 70, .fea)), [0.7, 0, 0.3, 0, 0, 0])
        XCTAssertEqual(SoftLabel.distribution(of: .blend(.sad, 70, .disg)), [0, 0.3, 0, 0, 0.7, 0])
        XCTAssertEqual(SoftLabel.distribution(of: .blend(.hap, 50, .sad)), [0, 0, 0, 0.5, 0.5, 0])
        XCTAssertEqual(SoftLabel.distribution(of: .single(.neu)), [0, 0, 0, 0, 0, 1])
    }

    /// The loss by its definition, Σ t·(log t − log softmax(z)) / rows, for two rows.
    func testMatchesDefinition() {
        let logits: [Float] = [1, -2, 0.5, 3, 0, -1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
        let targets: [Float] = [0.7, 0, 0.3, 0, 0, 0, 0, 0, 0, 0, 0, 1]
        var expected = 0.0
        for r in 0..<2 {
            let z = (0..<6).map { Double(logits[r * 6 + $0]) }
            let logSum = log(z.map { exp($0) }.reduce(0, +))
            for k in 0..<6 where targets[r * 6 + k] > 0 {
                let t = Double(targets[r * 6 + k])
                expected += t * (log(t) - (z[k] - logSum))
            }
        }
        expected /= 2
        let loss = KLDivergence.loss(logits: logits, targets: targets, rows: 2)
        XCTAssertEqual(loss, expected, accuracy: 1e-12)
    }

    func testZeroWhenPredictionEqualsTarget() {
        let t: [Float] = [0.7, 0, 0.3, 0, 0, 0]
        // log 0.7, log 0.3 and very negative logits elsewhere give softmax ≈ t.
        let z: [Float] = [Float(log(0.7)), -80, Float(log(0.3)), -80, -80, -80]
        XCTAssertEqual(KLDivergence.loss(logits: z, targets: t, rows: 1), 0, accuracy: 1e-6)
    }

    /// Huge logits must neither overflow nor lose the loss (no exp of a large number).
    func testStableForExtremeLogits() {
        let z: [Float] = [1e4, -1e4, 0, 5e3, 1e4, -3e4]
        let t: [Float] = [0, 0, 0, 1, 0, 0]
        var g = [Float](repeating: 0, count: 6)
        let loss = KLDivergence.loss(logits: z, targets: t, rows: 1, gradient: &g)
        // log softmax of class 3 = 5e3 − (1e4 + log 2).
        XCTAssertEqual(loss, 5e3 + log(2.0), accuracy: 1e-6)
        XCTAssertEqual(g, [0.5, 0, 0, -1, 0.5, 0])
        var p = [Double](repeating: 0, count: 6)
        KLDivergence.probabilities(logits: z, rows: 1, into: &p)
        XCTAssertEqual(p, [0.5, 0, 0, 0, 0.5, 0])
    }

    func testGradientAgainstFiniteDifferences() {
        let rows = 3
        var z = GradientCheck.values(rows * 6, seed: 21, scale: 3)
        let targets = SoftLabel.matrix([.blend(.ang, 70, .fea), .single(.neu), .blend(.hap, 50, .sad)])
        var g = [Float](repeating: 0, count: rows * 6)
        _ = KLDivergence.loss(logits: z, targets: targets, rows: rows, gradient: &g)
        z.withUnsafeMutableBufferPointer { zb in
            GradientCheck.compare(zb.baseAddress!, analytic: g, indices: 0..<(rows * 6), relative: 1e-3,
                                  absolute: 1e-5, "loss") {
                KLDivergence.loss(logits: zb.baseAddress!, targets: targets, rows: rows)
            }
        }
    }
}
