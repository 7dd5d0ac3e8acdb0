import BlendTestSupport
import XCTest
@testable import BlendCore

final class DurationReportTests: XCTestCase {
    // MARK: Binning

    func testQuartileCutsInterpolateLikeNumpy() {
        let sorted = (1...8).map(Double.init)
        // numpy.quantile([1..8], [.25, .5, .75]) = 2.75, 4.5, 6.25.
        XCTAssertEqual(DurationBinning.quantiles(4).cutPoints(sortedDurations: sorted), [2.75, 4.5, 6.25])
        XCTAssertEqual(sorted.map { DurationBinning.bin(of: $0, cuts: [2.75, 4.5, 6.25]) }, [0, 0, 1, 1, 2, 2, 3, 3])
    }

    func testEqualQuantilesMergeInsteadOfMakingEmptyBins() {
        // Every quartile of [2, 2, 2, 2, 3] is 2, the shortest duration: one bin is all there is.
        XCTAssertEqual(DurationBinning.quantiles(4).cutPoints(sortedDurations: [2, 2, 2, 2, 3]), [])
        // [1, 2, 2, 2, 3]: quartiles 2, 2, 2 merge into one cut.
        XCTAssertEqual(DurationBinning.quantiles(4).cutPoints(sortedDurations: [1, 2, 2, 2, 3]), [2])
    }

    func testFixedEdgesOpenAtBothEnds() {
        let cuts = DurationBinning.edges([2, 3]).cutPoints(sortedDurations: [])
        XCTAssertEqual([1.5, 2, 2.99, 3, 10].map { DurationBinning.bin(of: $0, cuts: cuts) }, [0, 1, 1, 2, 2])
    }

    func testEdgesParseAndRefuseBadInput() throws {
        XCTAssertEqual(try DurationBinning.parseEdges("2,3,4"), [2, 3, 4])
        XCTAssertEqual(try DurationBinning.parseEdges(" 2.5 , 4 "), [2.5, 4])
        XCTAssertThrowsError(try DurationBinning.parseEdges("3,2")) { error in
            XCTAssertEqual("\(error)", "edges must increase strictly: 2.0 follows 3.0")
        }
        XCTAssertThrowsError(try DurationBinning.parseEdges("2,2")) { error in
            XCTAssertEqual("\(error)", "edges must increase strictly: 2.0 follows 2.0")
        }
        XCTAssertThrowsError(try DurationBinning.parseEdges("2,x")) { error in
            XCTAssertEqual("\(error)", "edge 'x' is not a number of seconds (expected e.g. 2,3,4)")
        }
        XCTAssertThrowsError(try DurationBinning.parseEdges("2,,3"))
        XCTAssertThrowsError(try DurationBinning.parseEdges("nan"))
        XCTAssertThrowsError(try DurationBinning.checkBinCount(0))
        XCTAssertNoThrow(try DurationBinning.checkBinCount(4))
    }

    // MARK: Correlation

    func testCorrelationsByHand() throws {
        XCTAssertEqual(try XCTUnwrap(Correlation.pearson([1, 2, 3], [2, 4, 6])), 1, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(Correlation.pearson([1, 2, 3], [3, 2, 1])), -1, accuracy: 1e-15)
        // Ranks [1, 2.5, 2.5, 4] against [1, 2, 3, 4]: r = 4.5 / √(4.5 · 5) (scipy.stats.spearmanr agrees).
        XCTAssertEqual(try XCTUnwrap(Correlation.spearman([1, 2, 2, 3], [1, 2, 3, 4])), 0.9486832980505138, accuracy: 1e-15)
        XCTAssertEqual(Correlation.ranks([5, 1, 5, 3]), [3.5, 1, 3.5, 2])
        XCTAssertNil(Correlation.pearson([1, 1, 1], [1, 2, 3]), "a constant side has no correlation")
        XCTAssertNil(Correlation.pearson([1], [2]))
    }

    // MARK: Hand-made report

    /// The worked example of `HandMadeDurations` (BlendTestSupport).
    private func handMade() -> (ScoredClips, [Double?]) { HandMadeDurations.clips() }

