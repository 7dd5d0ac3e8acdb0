import Foundation
import XCTest

/// `folds`, `review` and `compare --json` read the same report rows as `export folds`,
/// `export review` and `export compare`, under the keys each verb's document has always used.
final class ReportRowsThroughCLITests: XCTestCase {
    private func exportRows(_ arguments: [String]) throws -> [[String: Any]] {
        let r = try CLI.run(["export"] + arguments + ["--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return try XCTUnwrap(document["rows"] as? [[String: Any]])
    }

    private func object(_ row: [String: Any], _ key: String) throws -> [String: Any] {
        try XCTUnwrap(row[key] as? [String: Any], "no object \(key) in \(row)")
    }

    func testFoldsRowsAreTheExportsRowsNested() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let folds = try XCTUnwrap(try CLI.json(["folds", project, "--json", "--replicates", "200"])["folds"] as? [[String: Any]])
        let rows = try exportRows([project, "folds", "--replicates", "200"])
        XCTAssertEqual(rows.count, folds.count + 1, "the export adds the mean row")
        let places: [(String, String, String)] = [
            ("own", "alpha", "alpha"), ("own", "beta", "beta"), ("own", "score", "score"),
            ("chosen_on_others", "alpha", "chosen_alpha"), ("chosen_on_others", "beta", "chosen_beta"),
            ("honest", "acc_presence", "honest_acc_presence"), ("honest", "score", "honest_score"),
            ("baseline", "score", "baseline_score"), ("ci", "units", "actors"), ("honest_ci", "units", "actors"),
        ]
        for (fold, row) in zip(folds, rows) {
            XCTAssertEqual(fold["fold"] as? Int, Int(try XCTUnwrap(row["fold"] as? String)))
            XCTAssertEqual(fold["clips"] as? Int, row["clips"] as? Int)
            for (group, key, column) in places {
                XCTAssertEqual(try object(fold, group)[key] as? NSObject, row[column] as? NSObject, "\(group).\(key) ~ \(column)")
            }
            XCTAssertEqual(try object(fold, "ci")["score"] as? [Double], [row["score_lo"], row["score_hi"]].compactMap { $0 as? Double })
            XCTAssertEqual(try object(fold, "honest_ci")["score"] as? [Double],
                           [row["honest_score_lo"], row["honest_score_hi"]].compactMap { $0 as? Double })
            XCTAssertNotNil(try object(fold, "chosen_on_others")["score"] as? Double, "what the report leaves out stays")
            XCTAssertNotNil(try object(fold, "honest_ci")["acc_presence"] as? [Double])
        }
    }

    func testReviewRankingIsTheExportsRowsWithTheEntryWhole() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let ranking = try XCTUnwrap(try CLI.json(["review", project, "--encoder", "face", "--top", "5", "--json"])["ranking"]
                                    as? [[String: Any]])
        let rows = try exportRows([project, "review", "--encoder", "face", "--top", "5"])
        XCTAssertEqual(ranking.count, rows.count)
        for (entry, row) in zip(ranking, rows) {
            XCTAssertEqual(entry["rank"] as? Int, row["rank"] as? Int)
            XCTAssertEqual(entry["clip"] as? String, row["clip"] as? String)
            XCTAssertEqual(entry["label"] as? String, row["label"] as? String)
            XCTAssertNil(entry["score"], "the entry's own fields stand under entry only")
            XCTAssertEqual(try object(entry, "entry")["score"] as? Double, row["score"] as? Double)
            XCTAssertNotNil(entry["tags"] as? [String])
        }
    }

    func testCompareIsTheExportsRowsOnTheirSide() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let json = try CLI.json(["compare", project, "--encoder", "face", "--encoder", "audio", "--json", "--replicates", "200"])
        let rows = try exportRows([project, "compare", "--encoder", "face", "--encoder-b", "audio", "--replicates", "200"])
        XCTAssertEqual(rows.compactMap { $0["metric"] as? String }, ["acc_presence", "acc_salience", "score"])
        for row in rows {
            let metric = try XCTUnwrap(row["metric"] as? String)
            XCTAssertEqual(try object(json, "delta")[metric] as? Double, row["delta"] as? Double, metric)
            XCTAssertEqual(try object(json, "p_value")[metric] as? Double, row["p_value"] as? Double, metric)
            XCTAssertEqual(try object(json, "delta_ci")[metric] as? [Double],
                           [row["delta_lo"], row["delta_hi"]].compactMap { $0 as? Double }, metric)
            XCTAssertEqual(try object(try object(json, "a"), "metrics")[metric] as? Double, row["a"] as? Double, metric)
            XCTAssertEqual(try object(try object(json, "b"), "metrics")[metric] as? Double, row["b"] as? Double, metric)
        }
        XCTAssertNotNil(try object(try object(json, "a"), "metrics")["blends"] as? Int)
    }
}
