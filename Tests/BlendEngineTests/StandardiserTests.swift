import XCTest
@testable import BlendEngine

final class StandardiserTests: XCTestCase {
    func testFitsOnChosenRowsOnly() {
        // Rows 0 and 2 are the fit set; row 1 is an outlier that must not count.
        let x: [Float] = [1, 7, 1000, -1000, 3, 7]
        let s = Standardiser(fitting: x, columns: 2, rows: [0, 2])
        XCTAssertEqual(s.mean, [2, 7])
        // Population std of (1, 3) is 1; a constant column keeps scale 1.
        XCTAssertEqual(s.scale, [1, 1])
        XCTAssertEqual(s.apply(to: x, rows: [2, 1]), [1, 0, 998, -1007])
    }

    func testUnitVarianceAfterwards() {
        let x = GradientCheck.values(300, seed: 4, scale: 5).map { $0 * 3 + 2 }
        let s = Standardiser(fitting: x, columns: 3, rows: Array(0..<100))
        let y = s.apply(to: x, rows: Array(0..<100))
        for j in 0..<3 {
            let column = (0..<100).map { Double(y[$0 * 3 + j]) }
            let mean = column.reduce(0, +) / 100
            let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 100
            XCTAssertEqual(mean, 0, accuracy: 1e-6)
            XCTAssertEqual(variance, 1, accuracy: 1e-5)
        }
    }
}
