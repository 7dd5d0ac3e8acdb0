@testable import BlendCore
import XCTest

/// Every definition of the uncertainty module on small hand-made clip sets whose answer is
/// known exactly.
final class UncertaintyTests: XCTestCase {
    /// The same twelve clips for every actor: 6 singles and 6 blends, two of each kind.
    static func actorConstant(actors: Int = 10) -> ScoredClips {
        let labels: [Label] = [.single(.ang), .single(.hap), .single(.neu), .single(.sad), .single(.fea), .single(.disg),
                               .blend(.ang, 50, .hap), .blend(.ang, 50, .sad), .blend(.disg, 70, .fea),
                               .blend(.disg, 70, .hap), .blend(.fea, 30, .sad), .blend(.ang, 30, .fea)]
        let rows: [[Double]] = [
            [0.6, 0.1, 0.1, 0.1, 0.05, 0.05], [0.1, 0.1, 0.1, 0.5, 0.1, 0.1], [0.1, 0.1, 0.1, 0.2, 0.1, 0.4],
            [0.1, 0.2, 0.1, 0.1, 0.4, 0.1], [0.3, 0.1, 0.3, 0.1, 0.1, 0.1], [0.05, 0.45, 0.1, 0.1, 0.2, 0.1],
            [0.35, 0.05, 0.05, 0.33, 0.1, 0.12], [0.4, 0.05, 0.05, 0.05, 0.25, 0.2], [0.05, 0.5, 0.3, 0.05, 0.05, 0.05],
            [0.05, 0.3, 0.05, 0.4, 0.1, 0.1], [0.05, 0.05, 0.3, 0.05, 0.5, 0.05], [0.3, 0.05, 0.35, 0.1, 0.1, 0.1],
        ]
        var clips = [ClipInfo](), p = [Double]()
        for a in 0..<actors {
            let actor = "A\(101 + a)"
            for (n, label) in labels.enumerated() {
                clips.append(ClipInfo(name: "\(actor)_c\(n)", actor: actor, split: .train, fold: a % 5, label: label))
                p.append(contentsOf: rows[n])
            }
        }
        return ScoredClips(clips: clips, probabilities: p)
    }

    func testPercentileMatchesNumpyLinear() {
        // np.quantile([.3, .1, .7, .25, .9, .45, .05], q), printed by numpy 2.4.
        let x = [0.3, 0.1, 0.7, 0.25, 0.9, 0.45, 0.05]
        let s = x.sorted()
        XCTAssertEqual(Percentile.quantile(sorted: s, 0.025), 0.0575)
        XCTAssertEqual(Percentile.quantile(sorted: s, 0.975), 0.8699999999999999)
        XCTAssertEqual(Percentile.quantile(sorted: s, 0.5), 0.3)
        XCTAssertEqual(Percentile.quantile(sorted: s, 0.05), 0.065)
        XCTAssertEqual(Percentile.quantile(sorted: [1, 2, 3, 4], 0.25), 1.75)
        XCTAssertEqual(Percentile.quantile(sorted: [0, 10], 0.975), 9.75)
        XCTAssertEqual(Percentile.quantile(sorted: [5], 0.025), 5)
        // The interval reads q = (1 − level)/2 and (1 + level)/2 as computed in Double
        // (0.025000000000000022 for 0.95), as the reference script passes them to numpy.
        XCTAssertEqual(Percentile.interval(x, level: 0.95),
                       Interval(Percentile.quantile(sorted: s, (1 - 0.95) / 2), Percentile.quantile(sorted: s, (1 + 0.95) / 2)))
    }

    func testDrawsAreSeededAndCountEveryUnit() {
        var first = [[Int32]](), again = [[Int32]]()
        Resampling.bootstrap(units: 7, replicates: 600, seed: 9) { _, w in first.append(Array(w)) }
        Resampling.bootstrap(units: 7, replicates: 600, seed: 9) { _, w in again.append(Array(w)) }
        XCTAssertEqual(first, again)
        XCTAssertTrue(first.allSatisfy { $0.reduce(0, +) == 7 })
        var other = [[Int32]]()
        Resampling.bootstrap(units: 7, replicates: 600, seed: 10) { _, w in other.append(Array(w)) }
        XCTAssertNotEqual(first, other)
        // A shorter run is a prefix of a longer one: chunks do not depend on the total.
        var short = [[Int32]]()
        Resampling.bootstrap(units: 7, replicates: 300, seed: 9) { _, w in short.append(Array(w)) }
        XCTAssertEqual(short, Array(first.prefix(300)))
    }

