import BlendApp
import BlendCore
import Foundation
import XCTest
@testable import BlendTUI

/// Issue 13/15 remainders on the workbench: the Overview's intervals keyed by the clips they
/// read, the Fusion screen's "α/β from other folds" interval and its saved honest Score, the
/// heatmap's current cell as one rule, and `E` on Fusion drawing the weights on show.
final class HonestFusionFiguresTests: XCTestCase {
    private typealias F = WorkbenchFixture
    private let overviewCurrent = "screen.overview.current", overviewFolds = "screen.overview.folds"
    private let foldIntervals = "screen.fusion.fold-intervals"

    // MARK: Overview keys

    /// Another project (or this one read again after its predictions changed) with the same
    /// source name, clip count and thresholds: its intervals are asked for, the first one's
    /// never drawn. Keyed by clip count, as before, the cache would have served the first.
    func testOverviewIntervalsAreKeyedByTheClipsTheyReadNotByTheirCount() throws {
        var state = F.loaded(width: 160, height: 48)
        let firstKey = try XCTUnwrap(OverviewReducer.currentKey(F.project, state.thresholds))
        let firstCI = try XCTUnwrap(state.overview.intervals(firstKey))
        let otherScored = ScoredClips(clips: F.scored.clips, probabilities: ScoredClips.synthetic(count: 600, seed: 11).probabilities)
        let other = F.stored(ProjectSnapshot(path: F.project.path, clips: otherScored.clips, encoders: [], fusionCount: 0,
                                             source: .encoder("synthetic"), thresholds: F.project.thresholds,
                                             scored: otherScored, panel: F.panel))
        XCTAssertEqual(other.scored?.count, F.project.scored?.count)
        XCTAssertEqual(other.thresholds, F.project.thresholds)
        let asked = F.effectKeys(&state, .loaded(other))
        XCTAssertTrue(asked.contains(overviewCurrent) && asked.contains(overviewFolds), "\(asked)")
        let otherKey = try XCTUnwrap(OverviewReducer.currentKey(other, state.thresholds))
        XCTAssertNotEqual(otherKey, firstKey)
        XCTAssertFalse(state.overview.has(otherKey))
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertFalse(text.contains(OverviewScreen.interval(firstCI.score, compact: false)), "another project's interval: \(text)")
        // The same clips again are the same key: cached, nothing asked.
        XCTAssertEqual(OverviewReducer.currentKey(F.stored(ProjectSnapshot(
            path: "/elsewhere.sqlite", clips: F.scored.clips, encoders: [], fusionCount: 0, source: .encoder("synthetic"),
            thresholds: F.project.thresholds, scored: F.scored)), state.thresholds), firstKey)
        // An encoder row: the same name, thresholds and clip count over other predictions is another key.
        let e = F.encoderBests[0]
        let a = EncoderBest(name: e.name, modality: e.modality, best: e.best, clips: e.clips, labelledClips: e.labelledClips,
                            content: F.scored.contentDigest)
        let b = EncoderBest(name: e.name, modality: e.modality, best: e.best, clips: e.clips, labelledClips: e.labelledClips,
                            content: otherScored.contentDigest)
        XCTAssertNotEqual(a.intervalKey, b.intervalKey)
    }

    func testTheContentDigestSeesEveryProbabilityAndLabel() {
        let scored = F.scored
        var p = scored.probabilities
        p[p.count - 1] = p[p.count - 1].nextUp
        XCTAssertNotEqual(ScoredClips(clips: scored.clips, probabilities: p).contentDigest, scored.contentDigest)
        XCTAssertEqual(ScoredClips(clips: scored.clips, probabilities: scored.probabilities).contentDigest, scored.contentDigest)
        var clips = scored.clips
        let c = clips[0]
        clips[0] = ClipInfo(name: c.name, actor: c.actor + "x", split: c.split, fold: c.fold, label: c.label)
        XCTAssertNotEqual(ScoredClips(clips: clips, probabilities: scored.probabilities).contentDigest, scored.contentDigest)
    }

    // MARK: Fusion's Live panel

