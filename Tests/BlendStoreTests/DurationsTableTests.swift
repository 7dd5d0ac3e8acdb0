import BlendCore
import Foundation
import BlendTestSupport
import XCTest
@testable import BlendReport
@testable import BlendStore

/// The durations export table on a hand-made report (`HandMadeDurations`, the same clips
/// `DurationReportTests` in BlendCoreTests use): cell by cell, and against golden Markdown and LaTeX.
final class DurationsTableTests: XCTestCase {
    /// c0 single (2 s), c1 50/50 margin .20 (2.5 s), c2 70/30 margin .30 (2.9 s), c3 50/50
    /// margin .10 (4 s), c4 70/30 reversed (4.5 s), c5 70/30 margin .06 (5 s), c6 no video.
    /// Edges 2.5 and 6: the first bin holds c0 only, the last none.
    private func report() throws -> DurationReport {
        let (scored, durations) = HandMadeDurations.clips()
        return try XCTUnwrap(SweepIndex(scored).durationReport(durations: durations, binning: .edges([2.5, 6]),
                                                                at: Thresholds(alpha: 0.1, beta: 0.15),
                                                                betas: [0.05, 0.15, 0.25, 0.35]))
    }

    func testOneRowPerBinWithSharesOfNothingMissing() throws {
        let table = AnalysisTables.durations(try report(), source: "encoder hand", scope: "all")
        XCTAssertEqual(table.columns.map(\.key), [
            "bin", "lower_s", "upper_s", "clips", "singles", "even_blends", "uneven_blends", "blend_share",
            "acc_presence", "acc_salience", "score", "best_beta", "acc_salience_at_best_beta",
            "salience_error_share", "reversed_share", "median_margin",
            "pairs_found", "salience_errors", "uneven_pairs_found", "reversed",
        ])
        XCTAssertEqual(table.rows.map { $0[0] }, [.text("< 2.50 s"), .text("2.50–6.00 s"), .text("≥ 6.00 s")])
        XCTAssertEqual(table.rows.map { $0[3] }, [.integer(1), .integer(5), .integer(0)])
        XCTAssertEqual(table.rows[0][1], .missing, "open below")
        XCTAssertEqual(table.rows[2][2], .missing, "open above")
        XCTAssertEqual(table.rows[2][7], .missing, "an empty bin has no blend share")
        XCTAssertEqual(table.rows[0][13], .missing, "no found pair, no salience error share")
        XCTAssertEqual(table.rows[0][11], .missing, "no blend, no best β")
        // The middle bin: c1 and c5 wrong at β .15 of five found pairs; c4 reversed of three kept 70/30.
        XCTAssertEqual(table.rows[1][9], .number(0.4))
        XCTAssertEqual(table.rows[1][13], .number(0.6))
        XCTAssertEqual(table.rows[1][14], .number(1.0 / 3))
        XCTAssertEqual(table.title, "encoder hand by clip duration (all, α 0.1000, β 0.1500, β* at that α; 1 clip without a duration left out)")
        XCTAssertEqual(table.rows[0][9], .missing, "no blend, no ACC_S")
        XCTAssertEqual(table.rows[2][8], .missing, "an empty bin has no ACC_P")
        Golden.assertMatches(ExportFormat.md.render(table), "durations.md")
        Golden.assertMatches(ExportFormat.tex.render(table), "durations.tex")
    }
}
