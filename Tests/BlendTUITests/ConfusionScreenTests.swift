import BlendCore
import BlendReport
import BlendStore
import Foundation
import XCTest
@testable import BlendTUI

final class ConfusionScreenTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testArrowsAndVimKeysMoveTheCellWithinTheTable() {
        var state = F.loadedOnConfusion()
        XCTAssertEqual(state.app.screen, .confusion)
        F.send(&state, F.key("up"), F.key("left"))
        XCTAssertEqual([state.confusion.row, state.confusion.column], [0, 0])
        F.send(&state, F.key("j"), F.key("down"), F.key("l"))
        XCTAssertEqual([state.confusion.row, state.confusion.column], [2, 1])
        F.send(&state, F.key("d"))
        XCTAssertEqual(state.confusion.column, 2)
        F.send(&state, F.key("k"), F.key("h"), F.key("right"))
        XCTAssertEqual([state.confusion.row, state.confusion.column], [1, 2])
        for _ in 0..<20 { F.send(&state, F.key("j"), F.key("l")) }
        XCTAssertEqual([state.confusion.row, state.confusion.column], [15, 15])
        XCTAssertEqual(state.confusion.cell, ConfusionCell(truth: LabelSet.all[15], predicted: LabelSet.all[15]))
    }

    func testTablesAreBlendCoresAndFollowTheThresholdsWhileShown() {
        var state = F.loadedOnConfusion()
        XCTAssertEqual(state.confusion.tables, F.scored.confusionTables(at: state.thresholds))
        XCTAssertEqual(state.confusion.metrics, F.scored.evaluate(state.thresholds))
        let moved = Thresholds(alpha: 0.3, beta: 0.05)
        F.send(&state, .thresholds(.setThresholds(moved)))
        XCTAssertEqual(state.confusion.tables, F.scored.confusionTables(at: moved))
        // Elsewhere the tables wait until the screen shows again.
        F.send(&state, F.key("1"), .thresholds(.setThresholds(Thresholds(alpha: 0.15, beta: 0.3))))
        XCTAssertEqual(state.confusion.tables?.thresholds, moved)
        F.send(&state, F.key("5"))
        XCTAssertEqual(state.confusion.tables, F.scored.confusionTables(at: Thresholds(alpha: 0.15, beta: 0.3)))
    }

    func testTablesArriveWithTheProjectWhenTheScreenWasChosenBeforeIt() {
        var state = WorkbenchProgram.initialState(path: F.project.path, width: 80, height: 24)
        F.send(&state, F.key("5"))
        XCTAssertNil(state.confusion.tables)
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("reading"))
        F.send(&state, .loaded(F.project))
        XCTAssertEqual(state.confusion.tables, F.scored.confusionTables(at: F.project.thresholds))
    }

    func testRatesKeyTogglesCountsAndRowPercentages() throws {
        var state = F.loadedOnConfusion()
        let table = try XCTUnwrap(state.confusion.tables?.presence)
        let diagonal = table.count(row: 0, column: 0)
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("counts"))
        F.send(&state, F.key("r"))
        XCTAssertTrue(state.confusion.rates)
        let text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("row %"))
        let percent = "\(Int((table.rate(row: 0, column: 0) * 100).rounded()))"
        let firstRow = try XCTUnwrap(text.split(separator: "\n").first { $0.dropFirst().hasPrefix("ang ") })
        XCTAssertTrue(firstRow.contains(" \(percent)"), "\(firstRow) lacks \(percent) (count \(diagonal))")
        F.send(&state, F.key("r"))
        XCTAssertFalse(state.confusion.rates)
    }

    func testScopeCyclesAllSplitsFoldsAndTheClipsActor() throws {
        var state = F.loadedOnConfusion()
        let folds = Set(F.scored.clips.compactMap(\.fold)).sorted()
        var expected: [ClipScope] = [.split(.train), .split(.test)] + folds.map(ClipScope.fold) + [.all]
        for scope in expected {
            F.send(&state, F.key("s"))
            XCTAssertEqual(state.confusion.scope, scope)
            let tables = try XCTUnwrap(state.confusion.tables)
            XCTAssertEqual(tables, F.scored.confusionTables(at: state.thresholds, in: scope))
            XCTAssertEqual(tables.presence.total, scope.indices(in: F.scored.clips).count)
            XCTAssertEqual(state.confusion.metrics, F.scored.filter(scope.contains).evaluate(state.thresholds))
        }
        // With an actor chosen on the Clips screen, that actor joins the cycle last.
        F.send(&state, F.key("2"), .clips(.selectActor(1)))
        let actor = try XCTUnwrap(state.clips.query.actor)
        F.send(&state, F.key("5"))
        expected = ConfusionReducer.scopes(ScreenContext(state))
        XCTAssertEqual(expected.last, .actor(actor))
        for _ in 0..<(expected.count - 1) { F.send(&state, F.key("s")) }
        XCTAssertEqual(state.confusion.scope, .actor(actor))
        XCTAssertEqual(state.confusion.tables?.presence.total, F.scored.clips.filter { $0.actor == actor }.count)
    }

    func testEnterListsExactlyTheCellsClipsOnClipsAndEscapeClearsTheFilter() async throws {
        var state = F.loadedOnConfusion()
        F.send(&state, F.key("2"), F.key("f"), F.key("w"), F.key("5"), F.key("s"), F.key("s"))
        XCTAssertEqual(state.confusion.scope, .split(.test))
        let table = try XCTUnwrap(state.confusion.tables?.presence)
        // The fullest off-diagonal cell: a real confusion, with several clips.
        let cells = LabelSet.all.indices.flatMap { r in LabelSet.all.indices.filter { $0 != r }.map { (r, $0) } }
        let (row, column) = try XCTUnwrap(cells.max { table.count(row: $0.0, column: $0.1) < table.count(row: $1.0, column: $1.1) })
        XCTAssertGreaterThan(table.count(row: row, column: column), 1)
        state.confusion.row = row
        state.confusion.column = column
        F.send(&state, F.key("enter"))
        XCTAssertEqual(state.app.screen, .clips)
        XCTAssertEqual(state.clips.query.cell, ConfusionCell(truth: LabelSet.all[row], predicted: LabelSet.all[column], scope: .split(.test)))
        XCTAssertEqual(state.clips.query.kind, .all)
        XCTAssertEqual(state.clips.query.outcome, .all)
        let expected = F.scored.confusionTables(at: state.thresholds, in: .split(.test)).presence.clips(row: row, column: column)
        XCTAssertEqual(state.clips.rows.count, expected.count)
        XCTAssertEqual(Set(state.clips.rows), Set(expected))
        let clipsText = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(clipsText.contains("cell \(LabelSet.all[row]) → \(LabelSet.all[column]) (test)"), clipsText)
        // The cell follows the thresholds, as the table does.
        let moved = Thresholds(alpha: 0.25, beta: 0.1)
        // The rows follow off the UI thread.
        let effects = F.program.update(&state, .thresholds(.setThresholds(moved)))
        for action in await F.perform(effects, key: ClipsReducer.clipRowsKey) { F.send(&state, action) }
        let movedExpected = F.scored.confusionTables(at: moved, in: .split(.test)).presence.clips(row: row, column: column)
        XCTAssertEqual(Set(state.clips.rows), Set(movedExpected))
        F.send(&state, F.key("esc"))
        XCTAssertNil(state.clips.query.cell)
        XCTAssertEqual(state.clips.rows.count, F.scored.count)
    }

    func testClickSelectsACellAndASecondClickOpensIt() throws {
        var state = F.loadedOnConfusion()
        let table = try XCTUnwrap(state.confusion.tables?.presence)
        XCTAssertGreaterThan(table.count(row: 3, column: 8), 0)
        let point = try XCTUnwrap(F.point(of: "confusion-cell:3,8", in: state))
        let click = InputEvent.mouse(MouseEvent(x: point.x, y: point.y, action: .press(.left)))
        let actions = F.program.actions(for: click, region: "confusion-cell:3,8", state: state)
        XCTAssertEqual(actions.count, 1)
        for action in actions { F.send(&state, action) }
        XCTAssertEqual([state.confusion.row, state.confusion.column], [3, 8])
        XCTAssertEqual(state.app.screen, .confusion)
        for action in F.program.actions(for: click, region: "confusion-cell:3,8", state: state) { F.send(&state, action) }
        XCTAssertEqual(state.app.screen, .clips)
        XCTAssertEqual(state.clips.rows.count, table.count(row: 3, column: 8))
    }

    func testWheelOverTheTableMovesTheRowAndLargestConfusionsAreClickable() throws {
        var state = F.loadedOnConfusion(width: 160, height: 48)
        let layout = ConfusionLayout(state.app)
        let wheel = InputEvent.mouse(MouseEvent(x: layout.presence.x + 3, y: layout.presence.y + 5, action: .wheelDown))
        for action in F.program.actions(for: wheel, region: nil, state: state) { F.send(&state, action) }
        XCTAssertEqual(state.confusion.row, 1)
        // The first line of "Largest confusions" is the fullest off-diagonal cell.
        let table = try XCTUnwrap(state.confusion.tables?.presence)
        let sets = LabelSet.all.indices
        let fullest = sets.flatMap { r in sets.filter { $0 != r }.map { (r, $0) } }
            .max { a, b in
                let na = table.count(row: a.0, column: a.1), nb = table.count(row: b.0, column: b.1)
                return na != nb ? na < nb : (a.0, a.1) > (b.0, b.1)
            }!
        let region = "confusion-cell:\(fullest.0),\(fullest.1)"
        let canvas = F.program.frame(state, width: 160, height: 48)
        let row = layout.confusions.y + 1
        XCTAssertEqual(canvas.region(atX: layout.confusions.x + 3, y: row), region)
        let click = InputEvent.mouse(MouseEvent(x: layout.confusions.x + 3, y: row, action: .press(.left)))
        for action in F.program.actions(for: click, region: region, state: state) { F.send(&state, action) }
        XCTAssertEqual([state.confusion.row, state.confusion.column], [fullest.0, fullest.1])
    }

    func testAnEmptyCellStaysAndSaysSo() throws {
        var state = F.loadedOnConfusion()
        let table = try XCTUnwrap(state.confusion.tables?.presence)
        XCTAssertEqual(table.count(row: 0, column: 1), 0)
        F.send(&state, F.key("l"), F.key("enter"))
        XCTAssertEqual(state.app.screen, .confusion)
        XCTAssertNil(state.clips.query.cell)
        XCTAssertEqual(state.app.toasts.last?.text, "no clip in ang → disg")
    }

    func testChooserClosesOnEscapeAndPassesOtherKeysOn() {
        var state = F.loadedOnConfusion()
        F.send(&state, F.key("e"))
        XCTAssertNotNil(state.confusion.exportChoice)
        // Keys go to the chooser, not to the table.
        F.pressKeys(&state, "down")
        XCTAssertEqual(state.confusion.row, 0)
        XCTAssertEqual(state.confusion.exportChoice, 1)
        F.pressKeys(&state, "esc")
        XCTAssertNil(state.confusion.exportChoice)
        F.pressKeys(&state, "e", "3")
        XCTAssertNil(state.confusion.exportChoice)
        XCTAssertEqual(state.app.screen, .thresholds)
    }

    func testExportFileNamesKeepThresholdsExactAndNamesSafe() {
        let url = ConfusionExport.url(projectPath: "/data/p/demo.sqlite", source: .fusion("greedy 12/a"), scope: .fold(2),
                                      thresholds: Thresholds(alpha: 0.05, beta: 0.4763), rates: false, format: .tex)
        XCTAssertEqual(url.path, "/data/p/exports/confusion-greedy_12_a-fold_2-a.05-b.4763.tex")
        XCTAssertEqual(ConfusionScreen.cellText(count: 0, rate: 0, rates: false, width: 2), "·")
        XCTAssertEqual(ConfusionScreen.cellText(count: 1, rate: 0.004, rates: true, width: 2), "<1")
        XCTAssertEqual(ConfusionScreen.cellText(count: 1234, rate: 0.5, rates: false, width: 2), "1k")
        XCTAssertEqual(ConfusionScreen.cellText(count: 123, rate: 0.5, rates: false, width: 4), "123")
        // Three digits in a three-cell cell take its gap instead of reading `0k`.
        XCTAssertEqual(ConfusionScreen.cellText(count: 123, rate: 0.5, rates: false, width: 2), "123")
        XCTAssertEqual(ConfusionScreen.cellText(count: 12_345, rate: 0.5, rates: false, width: 2), "12k")
    }
}
