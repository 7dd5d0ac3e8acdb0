import XCTest
@testable import BlendCore

final class ConfusionTests: XCTestCase {
    /// Eight clips decoded at α .1, β .12, each worked out by hand (see the comments).
    private func handMade() -> ScoredClips {
        let rows: [(String, Label, [Double])] = [
            ("A", .single(.hap), [0.05, 0.05, 0.05, 0.8, 0.03, 0.02]),          // 0: hap
            ("A", .single(.hap), [0.02, 0.02, 0.02, 0.5, 0.4, 0.04]),           // 1: hap=sad (margin .1)
            ("A", .blend(.ang, 70, .hap), [0.5, 0.05, 0.05, 0.3, 0.05, 0.05]),  // 2: ang>hap
            ("A", .blend(.ang, 50, .hap), [0.35, 0.1, 0.1, 0.3, 0.1, 0.05]),    // 3: ang=hap
            ("A", .blend(.ang, 30, .hap), [0.5, 0.05, 0.05, 0.3, 0.05, 0.05]),  // 4: ang>hap, truly hap>ang
            ("A", .single(.neu), [0.3, 0.02, 0.02, 0.02, 0.04, 0.6]),           // 5: neu over ang: neu
            ("A", .single(.sad), [0.1125, 0.1125, 0.25, 0.1125, 0.3, 0.1125]),  // 6: fea=sad
            ("B", .blend(.ang, 50, .sad), [0.02, 0.02, 0.9, 0.02, 0.02, 0.02]), // 7: fea alone
        ]
        let clips = rows.enumerated().map { n, r in
            ClipInfo(name: "c\(n)", actor: r.0, split: r.0 == "A" ? .train : .test, fold: r.0 == "A" ? 0 : nil, label: r.1)
        }
        return ScoredClips(clips: clips, probabilities: rows.flatMap(\.2))
    }

    private let t = Thresholds(alpha: 0.1, beta: 0.12)

    private func set(_ text: String) -> Int {
        LabelSet.all.firstIndex { $0.description == text }!
    }

    func testSixteenSetsInTableOrder() {
        XCTAssertEqual(LabelSet.all.map(\.description), [
            "ang", "disg", "fea", "hap", "sad", "neu",
            "ang+disg", "ang+fea", "ang+hap", "ang+sad", "disg+fea", "disg+hap", "disg+sad", "fea+hap", "fea+sad", "hap+sad",
        ])
        XCTAssertEqual(LabelSet.all.map(\.position), Array(0..<16))
        XCTAssertEqual(LabelSet(.blend(.sad, 70, .ang)), LabelSet(.blend(.ang, 50, .sad)))
    }

    func testPresenceTableCellsKnowTheirClips() {
        let tables = handMade().confusionTables(at: t)
        let p = tables.presence
        XCTAssertEqual(p.total, 8)
        XCTAssertEqual(p.clips(row: set("hap"), column: set("hap")), [0])
        XCTAssertEqual(p.clips(row: set("hap"), column: set("hap+sad")), [1])
        XCTAssertEqual(p.rate(row: set("hap"), column: set("hap+sad")), 0.5)
        XCTAssertEqual(p.clips(row: set("ang+hap"), column: set("ang+hap")), [2, 3, 4])
        XCTAssertEqual(p.rate(row: set("ang+hap"), column: set("ang+hap")), 1)
        XCTAssertEqual(p.clips(row: set("neu"), column: set("neu")), [5])
        XCTAssertEqual(p.clips(row: set("sad"), column: set("fea+sad")), [6])
        XCTAssertEqual(p.clips(row: set("ang+sad"), column: set("fea")), [7])
        XCTAssertEqual(p.rowTotal(set("disg")), 0)
        XCTAssertEqual(p.rate(row: set("disg"), column: set("disg")), 0, "an empty row has rate 0, not NaN")
        XCTAssertEqual(p.columnTotal(set("fea")), 1)
    }

    func testSalienceTableHoldsBlendsWhosePairWasFound() {
        let s = handMade().confusionTables(at: t).salience
        XCTAssertEqual(s.rows, [.even, .firstHeavy, .secondHeavy])
        XCTAssertEqual(s.total, 3, "clip 7's pair was not found")
        XCTAssertEqual(s.clips(row: 0, column: 0), [3])
        XCTAssertEqual(s.clips(row: 1, column: 1), [2])
        XCTAssertEqual(s.clips(row: 2, column: 1), [4])
    }

    func testPerEmotionPresenceScores() {
        let scores = handMade().confusionTables(at: t).perEmotion
        XCTAssertEqual(scores.map(\.emotion), Emotion.allCases)
        // ang: found in 2, 3, 4, missed in 7.
        XCTAssertEqual(scores[0], PresenceScore(emotion: .ang, truePositives: 3, falsePositives: 0, falseNegatives: 1))
        XCTAssertEqual(scores[0].precision, 1)
        XCTAssertEqual(scores[0].recall, 0.75)
        XCTAssertEqual(scores[0].f1, 1.5 / 1.75, accuracy: 1e-15)
        // disg never appears: all zero, never NaN.
        XCTAssertEqual([scores[1].precision, scores[1].recall, scores[1].f1], [0, 0, 0])
        // fea: predicted in 6 and 7, never labelled.
        XCTAssertEqual(scores[2], PresenceScore(emotion: .fea, truePositives: 0, falsePositives: 2, falseNegatives: 0))
        XCTAssertEqual(scores[2].f1, 0)
        XCTAssertEqual(scores[3], PresenceScore(emotion: .hap, truePositives: 5, falsePositives: 0, falseNegatives: 0))
        // sad: right in 6, extra in 1, missed in 7.
        XCTAssertEqual(scores[4], PresenceScore(emotion: .sad, truePositives: 1, falsePositives: 1, falseNegatives: 1))
        XCTAssertEqual(scores[4].f1, 0.5)
        XCTAssertEqual(scores[5].f1, 1)
    }

    func testScopeRestrictsButKeepsFullIndices() {
        let scored = handMade()
        let b = scored.confusionTables(at: t, in: .actor("B"))
        XCTAssertEqual(b.scope, .actor("B"))
        XCTAssertEqual(b.presence.total, 1)
        XCTAssertEqual(b.presence.clips(row: set("ang+sad"), column: set("fea")), [7])
        XCTAssertEqual(b.salience.total, 0)
        XCTAssertEqual(scored.confusionTables(at: t, in: .split(.train)).presence.total, 7)
        XCTAssertEqual(scored.confusionTables(at: t, in: .fold(0)).presence.total, 7)
    }

    func testPresenceDiagonalIsAccPresenceOnRealData() throws {
        let scored = try Fixtures.realKL()
        let t = Thresholds(alpha: ThresholdGrid.official.alphas[2], beta: ThresholdGrid.official.betas[1])
        let tables = scored.confusionTables(at: t)
        let diagonal = LabelSet.all.indices.reduce(0) { $0 + tables.presence.count(row: $1, column: $1) }
        let m = scored.evaluate(t)
        XCTAssertEqual(tables.presence.total, 3050)
        XCTAssertEqual(diagonal, m.presenceHits)
        let salienceDiagonal = (0..<3).reduce(0) { $0 + tables.salience.count(row: $1, column: $1) }
        XCTAssertEqual(salienceDiagonal, m.salienceHits)
    }
}
