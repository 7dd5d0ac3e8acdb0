import XCTest
@testable import BlendCore

/// The fast sweep against the naive decoder on data built to hit every boundary.
final class SweepTests: XCTestCase {
    /// Probabilities from a coarse lattice (ties and exact zeros are common) mixed with free
    /// values, and all kinds of labels.
    private func awkwardClips(count: Int, seed: UInt64) -> ScoredClips {
        var rng = SeededGenerator(seed: seed)
        let lattice: [Double] = [0, 0, 0.05, 0.1, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 1]
        let labels: [Label] = Emotion.allCases.map { .single($0) } + Emotion.blendable.flatMap { a in
            Emotion.blendable.filter { $0 > a }.flatMap { b in [Label.blend(a, 50, b), .blend(a, 70, b), .blend(a, 30, b)] }
        }
        var clips = [ClipInfo]()
        var p = [Double]()
        for n in 0..<count {
            let actor = "A\(n % 7)"
            let fold = n % 7 < 5 ? n % 7 : nil
            clips.append(ClipInfo(name: "c\(n)", actor: actor, split: fold == nil ? .test : .train, fold: fold,
                                  label: labels.randomElement(using: &rng)!))
            for _ in 0..<Emotion.count {
                p.append(Bool.random(using: &rng) ? lattice.randomElement(using: &rng)! : Double.random(in: 0...0.6, using: &rng))
            }
        }
        return ScoredClips(clips: clips, probabilities: p)
    }

    /// A grid that is unsorted, repeats values and hits probabilities and margins exactly.
    private func awkwardGrid(for index: SweepIndex, seed: UInt64) -> ThresholdGrid {
        var rng = SeededGenerator(seed: seed)
        var alphas: [Double] = [0, 0.1, 0.1, 0.25, 0.05, 1, 0.5, -0.1]
        var betas: [Double] = [0, 0.05, 0.2, 0.1, 0.1, 0.3, 0.45, 1]
        for _ in 0..<12 {
            let e = index.entries.randomElement(using: &rng)!
            alphas.append(Bool.random(using: &rng) ? e.p1 : e.p2)
            betas.append(e.margin)
        }
        return ThresholdGrid(alphas: alphas.shuffled(using: &rng), betas: betas.shuffled(using: &rng))
    }

    func testFastSweepEqualsNaiveOnAwkwardData() {
        for seed in UInt64(1)...4 {
            let scored = awkwardClips(count: 400, seed: seed)
            let index = SweepIndex(scored)
            let grid = awkwardGrid(for: index, seed: seed)
            let fast = index.sweep(grid: grid)
            let naive = scored.naiveSweep(grid: grid)
            XCTAssertEqual(fast.cells, naive.cells, "seed \(seed)")
            XCTAssertEqual(fast.best, naive.best)
            XCTAssertEqual(fast.bestPresence, naive.bestPresence)
            XCTAssertEqual(fast.bestSalience, naive.bestSalience)
            // The data must actually exercise both regimes and both salience outcomes.
            XCTAssertGreaterThan(fast.cells.map(\.salienceHits).max()!, 0)
            XCTAssertNotEqual(fast.cells.map(\.presenceHits).min(), fast.cells.map(\.presenceHits).max())
        }
    }

    func testSinglePointEqualsDecodingEveryClip() {
        let scored = awkwardClips(count: 500, seed: 9)
        let index = SweepIndex(scored)
        var rng = SeededGenerator(seed: 10)
        for _ in 0..<300 {
            let e = index.entries.randomElement(using: &rng)!
            let candidates = [e.p1, e.p2, e.margin, Double.random(in: 0...1, using: &rng), 0]
            let t = Thresholds(alpha: candidates.randomElement(using: &rng)!, beta: candidates.randomElement(using: &rng)!)
            XCTAssertEqual(index.metrics(at: t), scored.evaluate(t), "\(t)")
        }
    }

    func testSyntheticDataSweepsLikeTheNaiveDecoder() {
        let scored = ScoredClips.synthetic(count: 1500, seed: 42)
        XCTAssertEqual(scored.count, 1500)
        XCTAssertEqual(Set(scored.clips.map(\.actor)).count, 58)
        XCTAssertEqual(Set(scored.clips.compactMap(\.fold)), [0, 1, 2, 3, 4])
        XCTAssertEqual(scored.clips, ScoredClips.synthetic(count: 1500, seed: 42).clips)
        let fast = SweepIndex(scored).sweep(grid: .official)
        XCTAssertEqual(fast, scored.naiveSweep(grid: .official))
        XCTAssertGreaterThan(fast.best.metrics.score, 0.2, "labels should drive the synthetic probabilities")
    }

    func testGroupSweepsMatchNaiveSubsetsAndAddUp() {
        let scored = awkwardClips(count: 350, seed: 5)
        let index = SweepIndex(scored)
        let plan = index.plan(awkwardGrid(for: index, seed: 6))
        for grouping in ClipGrouping.allCases {
            let groups = plan.sweep(by: grouping)
            for g in groups {
                XCTAssertEqual(g.members, g.scope.indices(in: scored.clips))
                XCTAssertEqual(g.result, scored.subset(g.members).naiveSweep(grid: plan.grid), "\(g.scope)")
            }
            let total = groups.map(\.counts).reduce(plan.emptyCounts(), +)
            let covered = groups.flatMap(\.members).sorted()
            XCTAssertEqual(total, plan.counts(of: covered))
            XCTAssertEqual(plan.result(total), plan.sweep(of: covered))
        }
        XCTAssertEqual(plan.sweep(by: .fold).map(\.scope), (0..<5).map { .fold($0) })
        XCTAssertEqual(plan.sweep(by: .split).map(\.scope), [.split(.train), .split(.test)])
        XCTAssertEqual(plan.sweep(by: .actor).count, 7)
    }

    func testChallengeTieBreakTakesTheFirstMaximum() {
        // Two clips whose Score is flat over the whole grid: the first cell must win.
        let clips = [ClipInfo(name: "a", actor: "A1", split: .train, fold: 0, label: .single(.hap)),
                     ClipInfo(name: "b", actor: "A1", split: .train, fold: 0, label: .single(.sad))]
        let scored = ScoredClips(clips: clips, probabilities: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0])
        let r = SweepIndex(scored).sweep(grid: .official)
        XCTAssertEqual(r.best.alphaIndex, 0)
        XCTAssertEqual(r.best.betaIndex, 0)
        XCTAssertEqual(r.best.metrics.accPresence, 1)
        XCTAssertEqual(r.best.metrics.accSalience, 0, "no blends: ACC_S is 0, never NaN")
    }
}
