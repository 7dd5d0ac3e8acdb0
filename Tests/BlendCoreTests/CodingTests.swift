import Foundation
import XCTest
import BlendCore

/// Reports are encoded as the CLI's `--json` prints them: scopes and label sets as the text
/// users see, not as nested enum cases.
final class CodingTests: XCTestCase {
    func testScopesAndLabelSetsRoundTripAsText() throws {
        let scopes: [ClipScope] = [.all, .split(.train), .split(.test), .fold(3), .actor("A102")]
        let data = try JSONEncoder().encode(scopes)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["all","train","test","fold 3","A102"]"#)
        XCTAssertEqual(try JSONDecoder().decode([ClipScope].self, from: data), scopes)

        let sets = try JSONDecoder().decode([LabelSet].self, from: Data(#"["neu","ang+sad"]"#.utf8))
        XCTAssertEqual(sets, [LabelSet(.single(.neu)), LabelSet(.blend(.sad, 30, .ang))])
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(sets), as: UTF8.self), #"["neu","ang+sad"]"#)
        XCTAssertThrowsError(try JSONDecoder().decode([LabelSet].self, from: Data(#"["ang+neu"]"#.utf8)))
    }

    func testReportsEncode() throws {
        let scored = ScoredClips.synthetic(count: 300, seed: 7)
        let index = SweepIndex(scored)
        let encoder = JSONEncoder()
        let folds = try JSONSerialization.jsonObject(with: encoder.encode(XCTUnwrap(index.plan(.official).foldReport()))) as? [String: Any]
        XCTAssertEqual((folds?["folds"] as? [Any])?.count, 5)
        let actors = try JSONSerialization.jsonObject(with: encoder.encode(index.actorBetas(alpha: 0.1))) as? [String: Any]
        XCTAssertEqual((actors?["actors"] as? [Any])?.count, 58)
        let tables = try JSONSerialization.jsonObject(
            with: encoder.encode(scored.confusionTables(at: Thresholds(alpha: 0.1, beta: 0.1), in: .fold(2)))) as? [String: Any]
        XCTAssertEqual(tables?["scope"] as? String, "fold 2")
        XCTAssertEqual(((tables?["presence"] as? [String: Any])?["rows"] as? [String])?.last, "hap+sad")
    }
}
