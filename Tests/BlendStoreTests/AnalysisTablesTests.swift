import BlendCore
import Foundation
import XCTest
@testable import BlendReport
@testable import BlendStore

/// The analysis tables built from small hand-made reports, checked cell by cell and against
/// golden Markdown and LaTeX.
final class AnalysisTablesTests: XCTestCase {
    /// Three folds of one clip each (and a test clip) on a 2×2 grid; see `FoldSelectionTests`
    /// in BlendCoreTests for the hand-worked optima: own Scores 1, 1, .5; honest .5, .5, 0;
    /// baseline fold 0 at (.1, .3).
    private func foldReport() throws -> FoldReport {
        let clips = [
            ClipInfo(name: "f0", actor: "A0", split: .train, fold: 0, label: .blend(.ang, 50, .hap)),
            ClipInfo(name: "f1", actor: "A1", split: .train, fold: 1, label: .blend(.ang, 70, .hap)),
            ClipInfo(name: "f2", actor: "A2", split: .train, fold: 2, label: .single(.hap)),
            ClipInfo(name: "t", actor: "A9", split: .test, fold: nil, label: .single(.sad)),
        ]
        let p: [Double] = [
            0.45, 0.075, 0.075, 0.25, 0.075, 0.075,
            0.45, 0.075, 0.075, 0.25, 0.075, 0.075,
            0.05, 0.05, 0.05, 0.6, 0.2, 0.05,
            0.0, 0.0, 0.0, 0.0, 1.0, 0.0,
        ]
        let grid = ThresholdGrid(alphas: [0.1, 0.4], betas: [0.1, 0.3])
        return try XCTUnwrap(SweepIndex(ScoredClips(clips: clips, probabilities: p)).plan(grid).foldReport())
    }

    func testFoldsTableEndsWithTheMeans() throws {
        let table = AnalysisTables.folds(try foldReport(), source: "encoder hand")
        XCTAssertEqual(table.columns.map(\.key), [
            "fold", "clips", "alpha", "beta", "acc_presence", "acc_salience", "score", "chosen_alpha", "chosen_beta",
            "honest_acc_presence", "honest_acc_salience", "honest_score", "baseline_score",
        ])
        XCTAssertEqual(table.rows.map { $0[0] }, [.text("0"), .text("1"), .text("2"), .text("mean")])
        XCTAssertEqual(table.rows.map { $0[6] }, [.number(1), .number(1), .number(0.5), .number(2.5 / 3)])
        XCTAssertEqual(table.rows.map { $0[11] }, [.number(0.5), .number(0.5), .number(0), .number(1.0 / 3)])
        XCTAssertEqual(table.rows.map { $0[12] }, [.number(1), .number(0.5), .number(0), .number(0.5)])
        XCTAssertEqual(table.rows[3][1], .integer(3))
        XCTAssertEqual(table.rows[3][2], .missing)
        Golden.assertMatches(ExportFormat.md.render(table), "folds.md")
        Golden.assertMatches(ExportFormat.tex.render(table), "folds.tex")
    }

    /// Eight clips at α .1, β .12 (`ConfusionTests` in BlendCoreTests works them by hand).
    private func confusion() -> ConfusionTables {
        let rows: [(String, Label, [Double])] = [
            ("A", .single(.hap), [0.05, 0.05, 0.05, 0.8, 0.03, 0.02]),
            ("A", .single(.hap), [0.02, 0.02, 0.02, 0.5, 0.4, 0.04]),
            ("A", .blend(.ang, 70, .hap), [0.5, 0.05, 0.05, 0.3, 0.05, 0.05]),
            ("A", .blend(.ang, 50, .hap), [0.35, 0.1, 0.1, 0.3, 0.1, 0.05]),
            ("A", .blend(.ang, 30, .hap), [0.5, 0.05, 0.05, 0.3, 0.05, 0.05]),
            ("A", .single(.neu), [0.3, 0.02, 0.02, 0.02, 0.04, 0.6]),
            ("A", .single(.sad), [0.1125, 0.1125, 0.25, 0.1125, 0.3, 0.1125]),
            ("B", .blend(.ang, 50, .sad), [0.02, 0.02, 0.9, 0.02, 0.02, 0.02]),
        ]
        let clips = rows.enumerated().map { n, r in
            ClipInfo(name: "c\(n)", actor: r.0, split: .train, fold: 0, label: r.1)
        }
        return ScoredClips(clips: clips, probabilities: rows.flatMap(\.2)).confusionTables(at: Thresholds(alpha: 0.1, beta: 0.12))
    }