    func testReplicateIsTheDrawnActorsClipsCountedOncePerDraw() {
        let scored = ScoredClips.synthetic(count: 400, seed: 5)
        let index = SweepIndex(scored)
        let t = Thresholds(alpha: 0.15, beta: 0.2)
        let units = ResamplingUnits.actors(index, at: t)
        let groups = ResamplingUnits.actorGroups(scored.clips)
        XCTAssertEqual(units.total, scored.evaluate(t))
        Resampling.bootstrap(units: units.count, replicates: 20, seed: 1) { _, w in
            var members = [Int]()
            for g in groups.indices { for _ in 0..<w[g] { members.append(contentsOf: groups[g].members) } }
            XCTAssertEqual(units.replicate(w), scored.subset(members).evaluate(t))
        }
    }

    func testActorConstantDataHaveDegenerateIntervals() throws {
        let scored = Self.actorConstant()
        let index = SweepIndex(scored)
        let t = Thresholds(alpha: 0.2, beta: 0.1)
        let m = scored.evaluate(t)
        let ci = index.intervals(at: t)
        XCTAssertEqual(ci.units, 10)
        XCTAssertEqual(ci.accPresence, Interval(m.accPresence, m.accPresence))
        XCTAssertEqual(ci.accSalience, Interval(m.accSalience, m.accSalience))
        XCTAssertEqual(ci.score, Interval(m.score, m.score))

        let boot = index.plan(.official).thresholdBootstrap()
        let best = index.sweep(grid: .official).best
        XCTAssertEqual(boot.best, best)
        XCTAssertEqual(boot.alphaInterval, Interval(best.thresholds.alpha, best.thresholds.alpha))
        XCTAssertEqual(boot.betaInterval, Interval(best.thresholds.beta, best.thresholds.beta))
        XCTAssertEqual(boot.scoreStandardError, 0, accuracy: 1e-12)
        XCTAssertTrue(boot.betaPlateau.contains(best.thresholds.beta))

        // Every actor has the same β*: no spread, and p = 1 since every null spread is ≥ 0.
        let actorTest = try XCTUnwrap(index.actorHeterogeneity(minBlends: 1, permutations: 200))
        XCTAssertEqual(actorTest.statistic, 0)
        XCTAssertEqual(actorTest.pValue, 1)
        XCTAssertEqual(actorTest.actors, 10)
        XCTAssertTrue(actorTest.sentence.contains("show no actor-dependent β"), actorTest.sentence)
        let foldTest = try XCTUnwrap(index.plan(.official).foldHeterogeneity(permutations: 200))
        XCTAssertEqual(foldTest.statistic, 0)
        XCTAssertEqual(foldTest.pValue, 1)
        // Too few blends per actor: no test.
        XCTAssertNil(index.actorHeterogeneity(minBlends: 7, permutations: 10))
    }

    func testIdenticalSourcesDifferByNothing() throws {
        let scored = ScoredClips.synthetic(count: 500, seed: 11)
        let t = Thresholds(alpha: 0.15, beta: 0.2)
        let c = try XCTUnwrap(PairedComparison(a: scored, at: t, b: scored, at: t))
        XCTAssertEqual(c.clips, 500)
        XCTAssertEqual(c.delta, .init(accPresence: 0, accSalience: 0, score: 0))
        XCTAssertEqual(c.deltaInterval, .init(accPresence: Interval(0, 0), accSalience: Interval(0, 0), score: Interval(0, 0)))
        XCTAssertEqual(c.pValue, .init(accPresence: 1, accSalience: 1, score: 1))
        XCTAssertEqual(c.mcnemarP, 1)
        XCTAssertTrue(c.flips.isEmpty)
    }

