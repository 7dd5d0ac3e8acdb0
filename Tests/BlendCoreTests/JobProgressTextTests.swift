import BlendCore
import XCTest

/// One reading of a job's progress and time left for `jobs`, the progress bar and the TUI.
final class JobProgressTextTests: XCTestCase {
    func testPercentRoundsDownSoOnlyAFinishedJobReads100() {
        XCTAssertEqual(JobProgressText.percent(0.006), "0%", "a job cancelled at 0.6% has not done 1%")
        XCTAssertEqual(JobProgressText.percent(0.4), "40%")
        XCTAssertEqual(JobProgressText.percent(0.999), "99%")
        XCTAssertEqual(JobProgressText.percent(1), "100%")
        XCTAssertEqual(JobProgressText.percent(.nan), "–")
    }

    func testClock() {
        XCTAssertEqual(JobProgressText.clock(42), "42s")
        XCTAssertEqual(JobProgressText.clock(185), "3m05s")
        XCTAssertEqual(JobProgressText.clock(3725), "1h02m")
    }

    func testTimeLeftIsTheJobsOwnEstimateElseExtrapolated() {
        XCTAssertEqual(JobProgressText.remaining(fraction: 0.4, elapsed: 120, reported: 65), 65)
        XCTAssertEqual(JobProgressText.remaining(fraction: 0.4, elapsed: 120, reported: nil)!, 180, accuracy: 1e-9)
        XCTAssertNil(JobProgressText.remaining(fraction: 0.001, elapsed: 120, reported: nil), "too early to say")
    }
}
