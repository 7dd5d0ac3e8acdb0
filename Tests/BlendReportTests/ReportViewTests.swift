import BlendCore
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
}
