import Foundation
import XCTest

/// `actors --json` rows are `export actors`' rows under the keys the verb has always used:
/// the same values, the distance as `distance`, the export's explanation split into the
/// explanation and the interval's sentence, and the bounds nested in `ci`.
final class ActorRowsThroughCLITests: XCTestCase {
    func testActorsRowsAreTheExportsRows() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let options = ["--encoder", "face", "--replicates", "200", "--seed", "5"]
        let json = try CLI.json(["actors", project, "--json"] + options)
        let actors = try XCTUnwrap(json["actors"] as? [[String: Any]])
        let r = try CLI.run(["export", project, "actors", "--format", "json"] + options)
        XCTAssertEqual(r.status, 0, r.stderr)
        // An export's JSON holds its rows beside its provenance.
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(document["rows"] as? [[String: Any]])
        XCTAssertEqual(actors.count, rows.count)
        XCTAssertFalse(actors.isEmpty)
        let same = ["actor", "fold", "clips", "blends", "best_beta", "acc_salience_at_best", "acc_salience_at_global",
                    "median_margin_even", "median_margin_uneven", "flips"]
        func value(_ row: [String: Any], _ key: String) -> NSObject? { row[key] is NSNull ? nil : row[key] as? NSObject }
        for (a, row) in zip(actors, rows) {
            for key in same { XCTAssertEqual(a[key] as? NSObject, value(row, key), key) }
            XCTAssertEqual(a["distance"] as? NSObject, value(row, "beta_distance"))
            let explanation = try XCTUnwrap(a["explanation"] as? String), sentence = try XCTUnwrap(a["interval_explanation"] as? String)
            XCTAssertEqual(row["explanation"] as? String, explanation + " " + sentence)
            let ci = try XCTUnwrap(a["ci"] as? [String: Any])
            XCTAssertEqual(ci["replicates"] as? Int, 200)
            XCTAssertEqual(ci["seed"] as? Int, 5)
            XCTAssertEqual(ci["resampled"] as? String, "the actor's \(a["clips"] as? Int ?? -1) clips")
            for key in ["best_beta", "acc_salience_at_best", "acc_salience_at_global"] {
                let bounds = [row[key + "_lo"], row[key + "_hi"]].compactMap { $0 as? Double }
                XCTAssertEqual(ci[key] as? [Double], bounds.isEmpty ? nil : bounds, key)
            }
            if let interval = ci["best_beta"] as? [Double], let global = json["best_beta"] as? Double {
                XCTAssertEqual(ci["covers_global_beta"] as? Bool, interval[0] <= global && global <= interval[1])
            } else {
                XCTAssertNil(ci["covers_global_beta"])
            }
        }
    }
}
