import BlendReport
import Foundation
import XCTest

/// `sweep --by` and `open` print their best cells from one report (`AnalysisTables.bestCells`):
/// the `--json` rows keep the keys and values they had and gain each cell's `ci` object, the
/// text tables show `[lo, hi]` beside every rate, and a group's cell is the one a sweep of
/// that group alone finds.
final class BestCellIntervalsTests: XCTestCase {
    private func interval(_ value: Any?, _ key: String) throws -> [Double] {
        let i = try XCTUnwrap(value as? [Double], key)
        XCTAssertEqual(i.count, 2, key)
        XCTAssertLessThanOrEqual(i[0], i[1], key)
        return i
    }

    func testSweepByFoldRowsAreEachFoldsOwnSweepWithIntervals() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let s = try CLI.json(["sweep", project, "--encoder", "face", "--by", "fold", "--json", "--replicates", "500", "--seed", "4"])
        let groups = try XCTUnwrap(s["groups"] as? [[String: Any]])
        XCTAssertFalse(groups.isEmpty)
        for g in groups {
            XCTAssertEqual(Set(g.keys), ["group", "alpha", "beta", "acc_presence", "acc_salience", "score", "clips", "blends", "ci"])
            let name = try XCTUnwrap(g["group"] as? String)
            let fold = try XCTUnwrap(name.split(separator: " ").last.map(String.init), name)
            let alone = try CLI.json(["sweep", project, "--encoder", "face", "--fold", fold, "--json"])
            for key in ["alpha", "beta", "acc_presence", "acc_salience", "score"] {
                XCTAssertEqual(g[key] as? Double, alone[key] as? Double, "\(name) \(key)")
            }
            for key in ["clips", "blends"] { XCTAssertEqual(g[key] as? Int, alone[key] as? Int, "\(name) \(key)") }
            let ci = try XCTUnwrap(g["ci"] as? [String: Any])
            XCTAssertEqual(ci["level"] as? Double, 0.95)
            XCTAssertEqual(ci["replicates"] as? Int, 500)
            XCTAssertEqual(ci["seed"] as? Int, 4)
            XCTAssertEqual(ci["resampled"] as? String, "actors")
            XCTAssertGreaterThan(try XCTUnwrap(ci["units"] as? Int), 0)
            for key in ["acc_presence", "acc_salience", "score"] { _ = try interval(ci[key], "\(name) \(key)") }
        }
        let text = try CLI.run(["sweep", project, "--encoder", "face", "--by", "fold", "--replicates", "500", "--seed", "4"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let rows = try TableDigits.textTable(text.stdout, header: "fold")
        XCTAssertEqual(rows.count, groups.count)
        for (row, g) in zip(rows, groups) {
            let ci = try XCTUnwrap(g["ci"] as? [String: Any]), score = try interval(ci["score"], "score")
            XCTAssertEqual(row["actors"], (ci["units"] as? Int).map(String.init), "the n the interval rests on")
            let x = try XCTUnwrap(g["score"] as? Double)
            let r: (Double) -> String = ReportText.rate
            XCTAssertEqual(row["Score"], "\(r(x)) [\(r(score[0])), \(r(score[1]))]")
        }
    }

    func testSweepByActorResamplesEachActorsOwnClips() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let s = try CLI.json(["sweep", project, "--encoder", "face", "--by", "actor", "--json", "--replicates", "200"])
        for g in try XCTUnwrap(s["groups"] as? [[String: Any]]) {
            let ci = try XCTUnwrap(g["ci"] as? [String: Any])
            XCTAssertEqual(ci["resampled"] as? String, "clips")
            XCTAssertEqual(ci["units"] as? Int, g["clips"] as? Int)
        }
    }

    func testOpenGivesEachEncodersBestCellItsInterval() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let o = try CLI.json(["open", project, "--json", "--replicates", "300"])
        let encoders = try XCTUnwrap(o["encoders"] as? [[String: Any]])
        XCTAssertEqual(encoders.count, 2)
        for e in encoders {
            XCTAssertEqual(Set(e.keys), ["name", "modality", "source", "clips", "best"])
            let name = try XCTUnwrap(e["name"] as? String)
            let best = try XCTUnwrap(e["best"] as? [String: Any])
            XCTAssertEqual(Set(best.keys), ["group", "alpha", "beta", "acc_presence", "acc_salience", "score", "clips", "blends", "ci"])
            XCTAssertEqual(best["group"] as? String, "train")
            let alone = try CLI.json(["sweep", project, "--encoder", name, "--split", "train", "--json"])
            for key in ["alpha", "beta", "score"] { XCTAssertEqual(best[key] as? Double, alone[key] as? Double, "\(name) \(key)") }
            let ci = try XCTUnwrap(best["ci"] as? [String: Any])
            XCTAssertEqual(ci["replicates"] as? Int, 300)
            _ = try interval(ci["score"], "\(name) score")
        }
        let text = try CLI.run(["open", project, "--replicates", "300"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let rows = try TableDigits.textTable(text.stdout, header: "encoder")
        XCTAssertEqual(rows.map { $0["encoder"] }, encoders.map { $0["name"] as? String })
        XCTAssertTrue(rows.allSatisfy { $0["Score"]?.contains(" [") ?? false }, text.stdout)
    }
}
