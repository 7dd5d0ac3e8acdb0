@testable import BlendBench
import XCTest

final class TUIBenchmarksTests: XCTestCase {
    func testBenchmarksRunOffScreenAndNameTheirTargets() throws {
        let results = try TUIBenchmarks.run(projectPath: nil, syntheticCount: 2_000, repeats: 1)
        XCTAssertEqual(results.map(\.name), ["tui loaded frame · 2000 synthetic clips", "tui β step + frame · 2000 synthetic clips",
                                             "tui β step + frame, Clips filtered to wrong · 2000 synthetic clips",
                                             "clip rows rebuild off the UI thread (wrong, by name) · 2000 synthetic clips",
                                             "tui clip selected → first frame · 640×480 h264"])
        XCTAssertEqual(results.map(\.targetMilliseconds), [1000, 16, 16, nil, 50])
        XCTAssertTrue(results.allSatisfy { $0.medianMilliseconds > 0 })
    }
}