    func testHandMadeBinsWorkedByHand() throws {
        let (scored, durations) = handMade()
        let t = Thresholds(alpha: 0.1, beta: 0.15)
        let r = try XCTUnwrap(SweepIndex(scored).durationReport(durations: durations, binning: .edges([3]), at: t,
                                                                 betas: [0.05, 0.15, 0.25, 0.35]))
        XCTAssertEqual(r.withoutDuration, [6])
        XCTAssertEqual(r.withDuration, 6)
        XCTAssertEqual(r.bins.map(\.clips), [[0, 1, 2], [3, 4, 5]])
        XCTAssertEqual(r.bins.map(\.range), ["< 3.00 s", "≥ 3.00 s"])
        let short = r.bins[0], long = r.bins[1]
        XCTAssertEqual([short.singles, short.evenBlends, short.unevenBlends], [1, 1, 1])
        XCTAssertEqual([long.singles, long.evenBlends, long.unevenBlends], [0, 1, 2])
        XCTAssertEqual(short.shortest, 2.0)
        XCTAssertEqual(long.longest, 5.0)
        // Short: presence 3/3, salience c2 only (c1's margin .20 > β .15 calls it 70/30).
        XCTAssertEqual(short.metrics, Metrics(clips: 3, blends: 2, presenceHits: 3, salienceHits: 1))
        // Long: presence 3/3, salience c3 only (c4 reversed, c5 margin .06 ≤ .15 called 50/50).
        XCTAssertEqual(long.metrics, Metrics(clips: 3, blends: 3, presenceHits: 3, salienceHits: 1))
        XCTAssertEqual([short.pairFound, short.salienceErrors, long.pairFound, long.salienceErrors], [2, 1, 3, 2])
        XCTAssertEqual([short.unevenPairFound, short.reversed, long.unevenPairFound, long.reversed], [1, 0, 2, 1])
        // Salience hits over β .05/.15/.25/.35: short c1 (≤ β from .25) + c2 (< .30): 1, 1, 2, 1;
        // long c3 (≥ .10) + c5 (< .06): 1, 1, 1, 1; all 2, 2, 3, 2 → global best β .25.
        XCTAssertEqual(r.bestBeta, 0.25)
        XCTAssertEqual(short.bestBeta, 0.25)
        XCTAssertEqual(short.metricsAtBestBeta?.salienceHits, 2)
        XCTAssertEqual(long.bestBeta, 0.25, "a flat optimum takes the β nearest the global one")
        XCTAssertEqual(r.metrics, Metrics(clips: 6, blends: 5, presenceHits: 6, salienceHits: 2))
        // Durations by kind: single [2] (c6 has none), 50/50 [2.5, 4], 70/30 [2.9, 4.5, 5].
        XCTAssertEqual(r.kinds.map(\.kind), [.single, .even, .uneven])
        XCTAssertEqual(r.kinds.map(\.count), [1, 2, 3])
        XCTAssertEqual(r.kinds.map(\.median), [2, 3.25, 4.5])
        XCTAssertEqual(r.kinds[2].lowerQuartile, 3.7)
        XCTAssertEqual(r.kinds[2].shortest, 2.9)
        XCTAssertEqual(try XCTUnwrap(r.kinds[2].mean), 12.4 / 3, accuracy: 1e-12)
        XCTAssertEqual(r.finding,
                       "The longest clips (≥ 3.00 s) are 100% blends against 67% of the shortest (< 3.00 s); "
                       + "ACC_S 0.333 over 3 against 0.500 over 2, best β 0.25 against 0.25; "
                       + "70/30 blends with the weaker emotion on top 50% against 0%; duration–margin ρ "
                       + NumberText.fixed(try XCTUnwrap(r.marginSpearman), places: 2) + ".")
        // Margins .76, .20, .30, .10, .20, .06 against durations 2, 2.5, 2.9, 4, 4.5, 5.
        let margins = [0.76, 0.20, 0.30, 0.10, 0.20, 0.06]
        XCTAssertEqual(try XCTUnwrap(r.marginPearson),
                       try XCTUnwrap(Correlation.pearson([2, 2.5, 2.9, 4, 4.5, 5], margins)), accuracy: 1e-9)
        XCTAssertLessThan(try XCTUnwrap(r.marginSpearman), -0.7, "longer clips have smaller margins here")
    }