    func testTheLiveFoldFigureShowsItsIntervalAndNOnlyForTheReportOnShow() async throws {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("4"))
        let start = try XCTUnwrap(F.fusionData.currentFoldIntervals)
        var text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("fold α/β \(Format.fraction(F.fusionData.current.assessment.honest.score)) "
                                    + OverviewScreen.interval(start.score, compact: false)), text)
        XCTAssertTrue(text.contains("n = \(start.units) actors · weights fixed, α/β chosen on the other folds"), text)

        // A step: measured in line, its interval asked for off the UI thread, `[…]` until then.
        let effects = F.pressKeys(&state, "right")
        let edited = try XCTUnwrap(state.fusion.edited)
        XCTAssertNotEqual(edited.weights, F.fusionData.current.weights)
        text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("→ \(Format.fraction(edited.assessment.honest.score)) […]"), text)
        XCTAssertTrue(text.contains("  weights fixed, α/β chosen on the other folds"), text)
        let sent = await F.perform(effects, key: foldIntervals)
        XCTAssertEqual(sent.count, 1)
        for action in sent { F.send(&state, action) }
        let ci = F.fusionInputs.heldOutIntervals(of: edited, settings: .standard).intervals
        XCTAssertEqual(state.fusion.editedFoldIntervals, ci, "the CLI's definition (`FusionInputs.heldOutIntervals`)")
        text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("→ \(Format.fraction(edited.assessment.honest.score)) " + OverviewScreen.interval(ci.score, compact: false)),
                      text)
        XCTAssertTrue(text.contains("n = \(ci.units) actors"), text)

        // An answer for other weights, or from an earlier load, is never drawn as this one's.
        let stale = F.fusionInputs.heldOutIntervals(of: F.fusionProposal.fixed, settings: BootstrapSettings(replicates: 50)).intervals
        F.send(&state, .fusion(.foldIntervals(FusionFoldKey(generation: state.fusion.generation - 1, weights: edited.weights), stale)))
        XCTAssertEqual(state.fusion.editedFoldIntervals, ci)
        F.send(&state, .fusion(.foldIntervals(FusionFoldKey(generation: state.fusion.generation, weights: [1, 0, 0]), stale)))
        XCTAssertEqual(state.fusion.editedFoldIntervals, ci)

        // Back to the start (reset): cached (the load's), nothing asked.
        let back = F.pressKeys(&state, "r")
        XCTAssertEqual(state.fusion.edited?.weights, F.fusionData.current.weights)
        XCTAssertFalse(back.contains { if case .run(let key, _) = $0.operation { key == foldIntervals } else { false } })
        XCTAssertEqual(state.fusion.editedFoldIntervals, start)
    }

    func testTheNarrowLiveFoldFigureFitsItsPane() throws {
        var s = F.loaded()
        F.send(&s, F.key("4"))
        let text = F.program.frame(s, width: 80, height: 24).text()
        let start = try XCTUnwrap(F.fusionData.currentFoldIntervals)
        XCTAssertTrue(text.contains("→ \(Format.fraction(F.fusionData.current.assessment.honest.score)) "
                                    + OverviewScreen.interval(start.score, compact: true)), text)
        XCTAssertTrue(text.contains("n = \(start.units) actors · α/β nested"), text)
    }

    func testTheSavedHonestScoreShowsItsIntervalOrWhyNot() {
        let ci = F.fusionProposal.intervals!.honest
        let with = FusionScreen.savedHonestLines(SavedHonestScore(score: 0.31, pooled: nil, intervals: ci, unavailable: nil), width: 32)
        XCTAssertEqual(with.map { $0.map(\.text).joined() },
                       ["saved honest .310 " + OverviewScreen.interval(ci.score, compact: true),
                        "  n = \(ci.units) actors · weights+α/β nested"])
        let without = FusionScreen.savedHonestLines(.missing(0.31, "saved before blendscope kept them"), width: 32)
        XCTAssertEqual(without.first?.map(\.text).joined(), "saved honest .310 —")
        let why = without.dropFirst().map { $0.map(\.text).joined() }
        XCTAssertTrue(why.allSatisfy { DisplayWidth.of($0) <= 32 }, "\(why)")
        XCTAssertEqual(why.joined(separator: " ").split(separator: " ").joined(separator: " "),
                       "no interval: saved before blendscope kept them")
    }

    // MARK: The heatmap's current cell

    func testTheScreensHeatmapAndTheFigureMarkTheSameCell() throws {
        let state = F.loaded()
        let analysis = try XCTUnwrap(state.analysis)
        for t in [Thresholds(alpha: 0.137, beta: 0.26), Thresholds(alpha: 0.05, beta: 0.95), Thresholds(alpha: 0.5, beta: 0.121),
                  Thresholds(alpha: 0.99, beta: 0.01)] {
            let cell = analysis.grid.cell(containing: t)
            XCTAssertEqual(analysis.nearestAlphaIndex(t.alpha), cell.alpha, "\(t)")
            XCTAssertEqual(analysis.nearestBetaIndex(t.beta), cell.beta, "\(t)")
        }
    }

    // MARK: `E` on Fusion

    func testEOnFusionAsksForTheWeightsOnShowNotTheSavedOnes() throws {
        var state = F.loaded()
        F.send(&state, F.key("4"))
        _ = F.pressKeys(&state, "right")
        var request = FigureReducer.figureRequest(.fusionWeights, ScreenContext(state))
        var unsaved = try XCTUnwrap(request.unsavedFusion)
        XCTAssertTrue(unsaved.unsaved)
        XCTAssertEqual(unsaved.fusion, "the edit of equal weights")
        XCTAssertEqual(unsaved.bars.map(\.encoder), F.fusionInputs.encoders)
        XCTAssertEqual(unsaved.bars.map(\.weight), state.fusion.weights)
        XCTAssertEqual(unsaved.bars.map(\.folds), [[], [], []])

        // A waiting proposal is what the pane shows beside them: its weights and folds' weights.
        F.send(&state, .fusion(.jobFinished(F.fusionProposal)))
        request = FigureReducer.figureRequest(.fusionWeights, ScreenContext(state))
        unsaved = try XCTUnwrap(request.unsavedFusion)
        XCTAssertEqual(unsaved.fusion, "the waiting greedy proposal (job 3)")
        XCTAssertEqual(unsaved.bars.map(\.weight), F.fusionProposal.weights)
        XCTAssertEqual(unsaved.bars.map(\.folds.count), [5, 5, 5])
        // Accepted, it is the edit with the proposal's folds.
        _ = F.pressKeys(&state, "a")
        unsaved = try XCTUnwrap(FigureReducer.figureRequest(.fusionWeights, ScreenContext(state)).unsavedFusion)
        XCTAssertEqual(unsaved.fusion, "the accepted greedy proposal (job 3)")
        // On another screen the palette's fusion-weights figure is the saved fusion's.
        F.send(&state, F.key("1"))
        XCTAssertNil(FigureReducer.figureRequest(.fusionWeights, ScreenContext(state)).unsavedFusion)
    }

    func testEOnFusionWritesTheUnsavedEditsFigure() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-figure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = try SmallDemoProject.make(in: folder)
        var state = try FigureKeyTests.loaded(path, screen: "4")
        // The screen's load (the effect `4` asked for), run here.
        let load = FusionEffects.load(path: path, source: state.project?.source, from: F.program.project)
        F.send(&state, .fusion(load))
        XCTAssertNotNil(state.fusion.data)
        let effects = F.pressKeys(&state, "E")
        XCTAssertNotEqual(state.app.toasts.last?.kind, .error, state.app.toasts.last?.text ?? "")
        let sent = await F.perform(effects, key: "figure.1")
        for action in sent { F.send(&state, action) }
        if let toast = state.app.toasts.last, toast.text.contains("cannot draw figures") { throw XCTSkip(toast.text) }
        let file = folder.appendingPathComponent("small-fusion-weights-CLIP-unsaved.pdf")
        XCTAssertEqual(state.app.toasts.last?.text, "wrote \(file.path)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.path))
        // The figure drawn is the screen's weights, titled as not saved.
        let session = try F.program.project.session(path)
        let figure = try session.figure(FigureReducer.figureRequest(.fusionWeights, ScreenContext(state)),
                                        target: try session.target(TargetRequest(encoder: "CLIP")))
        XCTAssertTrue(figure.texts.contains("weight in the edit of equal weights (not saved)"), "\(figure.texts)")
    }
}