    func testPresenceTableCountsAndRates() {
        let counts = AnalysisTables.presence(confusion(), source: "encoder hand", scope: "all", rates: false)
        XCTAssertEqual(counts.columns.count, 18, "true, 16 sets, total")
        XCTAssertEqual(counts.columns[9].key, "ang+hap")
        let hap = counts.rows[3]
        XCTAssertEqual(hap[0], .text("hap"))
        XCTAssertEqual(hap[4], .integer(1), "hap → hap")
        XCTAssertEqual(hap[16], .integer(1), "hap → hap+sad")
        XCTAssertEqual(hap[17], .integer(2))
        let rates = AnalysisTables.presence(confusion(), source: "encoder hand", scope: "all", rates: true)
        XCTAssertEqual(rates.rows[3][16], .number(0.5))
        XCTAssertEqual(rates.rows[1][2], .number(0), "an empty row's rates are 0")
        XCTAssertTrue(rates.title.hasSuffix("row-normalised rates"), rates.title)
        Golden.assertMatches(ExportFormat.md.render(counts), "confusion.md")
    }

    func testSalienceAndEmotionTables() {
        let salience = AnalysisTables.salience(confusion(), source: "encoder hand", scope: "all", rates: false)
        XCTAssertEqual(salience.rows.map { $0[0] }, [.text("50/50"), .text("70/30"), .text("30/70")])
        XCTAssertEqual(salience.rows[2], [.text("30/70"), .integer(0), .integer(1), .integer(0), .integer(1)])
        Golden.assertMatches(ExportFormat.tex.render(salience), "salience.tex")

        let emotions = AnalysisTables.emotions(confusion(), source: "encoder hand", scope: "all")
        XCTAssertEqual(emotions.rows[0], [.text("ang"), .integer(3), .integer(0), .integer(1), .number(1), .number(0.75),
                                          .number(1.5 / 1.75)])
    }

    func testActorsTableFollowsTheRanking() throws {
        // A1 typical, A2 with tiny 70/30 margins (best β .05 against the global .25), A3 no blends.
        func p(_ ang: Double, _ hap: Double) -> [Double] {
            let rest = (1 - ang - hap) / 4
            return [ang, rest, rest, hap, rest, rest]
        }
        let rows: [(String, Int?, Label, [Double])] = [
            ("A1", 0, .blend(.ang, 50, .hap), p(0.45, 0.25)),
            ("A1", 0, .blend(.ang, 50, .hap), p(0.40, 0.30)),
            ("A1", 0, .blend(.ang, 70, .hap), p(0.50, 0.20)),
            ("A2", 1, .blend(.ang, 70, .hap), p(0.40, 0.32)),
            ("A2", 1, .blend(.ang, 70, .hap), p(0.39, 0.33)),
            ("A3", nil, .single(.hap), [0.04, 0.04, 0.04, 0.8, 0.04, 0.04]),
            ("A1", 0, .blend(.ang, 50, .hap), p(0.45, 0.25)),
        ]
        let clips = rows.enumerated().map { n, r in
            ClipInfo(name: "c\(n)", actor: r.0, split: r.1 == nil ? .test : .train, fold: r.1, label: r.2)
        }
        let scored = ScoredClips(clips: clips, probabilities: rows.flatMap(\.3))
        let report = SweepIndex(scored).actorBetas(alpha: 0.1, betas: [0.05, 0.15, 0.25, 0.35])
        let table = AnalysisTables.actors(report, clips: clips, source: "encoder hand")
        XCTAssertEqual(table.rows.map { $0[0] }, [.text("A2"), .text("A1"), .text("A3")])
        XCTAssertEqual(table.rows.map { $0[1] }, [.text("1"), .text("0"), .text("test")])
        XCTAssertEqual(table.rows[0][4], .number(0.05))
        XCTAssertEqual(table.rows[0][6], .number(1), "A2 is all right at its own β")
        XCTAssertEqual(table.rows[0][7], .number(0), "and all wrong at the global one")
        XCTAssertEqual(table.rows[0][10], .integer(2))
        XCTAssertEqual(table.rows[2][4], .missing)
        XCTAssertEqual(table.rows[2][11], .text("A3 has no blends: β does not change its score."))
        XCTAssertEqual(table.title, "Best β per actor of encoder hand at α 0.1000 (global best β 0.2500)")
        Golden.assertMatches(ExportFormat.md.render(table), "actors.md")
    }
}