    func testPairedComparisonCountsFlipsAndUsesSharedClips() throws {
        let a = ScoredClips.synthetic(count: 300, seed: 2)
        // B: the same clips, reversed, minus the first ten; probabilities shifted toward neu.
        let keep = Array((10..<300).reversed())
        let sub = a.subset(keep)
        let p = sub.probabilities.enumerated().map { $0.offset % 6 == 5 ? $0.element + 0.2 : $0.element }
        let b = ScoredClips(clips: sub.clips, probabilities: p)
        let t = Thresholds(alpha: 0.15, beta: 0.2)
        let c = try XCTUnwrap(PairedComparison(a: a, at: t, b: b, at: t))
        XCTAssertEqual(c.clips, 290)
        let common = a.subset(Array(10..<300))
        let bInA = b.subset(Array((0..<290).reversed()))
        XCTAssertEqual(c.a, common.evaluate(t))
        XCTAssertEqual(c.b, bInA.evaluate(t))
        var onlyA = 0, onlyB = 0
        for n in 0..<290 {
            let ra = common.clips[n].label.samePresence(as: common.prediction(of: n, t))
            let rb = bInA.clips[n].label.samePresence(as: bInA.prediction(of: n, t))
            if ra && !rb { onlyA += 1 }
            if rb && !ra { onlyB += 1 }
        }
        XCTAssertEqual(c.onlyARight, onlyA)
        XCTAssertEqual(c.onlyBRight, onlyB)
        XCTAssertEqual(c.byActor.reduce(0) { $0 + $1.onlyARight }, onlyA)
        XCTAssertEqual(c.byKind.reduce(0) { $0 + $1.onlyBRight }, onlyB)
        XCTAssertEqual(c.mcnemarP, McNemar.exactP(onlyA: onlyA, onlyB: onlyB))
        XCTAssertTrue(c.deltaInterval.score.contains(c.delta.score))
    }

    func testMcNemarExact() {
        XCTAssertEqual(McNemar.exactP(onlyA: 0, onlyB: 0), 1)
        XCTAssertEqual(McNemar.exactP(onlyA: 0, onlyB: 5), 0.0625, accuracy: 1e-12)
        XCTAssertEqual(McNemar.exactP(onlyA: 3, onlyB: 3), 1)
        // 2·(1 + 10 + 45) / 1024.
        XCTAssertEqual(McNemar.exactP(onlyA: 8, onlyB: 2), 112.0 / 1024, accuracy: 1e-12)
    }

    func testPairedPValue() {
        XCTAssertEqual(PairedComparison.pValue([0, 0, 0]), 1)
        XCTAssertEqual(PairedComparison.pValue([0.1, 0.2, 0.3, -0.1]), 0.5)
        XCTAssertEqual(PairedComparison.pValue([0.1, 0.2]), 0)
    }

    func testCellTablesReproduceTheSweep() {
        let scored = ScoredClips.synthetic(count: 700, seed: 4)
        let plan = SweepIndex(scored).plan(.official)
        let boot = plan.thresholdBootstrap(settings: BootstrapSettings(replicates: 200))
        XCTAssertEqual(boot.best, plan.sweep().best)
        XCTAssertTrue(boot.alphaInterval.lo <= boot.alphaInterval.hi)
        XCTAssertTrue(boot.betaPlateau.contains(boot.best.thresholds.beta))
        XCTAssertEqual(boot.actors, 58)
    }

