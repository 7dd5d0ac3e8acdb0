import XCTest
@testable import BlendEngine

final class BatchNormStatisticsTests: XCTestCase {
    /// PyTorch's bookkeeping: running mean/var move 10% toward the batch mean and the
    /// *unbiased* batch variance; training output uses the biased variance; evaluation uses
    /// the running statistics.
    func testRunningStatisticsAndModes() {
        let params = FloatBuffer(count: 4), grads = FloatBuffer(count: 4), state = FloatBuffer(count: 4)
        let layer = BatchNorm(width: 2, activation: .identity, capacity: 4, parameters: params.pointer,
                              gradients: grads.pointer, state: state.pointer, offset: 0)
        layer.initialise()
        XCTAssertEqual(state.array, [0, 0, 1, 1])
        // Column 0: 1, 2, 3, 6 (mean 3, biased var 3.5, unbiased 14/3); column 1 constant 5.
        let x: [Float] = [1, 5, 2, 5, 3, 5, 6, 5]
        let y = x.withUnsafeBufferPointer {
            Array(UnsafeBufferPointer(start: layer.forward($0.baseAddress!, rows: 4, training: true), count: 8))
        }
        let inv = 1 / (3.5 + 1e-5).squareRoot()
        for (r, v) in [1.0, 2, 3, 6].enumerated() { XCTAssertEqual(Double(y[r * 2]), (v - 3) * inv, accuracy: 1e-6) }
        for r in 0..<4 { XCTAssertEqual(y[r * 2 + 1], 0) }
        XCTAssertEqual(Double(state.pointer[0]), 0.3, accuracy: 1e-7)
        XCTAssertEqual(Double(state.pointer[1]), 0.5, accuracy: 1e-7)
        XCTAssertEqual(Double(state.pointer[2]), 0.9 + 0.1 * 14 / 3, accuracy: 1e-6)
        XCTAssertEqual(Double(state.pointer[3]), 0.9, accuracy: 1e-7)

        let probe: [Float] = [2, 5]
        let e = probe.withUnsafeBufferPointer {
            Array(UnsafeBufferPointer(start: layer.forward($0.baseAddress!, rows: 1, training: false), count: 2))
        }
        XCTAssertEqual(Double(e[0]), (2 - 0.3) / (0.9 + 0.1 * 14 / 3 + 1e-5).squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(Double(e[1]), (5 - 0.5) / (0.9 + 1e-5).squareRoot(), accuracy: 1e-5)
    }
}
