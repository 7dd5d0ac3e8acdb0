import BlendCore
import XCTest
@testable import BlendTUI

/// Screen reducers run over their own slice with the shared values passed in; what they ask
/// of the rest of the workbench comes back as actions, run by the one scoping step.
final class ScreenReducerTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testTheConfusionReducerChangesItsSliceAndAsksForTheRest() {
        let state = F.loaded()
        var confusion = ConfusionState()
        let context = ScreenContext(state)
        XCTAssertTrue(ConfusionReducer.reduce(&confusion, .click(row: 2, column: 1), context).then.isEmpty)
        XCTAssertEqual([confusion.row, confusion.column], [2, 1])
        let again = ConfusionReducer.reduce(&confusion, .click(row: 2, column: 1), context)
        guard case .confusion(.openCell)? = again.then.first else { return XCTFail("the second click opens the cell: \(again.then)") }
        let written = ConfusionReducer.reduce(&confusion, .exported("/tmp/x.csv"), context)
        XCTAssertEqual(confusion.lastExport, "/tmp/x.csv")
        guard case .app(.showToast("wrote /tmp/x.csv", .success))? = written.then.first else { return XCTFail("\(written.then)") }
    }

    func testTheDurationReducerDropsAReportForThresholdsLeftBehind() {
        var durations = DurationSectionState()
        durations.requestedAt = Thresholds(alpha: 0.2, beta: 0.3)
        _ = DurationSectionReducer.reduce(&durations, .analysed(nil, at: Thresholds(alpha: 0.1, beta: 0.3)))
        XCTAssertNil(durations.computedAt)
        _ = DurationSectionReducer.reduce(&durations, .analysed(nil, at: Thresholds(alpha: 0.2, beta: 0.3)))
        XCTAssertEqual(durations.computedAt, Thresholds(alpha: 0.2, beta: 0.3))
    }
}
