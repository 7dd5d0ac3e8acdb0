import XCTest
@testable import BlendCore

final class LabelReviewTests: XCTestCase {
    /// Four clips and a panel of two encoders, every number worked out by hand:
    /// - 0 `hap`, source hap .6: weakest hap .6, alternative ang .1 (first of three at .1),
    ///   margin −.5; X (ang .7 over hap .1) disputes for ang: agrees; Y has no prediction.
    /// - 1 `hap`, source ang .5 over hap .2: margin .3, disputed; X disputes for ang (agrees),
    ///   Y for sad (disputes, does not agree). hap's threshold is (.6 + .2) / 2 = .4, so the
    ///   shortfall is 1 − .2/.4 = .5.
    /// - 2 `ang=hap`, source ang .4 hap .1 sad .3: weakest hap, alternative sad, margin .2;
    ///   X's weakest is ang .3 (tie with hap, lower index) above sad .25: no dispute; Y disputes
    ///   for sad: agrees. The only ang+hap clip: threshold .1, shortfall 0.
    /// - 3 `sad`, source sad .75: alternative ang .05 (five-way tie), margin −.7; Y agrees with
    ///   the label; X has no prediction.
    private func handMade() -> (ScoredClips, EncoderPanel) {
        let labels: [Label] = [.single(.hap), .single(.hap), .blend(.ang, 50, .hap), .single(.sad)]
        let source: [[Double]] = [
            [0.1, 0.05, 0.05, 0.6, 0.1, 0.1],
            [0.5, 0.05, 0.05, 0.2, 0.1, 0.1],
            [0.4, 0.05, 0.05, 0.1, 0.3, 0.1],
            [0.05, 0.05, 0.05, 0.05, 0.75, 0.05],
        ]
        let x: [[Double]] = [
            [0.7, 0.05, 0.05, 0.1, 0.05, 0.05],
            [0.6, 0.05, 0.05, 0.2, 0.05, 0.05],
            [0.3, 0.05, 0.05, 0.3, 0.25, 0.05],
            [0, 0, 0, 0, 0, 0],
        ]
        let y: [[Double]] = [
            [0, 0, 0, 0, 0, 0],
            [0.05, 0.05, 0.05, 0.2, 0.6, 0.05],
            [0.2, 0.05, 0.05, 0.1, 0.5, 0.1],
            [0.02, 0.02, 0.02, 0.02, 0.9, 0.02],
        ]
        let clips = labels.enumerated().map { ClipInfo(name: "c\($0)", actor: "A1", split: .train, fold: 0, label: $1) }
        let panel = EncoderPanel(names: ["X", "Y"], values: [x.flatMap { $0 }, y.flatMap { $0 }],
                                 present: [[true, true, true, false], [false, true, true, true]])
        return (ScoredClips(clips: clips, probabilities: source.flatMap { $0 }), panel)
    }

    func testHandWorkedEntries() throws {
        let (scored, panel) = handMade()
        let review = scored.labelReview(panel: panel)
        XCTAssertEqual(review.encoders, ["X", "Y"])
        let e = review.entries
        XCTAssertEqual(e.map(\.weakestLabelled), [.hap, .hap, .hap, .sad])
        XCTAssertEqual(e.map(\.alternative), [.ang, .ang, .sad, .ang])
        let margins: [Double] = [-0.5, 0.3, 0.2, -0.7]
        for (got, want) in zip(e.map(\.margin), margins) { XCTAssertEqual(got, want, accuracy: 1e-12) }
        XCTAssertEqual(e.map(\.isDisputed), [false, true, true, false])
        XCTAssertEqual(review.disputedCount, 2)
        XCTAssertEqual(e.map(\.voters), [1, 2, 2, 1])
        XCTAssertEqual(e.map(\.disputing), [1, 2, 1, 0])
        XCTAssertEqual(e.map(\.agreeing), [1, 1, 1, 0])
        XCTAssertEqual(e[2].labelledMass, 0.5, accuracy: 1e-12)
        let thresholds: [Double] = [0.4, 0.4, 0.1, 0.75]
        for (got, want) in zip(e.map(\.classThreshold), thresholds) { XCTAssertEqual(got, want, accuracy: 1e-12) }
        let shortfalls: [Double] = [0, 0.5, 0, 0]
        for (got, want) in zip(e.map(\.shortfall), shortfalls) { XCTAssertEqual(got, want, accuracy: 1e-12) }
        XCTAssertEqual(e.map(\.isBelowThreshold), [false, true, false, false])
        // ((margin + 1)/2 + agreeing/voters + shortfall) / 3.
        let expected: [Double] = [1.25 / 3, 1.65 / 3, 1.1 / 3, 0.15 / 3]
        for (got, want) in zip(e.map(\.score), expected) { XCTAssertEqual(got, want, accuracy: 1e-12) }
        XCTAssertEqual(review.ranking, [1, 0, 2, 3])
        XCTAssertEqual(review.top(2).map(\.clip), [1, 0])
        XCTAssertEqual(review.top(-1).count, 0)
        XCTAssertEqual(review.thresholds.map(\.set.description), ["hap", "sad", "ang+hap"])
        XCTAssertEqual(review.thresholds.map(\.clips), [2, 1, 1])
    }

