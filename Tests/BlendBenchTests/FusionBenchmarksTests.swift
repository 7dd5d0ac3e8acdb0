@testable import BlendBench
import XCTest
@testable import BlendCore

/// The benchmark function on a small job: every figure present and the naive ratio computed
/// (how much slower the naive path is is `bench --fuse`'s figure, not a unit test's).
final class FusionBenchmarksTests: XCTestCase {
    func testReportsEveryFigureAndTheNaiveRatio() throws {
        let inputs = FusionInputs.referenceLike(clipCount: 120, seed: 7).inputs.selecting(encoders: [0, 1, 2])
        let results = try FusionBenchmarks.run(on: inputs, label: "test", repeats: 1, rounds: 2)
        XCTAssertEqual(results.count, 4)
        XCTAssertEqual(results.map(\.targetMilliseconds), [500, 2000, 5, nil])
        XCTAssertTrue(results[0].name.hasPrefix("fuse greedy 2 rounds · 3 encoders × 120 clips"), results[0].name)
        XCTAssertTrue(results[3].name.contains("naive"), results[3].name)
        let ratio = try XCTUnwrap(FusionBenchmarks.naiveRatio(results))
        XCTAssertEqual(ratio, results[3].medianMilliseconds / results[0].medianMilliseconds)
        XCTAssertTrue(results.allSatisfy { $0.medianMilliseconds > 0 })
    }
}
