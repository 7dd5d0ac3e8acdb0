import XCTest
@testable import BlendCore

/// The maths the TUI used to carry itself: the decision trace, confusion metrics from the
/// diagonals, per-actor scores, the median and the duration conversions. No I/O: the clips
/// are generated here.
final class CoreMathsTests: XCTestCase {
    /// A fixed pseudo-random stream (an LCG is enough to spread rows over every rule step).
    private struct Stream {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    /// `count` clips over three actors in two folds and the test split, with random rows
    /// (some with exact zeros and ties) and random labels.
    private func generated(_ count: Int) -> ScoredClips {
        var s = Stream(state: 12)
        var clips: [ClipInfo] = [], p: [Double] = []
        let labels: [Label] = [.single(.ang), .single(.neu), .blend(.ang, 50, .hap), .blend(.fea, 70, .sad), .blend(.disg, 30, .hap)]
        for n in 0..<count {
            let actor = ["A", "B", "C"][n % 3]
            let split: Split = actor == "C" ? .test : .train
            clips.append(ClipInfo(name: "c\(n)", actor: actor, split: split, fold: split == .train ? (actor == "A" ? 1 : 0) : nil,
                                  label: labels[Int(s.next() * Double(labels.count)) % labels.count]))
            var row = (0..<Emotion.count).map { _ in s.next() < 0.2 ? 0 : (s.next() * 4).rounded() / 4 }
            if row.allSatisfy({ $0 == 0 }) { row[n % Emotion.count] = 1 }
            let total = row.reduce(0, +)
            p += row.map { $0 / total }
        }
        return ScoredClips(clips: clips, probabilities: p)
    }

    func testTraceAgreesWithTheRuleAtEveryStep() {
        let scored = generated(600)
        var seen = Set<String>()
        for t in [Thresholds(alpha: 0, beta: 0), Thresholds(alpha: 0.1, beta: 0.2), Thresholds(alpha: 0.3, beta: 0.05),
                  Thresholds(alpha: 0.6, beta: 1)] {
            for n in 0..<scored.count {
                let row = Array(scored.probabilities(of: n))
                let trace = DecisionRule.trace(row, alpha: t.alpha, beta: t.beta)
                XCTAssertEqual(trace.prediction, DecisionRule.decide(row, alpha: t.alpha, beta: t.beta))
                XCTAssertEqual(trace.margin, DecisionRule.topTwoMargin(row))
                switch trace.step {
                case .topBelowAlpha, .secondBelowAlpha:
                    XCTAssertEqual(trace.prediction, .single(trace.top))
                case .neutralInTopTwo:
                    XCTAssertTrue(trace.top == .neu || trace.second == .neu)
                    XCTAssertFalse(trace.prediction.isBlend)
                case .margin(let even):
                    XCTAssertEqual(trace.prediction, .blend(trace.top, even ? 50 : 70, trace.second))
                }
                seen.insert("\(trace.step)")
            }
        }
        XCTAssertEqual(seen.count, 5, "every step, both margins, is exercised: \(seen)")
    }

    func testTraceNamesTheStepThatDecided() {
        func step(_ p: [Double], _ a: Double, _ b: Double) -> DecisionTrace.Step { DecisionRule.trace(p, alpha: a, beta: b).step }
        XCTAssertEqual(step([0.3, 0.2, 0.2, 0.1, 0.1, 0.1], 0.4, 0.1), .topBelowAlpha)
        XCTAssertEqual(step([0.5, 0.1, 0.2, 0.1, 0.05, 0.05], 0.25, 0.1), .secondBelowAlpha)
        XCTAssertEqual(step([1, 0, 0, 0, 0, 0], 0, 0.1), .secondBelowAlpha, "a second exactly 0 counts as below α")
        XCTAssertEqual(step([0.1, 0.0, 0.0, 0.4, 0.0, 0.5], 0.1, 0.1), .neutralInTopTwo)
        XCTAssertEqual(step([0.4, 0.0, 0.35, 0.1, 0.1, 0.05], 0.1, 0.1), .margin(even: true))
        XCTAssertEqual(step([0.2, 0.0, 0.5, 0.1, 0.1, 0.1], 0.1, 0.1), .margin(even: false))
    }

