import BlendCore
import BlendReport
import XCTest
@testable import BlendTUI

/// The screens' report-backed tables are the reports' own rows (the ones `blendscope` and every
/// export render), each number at the screen's places through the one formatter.
final class ReportColumnsTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testTheFoldsPaneShowsTheFoldsReportsRowsWithoutItsMean() throws {
        let state = F.loaded()
        let report = try XCTUnwrap(state.analysis?.foldReport)
        let table = OverviewScreen.foldsTable(report, source: "s")
        XCTAssertEqual(table.rowCount, report.folds.count, "the report's mean row stays out of the pane")
        XCTAssertEqual(table.tableColumns.map(\.title), ["fold", "clips", "α*", "β*", "own", "honest"])
        for (i, fold) in report.folds.enumerated() {
            XCTAssertEqual(table.cells(i), [String(fold.fold), String(fold.clips),
                                            NumberText.fixed(fold.own.thresholds.alpha, places: 2, leadingZero: false),
                                            NumberText.fixed(fold.own.thresholds.beta, places: 2, leadingZero: false),
                                            NumberText.fixed(fold.own.metrics.score, places: 3, leadingZero: false),
                                            NumberText.fixed(fold.honest.score, places: 3, leadingZero: false)])
        }
    }

    func testTheActorTableReadsTheActorsReport() throws {
        let state = F.loaded()
        let report = try XCTUnwrap(state.thresholdsScreen.actorReport)
        let clips = try XCTUnwrap(state.project?.index?.clips)
        let table = ThresholdsScreen.actorTable(report, clips: clips, source: "s", wide: true)
        let rows = AnalysisTables.actors(report, clips: clips, source: "s")
        XCTAssertEqual(table.rowCount, rows.rows.count)
        let key = try XCTUnwrap(rows.columns.firstIndex { $0.key == "acc_salience_at_best" })
        for r in rows.rows.indices {
            XCTAssertEqual(table.cells(r)[0], report.actors[r].actor)
            let expected = if case .number(let x) = rows.rows[r][key] { NumberText.fixed(x, places: 3, leadingZero: false) } else { "–" }
            XCTAssertEqual(table.cells(r)[4], expected)
        }
    }

    func testThePerEmotionTableReadsTheEmotionsReport() throws {
        var state = F.loaded()
        F.send(&state, F.key("5"))
        let tables = try XCTUnwrap(state.confusion.tables)
        for width in [17, 40, 60, 90] {
            let tier = ConfusionScreen.EmotionTier(width: width)
            let table = ConfusionScreen.emotionTable(tables, source: "s", intervals: nil, tier: tier)
            XCTAssertEqual(table.rowCount, tables.perEmotion.count)
            for (i, s) in tables.perEmotion.enumerated() {
                let cells = table.cells(i)
                XCTAssertEqual(cells.first, s.emotion.code)
                // F1, then its interval (still computing here).
                XCTAssertEqual(cells[cells.count - 2], NumberText.fixed(s.f1, places: tier.digits, leadingZero: false))
                XCTAssertEqual(cells.last, "[…]")
            }
        }
        // With the intervals: the report's bounds, in the same digits.
        let intervals = F.scored.emotionIntervals(at: state.thresholds, settings: BootstrapSettings(level: 0.95, replicates: 50, seed: 1))
        let table = ConfusionScreen.emotionTable(tables, source: "s", intervals: intervals, tier: .init(width: 90))
        for i in tables.perEmotion.indices {
            let f1 = intervals[i].f1
            XCTAssertEqual(table.cells(i).last,
                           "[\(NumberText.fixed(f1.lo, places: 3, leadingZero: false)), \(NumberText.fixed(f1.hi, places: 3, leadingZero: false))]")
        }
    }
}