    func testWithoutAPanelOnlyTheSourceSpeaks() {
        let (scored, _) = handMade()
        let review = scored.labelReview()
        XCTAssertEqual(review.encoders, [])
        XCTAssertEqual(review.entries.map(\.voters), [0, 0, 0, 0])
        XCTAssertEqual(review.entries[1].score, 1.15 / 3, accuracy: 1e-12)
        XCTAssertEqual(review.ranking, [1, 2, 0, 3])
    }

    func testEqualScoresKeepClipOrder() {
        let clip = ClipInfo(name: "c", actor: "A", split: .train, fold: 0, label: .single(.ang))
        let p = [0.2, 0.3, 0.1, 0.1, 0.2, 0.1]
        let scored = ScoredClips(clips: Array(repeating: clip, count: 5), probabilities: Array(repeating: p, count: 5).flatMap { $0 })
        XCTAssertEqual(scored.labelReview().ranking, [0, 1, 2, 3, 4])
    }

    func testEncodesEmotionsAsTheChallengeSpellsThem() throws {
        let (scored, panel) = handMade()
        let data = try JSONEncoder().encode(scored.labelReview(panel: panel).entries[2])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["label"] as? String, "ang:50;hap:50")
        XCTAssertEqual(object["alternative"] as? String, "sad")
        XCTAssertEqual(object["weakestLabelled"] as? String, "hap")
        XCTAssertEqual(object["isDisputed"] as? Bool, true)
    }

    func testRealDataAgreesWithTheDecisionRulesTopClass() throws {
        let kl = try Fixtures.realKL()
        let ce = try Fixtures.scoredClips(directory: "real", probabilities: "probs_hicmae_ce_e100_last.csv")
        XCTAssertEqual(kl.clips, ce.clips)
        let panel = EncoderPanel(names: ["ce"], values: [ce.probabilities], present: [Array(repeating: true, count: ce.count)])
        let review = kl.labelReview(panel: panel)
        XCTAssertEqual(review.entries.count, 3050)
        XCTAssertEqual(review.ranking.sorted(), Array(0..<3050))
        for (n, clip) in kl.clips.enumerated() {
            let entry = review.entries[n]
            XCTAssertTrue((0...1).contains(entry.score), clip.name)
            XCTAssertTrue(entry.agreeing <= entry.disputing && entry.disputing <= entry.voters, clip.name)
            guard !clip.label.isBlend else { continue }
            // A single label is disputed exactly when another class strictly beats it.
            let p = Array(kl.probabilities(of: n))
            let top = DecisionRule.topTwo(p).0
            XCTAssertEqual(entry.isDisputed, p[top] > p[clip.label.first.rawValue], clip.name)
        }
        let scores = review.ranking.map { review.entries[$0].score }
        XCTAssertEqual(scores, scores.sorted(by: >))
        // Each class threshold is the mean self-confidence of its clips.
        for t in review.thresholds {
            let members = review.entries.filter { LabelSet($0.label) == t.set }
            XCTAssertEqual(members.count, t.clips)
            XCTAssertEqual(t.meanSelfConfidence, members.map(\.selfConfidence).reduce(0, +) / Double(members.count), accuracy: 1e-12)
        }
        XCTAssertGreaterThan(review.disputedCount, 0)
    }
}
