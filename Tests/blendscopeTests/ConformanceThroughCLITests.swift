import Foundation
import XCTest

/// The challenge's conformance project imported and scored through the real command line,
/// as a user would: every point and both grid winners of `expected.json`, to 1e-12.
final class ConformanceThroughCLITests: XCTestCase {
    func testPublicSetThroughImportSweepAndEval() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = dir.appendingPathComponent("public.sqlite").path
        let set = CLI.fixtures.appendingPathComponent("public_set")
        let imported = try CLI.run(["import", project,
                                    "--metadata", set.appendingPathComponent("train_metadata.csv").path,
                                    "--metadata", set.appendingPathComponent("test_metadata.csv").path])
        XCTAssertEqual(imported.status, 0, imported.stderr)

        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: set.appendingPathComponent("expected.json"))) as! [String: [String: Any]]
        for (encoder, truth) in expected {
            let r = try CLI.run(["import", project, "--probs", set.appendingPathComponent("probs_\(encoder).csv").path,
                                 "--encoder", encoder])
            XCTAssertEqual(r.status, 0, r.stderr)

            let grid = truth["official_grid"] as! [String: Double]
            let sweep = try CLI.json(["sweep", project, "--encoder", encoder, "--json"])
            for (key, ours) in [("alpha", "alpha"), ("beta", "beta"), ("acc_presence", "acc_presence"),
                                ("acc_salience", "acc_salience"), ("presence_only", "presence_only"),
                                ("salience_only", "salience_only")] {
                XCTAssertEqual(sweep[ours] as! Double, grid[key]!, accuracy: 1e-12, "\(encoder) \(key)")
            }
            for point in truth["points"] as! [[String: Double]] {
                let eval = try CLI.json(["eval", project, "--encoder", encoder, "--alpha", "\(point["alpha"]!)",
                                         "--beta", "\(point["beta"]!)", "--json"])
                XCTAssertEqual(eval["acc_presence"] as! Double, point["acc_presence"]!, accuracy: 1e-12, "\(encoder) \(point)")
                XCTAssertEqual(eval["acc_salience"] as! Double, point["acc_salience"]!, accuracy: 1e-12, "\(encoder) \(point)")
                XCTAssertEqual(eval["clips"] as! Int, 639)
            }
        }
    }
}
