import BlendCore
import XCTest

final class NumberLimitTests: XCTestCase {
    /// The hostile values the issue names, as a user would type them.
    static let hostile = ["NaN", "nan", "inf", "-inf", "-1", "2", "1e308", "4.9e-324", "1e-300"]

    func testProbabilitiesRefuseNaNInfinityAndValuesOutsideZeroToOne() throws {
        let limit = UserLimits.probability
        var admitted: [String] = []
        for text in Self.hostile {
            let value = try XCTUnwrap(Double(text), text)
            if limit.admits(value) { admitted.append(text) }
        }
        // Tiny positive numbers are legitimate probabilities; everything else is refused.
        XCTAssertEqual(admitted, ["4.9e-324", "1e-300"])
        XCTAssertThrowsError(try limit.check(.nan, name: "--alpha")) { error in
            XCTAssertEqual("\(error)", "--alpha must be a number in [0, 1], got nan")
        }
        XCTAssertNoThrow(try limit.check(0, name: "--alpha"))
        XCTAssertNoThrow(try limit.check(1, name: "--alpha"))
    }

    func testStepsRefuseTinyValuesThatWouldAskForAstronomicalGrids() throws {
        for limit in [UserLimits.gridStep, UserLimits.fusionStep] {
            for text in Self.hostile {
                XCTAssertFalse(limit.admits(try XCTUnwrap(Double(text))), text)
            }
        }
        XCTAssertThrowsError(try UserLimits.gridStep.check(1e-300, name: "--grid")) { error in
            XCTAssertEqual("\(error)", "--grid must be a number in [0.001, 0.5], got 1e-300")
        }
        XCTAssertTrue(UserLimits.gridStep.admits(0.01))
    }

    func testWholeNumbersHaveBoundsThatKeepWorkBounded() {
        XCTAssertThrowsError(try UserLimits.epochs.check(1_000_000_000_000_000_000, name: "--epochs")) { error in
            XCTAssertEqual("\(error)", "--epochs must be a whole number in [1, 10000], got 1000000000000000000")
        }
        XCTAssertFalse(UserLimits.epochs.admits(0))
        XCTAssertFalse(UserLimits.top.admits(Int.max))
        XCTAssertTrue(UserLimits.patience.admits(0))
    }

    func testEveryDocumentedBoundIsFinite() {
        let limits: [NumberLimit<Double>] = [UserLimits.probability, UserLimits.gridStep, UserLimits.fusionStep,
                                             UserLimits.fusionWeight, UserLimits.durationEdge, UserLimits.mediaTime,
                                             UserLimits.learningRate, UserLimits.weightDecay, UserLimits.dropout]
        for limit in limits {
            XCTAssertTrue(limit.range.lowerBound.isFinite && limit.range.upperBound.isFinite)
            XCTAssertFalse(limit.admits(Double.infinity) || limit.admits(-Double.infinity) || limit.admits(Double.nan))
        }
    }

    func testTypedFusionWeightsAndEdgesAreBounded() {
        XCTAssertThrowsError(try FusionWeightEdit.parse("a=1e308,b=1e308"))
        XCTAssertThrowsError(try FusionWeightEdit.parse("a=nan"))
        XCTAssertThrowsError(try FusionWeightEdit.parse("a=-inf"))
        XCTAssertThrowsError(try FusionWeightEdit.apply([("a", 0)], to: [("b", 0)]))
        XCTAssertThrowsError(try DurationBinning.parseEdges("1e308"))
        XCTAssertThrowsError(try DurationBinning.parseEdges("-1"))
        XCTAssertThrowsError(try DurationBinning.parseEdges((1...100).map(String.init).joined(separator: ",")))
        XCTAssertNoThrow(try DurationBinning.parseEdges((1...99).map(String.init).joined(separator: ",")))
    }
}
