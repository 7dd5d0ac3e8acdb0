@testable import BlendCore
import Foundation
import XCTest
@testable import BlendReport

/// A verb's view of a report (`projected`) and the report's rows as `--json` holds them
/// (`ReportRowsJSON`): the report's own values, renamed, picked and nested, never recomputed.
final class ReportViewTests: XCTestCase {
    private let table = ExportTable(
        name: "t", title: "T",
        columns: [ExportColumn("fold", nil, .text), ExportColumn("hits", nil, .count), ExportColumn("clips", nil, .count),
                  ExportColumn("beta", "β*", .threshold), ExportColumn("score", "Score", .rate)]
            + ExportColumn.bounds(of: "beta", "β*", .threshold) + ExportColumn.bounds(of: "score", "Score", .rate),
        rows: [
            [.text("0"), .integer(3), .integer(12), .number(0.0974), .number(0.2706), .number(0.05), .number(0.1447),
             .number(0.188), .number(0.3)],
            [.text("1"), .integer(0), .integer(0), .missing, .number(0.25), .missing, .missing, .missing, .missing],
        ])

    func testAViewRenamesPicksAndKeepsTheDigits() {
        let view = table.projected([
            ViewColumn("fold", "f"), ViewColumn("hits", "share", .percent(of: "clips")),
            ViewColumn("hits", "of", .ratio(of: "clips"), left: true),
            ViewColumn("beta", "β", .point), ViewColumn("beta", "β range", .interval), ViewColumn("score", "S"),
            ViewColumn("fold", "fold and score", .followed(by: "score")),
        ], rows: 0..<1)
        XCTAssertEqual(TextTable.render(view), """
            f  share  of         β           β range                  S  fold and score
            0    25%  3/12  0.0974  [0.0500, 0.1447]  .271 [.188, .300]  0 .271
            """)
        let all = table.projected(["fold": "f", "hits": "n"])
        XCTAssertEqual(all.rows.count, 2)
        XCTAssertEqual(all.columns.map(\.title), ["f", "n"])
        let empty = table.projected([ViewColumn("hits", "share", .percent(of: "clips")), ViewColumn("beta", "r", .interval)],
                                    rows: 1..<2)
        XCTAssertEqual(empty.rows, [[.missing, .missing]], "a share of nothing and no interval are missing")
    }

    func testRowsAsJSONNestTheIntervalsInCI() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let settings = BootstrapSettings(replicates: 50, seed: 3)
        let text = String(decoding: try encoder.encode(ReportRowsJSON(table, ci: settings, ciExtras: ["resampled": .text("actors")],
                                                                       omitting: ["hits"])), as: UTF8.self)
        XCTAssertEqual(text, """
            [{"beta":0.0974,"ci":{"beta":[0.05,0.1447],"level":0.95,"replicates":50,"resampled":"actors","score":[0.188,0.3],"seed":3},\
            "clips":12,"fold":"0","score":0.2706},\
            {"ci":{"level":0.95,"replicates":50,"resampled":"actors","seed":3},"clips":0,"fold":"1","score":0.25}]
            """)
        let plain = String(decoding: try encoder.encode(ReportRowsJSON(table.projected(["fold": "fold"]))), as: UTF8.self)
        XCTAssertEqual(plain, #"[{"fold":"0"},{"fold":"1"}]"#)
    }

    /// A verb's document under its own keys: a column renamed (its interval too), a field no
    /// column has, a field standing in a column's place, per-row `ci` fields, and no `ci` on
    /// a row without any interval when asked.
    func testRowsAsJSONTakeTheVerbsKeysAndExtras() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let extras = [
            ReportRowsJSON.RowExtras(fields: ["note": .value(.text("n0")), "clips": .value(.integer(7))],
                                     ci: ["covers": .flag(true), "units": .value(.integer(2))]),
            ReportRowsJSON.RowExtras(fields: ["note": .flag(nil)]),
        ]
        let shape = ReportRowsJSON.Shape(ci: BootstrapSettings(replicates: 50, seed: 3), ciOnlyWithIntervals: true,
                                         omitting: ["hits", "beta"], renaming: ["score": "s", "fold": "group"], extras: extras)
        let text = String(decoding: try encoder.encode(ReportRowsJSON(table, shape)), as: UTF8.self)
        XCTAssertEqual(text, """
            [{"ci":{"covers":true,"level":0.95,"replicates":50,"s":[0.188,0.3],"seed":3,"units":2},"clips":7,"group":"0",\
            "note":"n0","s":0.2706},\
            {"clips":0,"group":"1","s":0.25}]
            """)
        let one = String(decoding: try encoder.encode(ReportRowsJSON(table, shape).row(1)), as: UTF8.self)
        XCTAssertEqual(one, #"{"clips":0,"group":"1","s":0.25}"#)
    }

    /// Best cells: the labels, the cell's numbers, and with intervals their bounds beside what
    /// each replicate resampled; the text table folds the bounds into the rates.
    func testBestCellsCarryEachCellsInterval() {
        let cell = SweepCell(alphaIndex: 1, betaIndex: 2, thresholds: Thresholds(alpha: 0.1, beta: 0.2),
                             metrics: Metrics(clips: 10, blends: 4, presenceHits: 7, salienceHits: 2))
        let ci = MetricIntervals(settings: .standard, units: 3, accPresence: Interval(0.6, 0.8), accSalience: Interval(0.25, 0.75),
                                 score: Interval(0.5, 0.7))
        let t = AnalysisTables.bestCells([BestCellRow(labels: ["fold 0"], cell: cell, intervals: ci),
                                          BestCellRow(labels: ["fold 1"], cell: cell, intervals: nil)],
                                         labels: ["group"], name: "g", title: "G")
        XCTAssertEqual(t.columns.map(\.key), ["group", "alpha", "beta", "acc_presence", "acc_salience", "score", "clips", "blends",
                                              "acc_presence_lo", "acc_presence_hi", "acc_salience_lo", "acc_salience_hi",
                                              "score_lo", "score_hi", "resampled", "units"])
        XCTAssertEqual(t.rows[0].suffix(2), [.text("actors"), .integer(3)])
        XCTAssertEqual(t.rows[1].suffix(8), Array(repeating: .missing, count: 8))
        let text = TextTable.render(t.projected(["group": "fold", "acc_presence": "ACC_P"]))
        XCTAssertEqual(text, "fold                ACC_P\nfold 0  .700 [.600, .800]\nfold 1               .700")
    }
}
