@testable import BlendBench
import XCTest
import BlendCore

final class AnalysisBenchmarksTests: XCTestCase {
    func testReportsEachAnalysisWithTheIssuesTargets() {
        let results = AnalysisBenchmarks.run(on: .synthetic(count: 300, seed: 7), repeats: 1)
        XCTAssertEqual(results.map { $0.name.prefix { $0 != " " } }, ["confusion", "per-actor", "nested", "label"])
        XCTAssertEqual(results.map(\.targetMilliseconds), [5, 50, 50, nil])
        XCTAssertTrue(results[0].name.hasSuffix("300 clips"), results[0].name)
        XCTAssertTrue(results.allSatisfy { $0.runs == 1 && $0.medianMilliseconds >= 0 })
    }
}