    func testNoDurationGivesNoReport() {
        let (scored, _) = handMade()
        XCTAssertNil(SweepIndex(scored).durationReport(durations: Array(repeating: nil, count: scored.count),
                                                        binning: .quantiles(4), at: Thresholds(alpha: 0.1, beta: 0.2)))
    }

    func testOneBinSaysThereIsNothingToCompare() throws {
        let (scored, durations) = handMade()
        let r = try XCTUnwrap(SweepIndex(scored).durationReport(durations: durations, binning: .quantiles(1),
                                                                 at: Thresholds(alpha: 0.1, beta: 0.2)))
        XCTAssertEqual(r.bins.count, 1)
        XCTAssertEqual(r.bins[0].range, "all")
        XCTAssertEqual(r.finding, "All 6 clips with a duration fall in one bin: nothing to compare.")
    }

    // MARK: Against direct computation

    /// Each bin's metrics and best β equal what decoding the bin's clips directly gives.
    func testPerBinMetricsEqualTheSubsetDecodedDirectly() throws {
        let scored = ScoredClips.synthetic(count: 600, seed: 7)
        var rng = SeededGenerator(seed: 11)
        // Blends run longer, as in BLEMORE; every tenth clip has no video.
        let durations: [Double?] = scored.clips.indices.map { n in
            n % 10 == 3 ? nil : (scored.clips[n].label.isBlend ? 3.0 : 2.0) + Double(Int.random(in: 0..<30, using: &rng)) / 15
        }
        let t = Thresholds(alpha: 0.15, beta: 0.1)
        let betas = ThresholdGrid.official.betas
        for binning in [DurationBinning.quantiles(4), .edges([2.5, 3.5, 4.5])] {
            let r = try XCTUnwrap(SweepIndex(scored).durationReport(durations: durations, binning: binning, at: t, betas: betas))
            XCTAssertEqual(r.bins.reduce(0) { $0 + $1.count } + r.withoutDuration.count, scored.count)
            XCTAssertEqual(r.withoutDuration.count, 60)
            let known = scored.subset(scored.clips.indices.filter { durations[$0] != nil })
            let globalCurve = betas.map { known.evaluate(Thresholds(alpha: t.alpha, beta: $0)) }
            let globalBest = betas[globalCurve.indices.max { globalCurve[$0].score < globalCurve[$1].score ||
                (globalCurve[$0].score == globalCurve[$1].score && $0 > $1) }!]
            XCTAssertEqual(r.bestBeta, globalBest)
            for bin in r.bins {
                XCTAssertTrue(bin.clips.allSatisfy { d in
                    let s = durations[d]!
                    return (bin.lower.map { s >= $0 } ?? true) && (bin.upper.map { s < $0 } ?? true)
                })
                let subset = scored.subset(bin.clips)
                XCTAssertEqual(bin.metrics, subset.evaluate(t))
                let curve = betas.map { subset.evaluate(Thresholds(alpha: t.alpha, beta: $0)) }
                let top = curve.map(\.salienceHits).max()!
                let candidates = betas.indices.filter { curve[$0].salienceHits == top }
                let nearest = candidates.min { abs(betas[$0] - globalBest) < abs(betas[$1] - globalBest) }!
                XCTAssertEqual(bin.bestBeta, top == 0 ? nil : betas[nearest])
                if let b = bin.bestBeta { XCTAssertEqual(bin.metricsAtBestBeta, curve[betas.firstIndex(of: b)!]) }
                // Salience errors: blends with presence right and salience wrong, decoded directly.
                let errors = bin.clips.filter { n in
                    let label = scored.clips[n].label, predicted = scored.prediction(of: n, t)
                    return label.isBlend && label.samePresence(as: predicted) && label != predicted
                }
                XCTAssertEqual(bin.salienceErrors, errors.count)
            }
            if case .quantiles = binning {
                let counts = r.bins.map(\.count)
                XCTAssertEqual(counts.count, 4)
                XCTAssertLessThan(counts.max()! - counts.min()!, 60, "quartile bins hold similar counts")
                XCTAssertGreaterThan(r.bins.last!.blendShare, r.bins.first!.blendShare)
            }
        }
    }
}