    func testFoldTestStatisticIsTheFoldReportsSpreadAndIgnoresFoldNames() throws {
        let scored = ScoredClips.synthetic(count: 1_200, seed: 8)
        let plan = SweepIndex(scored).plan(.official)
        let test = try XCTUnwrap(plan.foldHeterogeneity(permutations: 300))
        let report = try XCTUnwrap(plan.foldReport())
        XCTAssertEqual(test.foldBetas, report.folds.map(\.own.thresholds.beta))
        XCTAssertEqual(test.statistic, report.betaSpread.max - report.betaSpread.min)
        // Renaming folds 1–4 by a permutation (f → 5 − f) changes no fold's content, and those
        // folds have 9 actors each (fold 0 has 10), so every dealing gives the same spread.
        XCTAssertEqual(Set(scored.clips.filter { $0.fold == 1 }.map(\.actor)).count, 9)
        XCTAssertEqual(Set(scored.clips.filter { $0.fold == 4 }.map(\.actor)).count, 9)
        let renamed = ScoredClips(clips: scored.clips.map {
            ClipInfo(name: $0.name, actor: $0.actor, split: $0.split, fold: $0.fold.map { $0 == 0 ? 0 : 5 - $0 }, label: $0.label)
        }, probabilities: scored.probabilities)
        let again = try XCTUnwrap(SweepIndex(renamed).plan(.official).foldHeterogeneity(permutations: 300))
        XCTAssertEqual(again.statistic, test.statistic)
        let b = test.foldBetas
        XCTAssertEqual(again.foldBetas, [b[0], b[4], b[3], b[2], b[1]])
        XCTAssertEqual(again.pValue, test.pValue)
    }

    func testActorTestIsSeededAndItsNullKeepsEachActorsMakeUp() throws {
        let scored = ScoredClips.synthetic(count: 1_500, seed: 6)
        let index = SweepIndex(scored)
        let a = try XCTUnwrap(index.actorHeterogeneity(permutations: 300, seed: 3))
        let b = try XCTUnwrap(index.actorHeterogeneity(permutations: 300, seed: 3))
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.alpha, index.sweep(grid: .official).best.thresholds.alpha)
        XCTAssertGreaterThan(a.pValue, 0)
        XCTAssertLessThanOrEqual(a.pValue, 1)
        // β* is the first maximiser of the actor's ACC_S at α*.
        let plan = index.plan(ThresholdGrid(alphas: [a.alpha], betas: ThresholdGrid.official.betas))
        for g in plan.sweep(by: .actor) where g.result.blends >= 10 {
            guard case .actor(let name) = g.scope else { continue }
            let hits = g.result.salienceHits
            let first = hits.firstIndex(of: hits.max() ?? 0) ?? 0
            XCTAssertEqual(a.actorBetas[name], ThresholdGrid.official.betas[first], name)
        }
    }

    func testOneActorsOwnResampling() throws {
        let scored = ScoredClips.synthetic(count: 900, seed: 7)
        let index = SweepIndex(scored)
        let report = index.actorBetas(alpha: 0.15)
        let actor = try XCTUnwrap(report.actors.first { $0.bestBeta != nil })
        let u = index.actorUncertainty(actor: actor.actor, members: actor.clips, alpha: 0.15, betas: report.betas,
                                       bestBeta: actor.bestBeta, globalBeta: report.bestBeta,
                                       settings: BootstrapSettings(replicates: 500))
        XCTAssertEqual(u.blends, actor.blends)
        XCTAssertEqual(u.clips, actor.clips.count)
        let atGlobal = actor.curve[report.bestBetaIndex].accSalience
        XCTAssertTrue(u.accSalienceAtGlobal.lo <= atGlobal + 1e-12 && atGlobal - 1e-12 <= u.accSalienceAtGlobal.hi)
        XCTAssertNotNil(u.betaInterval)
        XCTAssertTrue(u.sentence.contains(actor.actor))
    }
}

/// A replicate's grid search on per-actor tables is the sweep of the replicate's clips.
final class CellTablesReplicateTests: XCTestCase {
    func testReplicateBestCellIsTheSweepOfItsClips() {
        let scored = ScoredClips.synthetic(count: 800, seed: 12)
        let plan = SweepIndex(scored).plan(.official)
        let tables = CellTables(plan)
        let groups = ResamplingUnits.actorGroups(scored.clips)
        XCTAssertEqual(tables.names, groups.map(\.actor))
        Resampling.bootstrap(units: tables.count, replicates: 25, seed: 4) { _, w in
            var members = [Int]()
            for g in groups.indices { for _ in 0..<w[g] { members.append(contentsOf: groups[g].members) } }
            let best = SweepIndex(scored.subset(members)).sweep(grid: .official).best
            let cell = tables.bestCell(weights: Array(w))
            XCTAssertEqual(cell.alpha, best.alphaIndex)
            XCTAssertEqual(cell.beta, best.betaIndex)
        }
    }
}
