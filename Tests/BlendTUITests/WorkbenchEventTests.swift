import XCTest
@testable import BlendTUI

/// The screens follow the project, the thresholds and their own entry through explicit
/// events rather than a refresh after every action.
final class WorkbenchEventTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testAScreenEnteredBeforeTheProjectArrivesCatchesUpWhenItDoes() {
        var clips = WorkbenchProgram.initialState(path: F.project.path, width: 160, height: 48)
        F.send(&clips, F.key("2"))
        XCTAssertTrue(F.effectKeys(&clips, .loaded(F.project)).contains(ClipsReducer.clipNotesKey),
                      "the selected clip's notes are read once the project is there")

        var fusion = WorkbenchProgram.initialState(path: F.project.path, width: 80, height: 24)
        F.send(&fusion, F.key("4"))
        XCTAssertFalse(fusion.fusion.loading, "nothing to read before the project")
        XCTAssertTrue(F.effectKeys(&fusion, .loaded(F.project)).contains(EffectKey.fusionLoad.rawValue))
    }

    func testEnteringAScreenRefreshesItsTablesAtTheCurrentThresholds() {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("3"), F.key("right"), F.key("right"))
        XCTAssertNotEqual(state.confusion.key?.thresholds, state.thresholds, "the Confusion tables wait until shown")
        F.send(&state, F.key("5"))
        XCTAssertEqual(state.confusion.key?.thresholds, state.thresholds)
    }

    func testAnActionThatChangesNothingShownAsksForNothing() {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("2"))
        let keys = F.effectKeys(&state, .app(.showToast("hello", .info))).compactMap { $0 }
        XCTAssertTrue(keys.allSatisfy { $0.hasPrefix("toast:") }, "\(keys)")
    }
}
