import XCTest
@testable import BlendTUI

/// A weight that is not a number never reaches the Fusion screen's weights.
final class FusionWeightBoundsTests: XCTestCase {
    func testNonFiniteWeightsLeaveTheWeightsAsTheyWere() {
        let weights = [0.25, 0.75]
        for value in [Double.nan, .infinity, -.infinity] {
            XCTAssertEqual(FusionWeightEditor.setting(0, to: value, in: weights, active: [true, true]), weights, "\(value)")
        }
        XCTAssertEqual(FusionWeightEditor.setting(0, to: 2, in: weights, active: [true, true]), [1, 0], "clamped to 1")
    }
}
