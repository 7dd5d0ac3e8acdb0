@testable import BlendCore
import XCTest
@testable import BlendReport

/// `export kinds`: ACC_P and ACC_S per label kind.
final class KindsTableTests: XCTestCase {
    func testOneRowPerKindWithClipsAndNoSalienceForSingleEmotions() {
        let table = AnalysisTables.kinds(
            [.single: Metrics(clips: 4, blends: 0, presenceHits: 3, salienceHits: 0),
             .uneven: Metrics(clips: 2, blends: 2, presenceHits: 1, salienceHits: 1),
             .even: Metrics()],
            source: "encoder:x", scope: "train", thresholds: Thresholds(alpha: 0.1, beta: 0.2))
        XCTAssertEqual(table.columns.map(\.key), ["kind", "clips", "acc_presence", "acc_salience"])
        XCTAssertEqual(table.rows, [
            [.text("single"), .integer(4), .number(0.75), .missing],
            [.text("70/30"), .integer(2), .number(0.5), .number(0.5)],
        ], "a kind without clips is left out; single emotions have no ACC_S")
        XCTAssertTrue(table.title.hasPrefix("ACC_P and ACC_S per label kind of encoder:x (train, "))
    }
}
