@testable import BlendCore
import XCTest
@testable import BlendReport

/// `export emotion-folds`: presence F1 per emotion and training fold, and its spread.
final class EmotionFoldsTableTests: XCTestCase {
    private func scores(_ tp: Int, _ fp: Int, _ fn: Int, for emotion: Emotion) -> [PresenceScore] {
        Emotion.allCases.map { e in
            e == emotion ? PresenceScore(emotion: e, truePositives: tp, falsePositives: fp, falseNegatives: fn)
                : PresenceScore(emotion: e, truePositives: 0, falsePositives: 0, falseNegatives: 0)
        }
    }

    func testOneColumnPerFoldAndTheSpreadBetweenThem() {
        let happy = Emotion.allCases[1]
        // fold 0: P = 1, R = 1/2 → F1 2/3; fold 3: P = R = 1 → F1 1.
        let table = AnalysisTables.emotionFolds(
            [FoldPresence(fold: 0, scores: scores(1, 0, 1, for: happy)), FoldPresence(fold: 3, scores: scores(2, 0, 0, for: happy))],
            source: "encoder:x", scope: "train", thresholds: Thresholds(alpha: 0.1, beta: 0.2))
        XCTAssertEqual(table.columns.map(\.key), ["emotion", "f1_fold_0", "f1_fold_3", "spread"])
        XCTAssertEqual(table.rows.count, Emotion.count)
        let row = table.rows[1]
        XCTAssertEqual(row[0], .text(happy.code))
        XCTAssertEqual(row[1], .number(2.0 / 3.0))
        XCTAssertEqual(row[2], .number(1))
        guard case .number(let spread) = row[3] else { return XCTFail("spread is a number") }
        XCTAssertEqual(spread, 1.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(table.rows[0].dropFirst().map { $0 }, [.number(0), .number(0), .number(0)], "no labels, no predictions: 0")
        XCTAssertTrue(table.title.hasPrefix("Presence F1 per emotion and fold of encoder:x (train, "))
    }
}