    func testConfusionMetricsFromTheDiagonalsEqualDecodingEveryClip() {
        let scored = generated(300)
        let index = SweepIndex(scored)
        for t in [Thresholds(alpha: 0.1, beta: 0.2), Thresholds(alpha: 0.25, beta: 0.05)] {
            for scope in [ClipScope.all, .split(.test), .fold(1), .actor("B")] {
                let tables = scored.confusionTables(at: t, in: scope)
                XCTAssertEqual(tables.metrics, index.metrics(at: t, of: scope.indices(in: scored.clips)), "\(scope) at \(t)")
            }
        }
    }

    func testActorScoresGroupFoldsThenTestAndSumToTheWhole() {
        let scored = generated(90)
        let t = Thresholds(alpha: 0.1, beta: 0.2)
        let scores = ActorScore.all(scored, at: t)
        XCTAssertEqual(scores.map(\.actor), ["B", "A", "C"], "fold 0, fold 1, then test")
        XCTAssertEqual(scores.map(\.group), ["f0", "f1", "test"])
        let index = SweepIndex(scored)
        for score in scores {
            XCTAssertEqual(score.metrics, index.metrics(at: t, of: ClipScope.actor(score.actor).indices(in: scored.clips)))
        }
        XCTAssertEqual(scores.reduce(0) { $0 + $1.metrics.clips }, 90)
    }

    func testOneMedianAndQuartileRule() {
        XCTAssertNil(Quantile.median([]))
        XCTAssertEqual(Quantile.median([3, 1, 2]), 2)
        XCTAssertEqual(Quantile.median([4, 1, 3, 2]), 2.5)
        XCTAssertEqual(Quantile.linear([1, 2, 3, 4, 5], 0.25), 2)
        XCTAssertEqual(Quantile.linear([0, 10], 0.75), 7.5)
        // The margin distribution and the duration spread read the same rule.
        let values = [0.9, 0.1, 0.4, 0.35, 0.2]
        XCTAssertEqual(MarginDistribution(values).median, Quantile.median(values))
        XCTAssertEqual(DurationSpread(kind: .single, values).upperQuartile, Quantile.linear(values.sorted(), 0.75))
    }

    func testDurationConversions() {
        let d = Duration.seconds(2) + .milliseconds(250) + .nanoseconds(7)
        XCTAssertEqual(d.inSeconds, 2.250000007, accuracy: 1e-12)
        XCTAssertEqual(d.inMilliseconds, 2250.000007, accuracy: 1e-9)
        XCTAssertEqual(d.wholeMilliseconds, 2250)
        XCTAssertEqual(d.wholeNanoseconds, 2_250_000_007)
        XCTAssertEqual(Duration.milliseconds(-1500).wholeMilliseconds, -1500)
        XCTAssertEqual(Duration.seconds(Int64.max).wholeMilliseconds, .max, "saturates instead of trapping")
        XCTAssertEqual(Duration.zero.inSeconds, 0)
    }
}

/// The one eighth-block bar helper, as the TUI and the CLI draw with it.
final class BlockBarTests: XCTestCase {
    func testBarsInEighths() {
        XCTAssertEqual(BlockBar.bar(0.5, width: 10), "█████")
        XCTAssertEqual(BlockBar.bar(0.123, width: 10), "█▎")
        XCTAssertEqual(BlockBar.bar(0, width: 4), "")
        XCTAssertEqual(BlockBar.bar(-1, width: 4), "")
        XCTAssertEqual(BlockBar.bar(.infinity, width: 4), "")
        XCTAssertEqual(BlockBar.bar(7, width: 2), "██", "clamped to the width")
        XCTAssertEqual(BlockBar.bar(0.5, width: 0), "")
        XCTAssertEqual(BlockBar.bar(0.99, width: 1, rounding: .down), "▉", "a progress line never rounds up to full")
    }

    func testPaddedToTheWidth() {
        XCTAssertEqual(BlockBar.padded(0.5 / 3, width: 3), "▌  ")
        XCTAssertEqual(BlockBar.padded(0.4, width: 5, with: "·"), "██···")
        XCTAssertEqual(BlockBar.padded(1, width: 3), "███")
        XCTAssertEqual(BlockBar.padded(.nan, width: 2), "  ")
        for eighths in 0...24 {
            XCTAssertEqual(BlockBar.padded(Double(eighths) / 24, width: 3).count, 3)
        }
    }

    func testLevels() {
        XCTAssertEqual(BlockBar.level(0), " ")
        XCTAssertEqual(BlockBar.level(1), "▁")
        XCTAssertEqual(BlockBar.level(8), "█")
        XCTAssertEqual(BlockBar.level(12), "█")
    }
}
