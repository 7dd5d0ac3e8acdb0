import XCTest
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

    /// The threaded split gives the same bits as one thread.
    func testThreadedUpdateIsIdentical() {
        let n = Adam.parallelThreshold + 1_001
        let g = GradientCheck.values(n, seed: 7)
        var a = GradientCheck.values(n, seed: 8), b = a
        let one = Adam(settings: AdamSettings(learningRate: 0.01, weightDecay: 1e-4), parameterCount: n)
        let two = Adam(settings: AdamSettings(learningRate: 0.01, weightDecay: 1e-4), parameterCount: n)
        for _ in 0..<2 {
            a.withUnsafeMutableBufferPointer { one.update(parameters: $0.baseAddress!, gradients: g, count: n, threads: 1) }
            b.withUnsafeMutableBufferPointer { two.update(parameters: $0.baseAddress!, gradients: g, count: n, threads: 2) }
        }
        XCTAssertEqual(a, b)
    }
}
