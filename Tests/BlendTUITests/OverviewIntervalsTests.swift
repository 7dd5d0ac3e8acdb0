import BlendCore
import XCTest
@testable import BlendTUI

/// The Overview's intervals: asked for off the UI thread only while the Overview shows, cached
/// per (source, thresholds, scope), a β step asking only for the summary's interval at the new
/// β, and an interval for other thresholds never drawn as current.
final class OverviewIntervalsTests: XCTestCase {
    private typealias F = WorkbenchFixture
    private let current = "screen.overview.current", folds = "screen.overview.folds", encoders = "screen.overview.encoders"

    func testTheLoadAsksForTheSummaryAndTheFoldsAndTheEncodersOnceEach() {
        var state = WorkbenchProgram.initialState(path: F.project.path, width: 80, height: 24)
        let keys = F.effectKeys(&state, .loaded(F.project))
        XCTAssertTrue(keys.contains(current) && keys.contains(folds), "\(keys)")
        XCTAssertTrue(F.effectKeys(&state, .encodersAnalysed(F.encoderBests)).contains(encoders))
        XCTAssertEqual(state.overview.pending.count, 2 + F.encoderBests.count)
        // Coming back to the Overview while they run asks for nothing again.
        F.send(&state, F.key("2"))
        XCTAssertFalse(F.effectKeys(&state, F.key("1")).contains { [current, folds, encoders].contains($0) })
        let text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("[…]"), text)
    }

    func testAnotherScreenAsksForNothingAndTheOverviewCatchesUpOnEntering() {
        var state = F.loaded()
        F.send(&state, F.key("3"))
        let moved = Thresholds(alpha: state.thresholds.alpha, beta: state.thresholds.beta + 0.05)
        XCTAssertFalse(F.effectKeys(&state, .moveThreshold(.beta, moved.beta)).contains(current), "not on show")
        XCTAssertTrue(F.effectKeys(&state, F.key("1")).contains(current))
    }

    func testABetaStepShowsNoStaleIntervalAndTheCacheServesAStepBack() throws {
        var state = F.loaded(width: 160, height: 48)
        let first = state.thresholds
        let (firstKey, firstValue) = F.overviewCurrent(first)
        let firstCI = try XCTUnwrap(firstValue.metrics)
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains(OverviewScreen.interval(firstCI.score, compact: false)))
        XCTAssertTrue(state.overview.has(firstKey))

        let moved = Thresholds(alpha: first.alpha, beta: first.beta + 0.05)
        let asked = F.effectKeys(&state, .moveThreshold(.beta, moved.beta))
        XCTAssertTrue(asked.contains(current) && !asked.contains(folds) && !asked.contains(encoders),
                      "only the summary's interval depends on β: \(asked)")
        var text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertFalse(text.contains(OverviewScreen.interval(firstCI.score, compact: false)), "the old β's interval is not shown")
        XCTAssertTrue(text.contains("Score \(Format.fraction(state.metrics!.score)) […]"), text)
        // The folds and the encoders keep theirs: their keys hold no β.
        let foldsCI = try XCTUnwrap(F.overviewFolds.1.folds)
        XCTAssertTrue(text.contains(OverviewScreen.interval(foldsCI.honestScore, compact: false)), text)

        // A late answer for a β no longer shown is cached but not drawn.
        let other = Thresholds(alpha: first.alpha, beta: first.beta + 0.1)
        F.send(&state, .overview(.computed([F.overviewCurrent(other)])))
        text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("Score \(Format.fraction(state.metrics!.score)) […]"), text)

        F.send(&state, .overview(.computed([F.overviewCurrent(moved)])))
        let movedCI = try XCTUnwrap(F.overviewCurrent(moved).1.metrics)
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains(OverviewScreen.interval(movedCI.score, compact: false)))
        // Back to the first β: cached, nothing asked.
        XCTAssertFalse(F.effectKeys(&state, .moveThreshold(.beta, first.beta)).contains(current), "cached")
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains(OverviewScreen.interval(firstCI.score, compact: false)))
    }

    func testTheEffectsComputeWhatBlendCoreComputes() async throws {
        var state = WorkbenchProgram.initialState(path: F.project.path, width: 80, height: 24)
        let effects = F.program.update(&state, .loaded(F.project))
        let sent = await F.perform(effects, key: current) + F.perform(effects, key: folds)
        var answers: [OverviewIntervalKey: OverviewIntervals] = [:]
        for action in sent { if case .overview(.computed(let a)) = action { for (k, v) in a { answers[k] = v } } }
        let index = try XCTUnwrap(F.project.index)
        let key = try XCTUnwrap(OverviewReducer.currentKey(F.project, state.thresholds))
        XCTAssertEqual(answers[key]?.metrics, index.intervals(at: state.thresholds, settings: .standard))
        let report = try XCTUnwrap(index.plan(.official).foldReport())
        XCTAssertEqual(answers[try XCTUnwrap(OverviewReducer.foldsKey(F.project))]?.folds, index.foldIntervals(report, settings: .standard))
    }

    func testAFailedEncoderIntervalSaysSoAndIsAskedForAgain() {
        var state = F.loaded()
        let key = F.encoderBests[0].intervalKey
        state.overview = OverviewState()
        XCTAssertTrue(F.effectKeys(&state, .encodersAnalysed(F.encoderBests)).contains(encoders))
        F.send(&state, .overview(.failed([key], "no such encoder")))
        XCTAssertTrue(state.overview.failed.contains(key))
        XCTAssertEqual(state.overview.placeholder(key), "–")
        XCTAssertTrue(F.effectKeys(&state, .encodersAnalysed(F.encoderBests)).contains(encoders))
        F.send(&state, .overview(.computed([F.overviewEncoder(F.encoderBests[0])])))
        XCTAssertFalse(state.overview.failed.contains(key))
    }

    func testEncoderRowsAreTheOpenReportsWithIntervalsCoverageAndN() throws {
        let state = F.loaded(width: 160, height: 48)
        let project = try XCTUnwrap(state.project)
        let table = OverviewEncodersTable(F.encoderBests, project: project, intervals: state.overview, width: 156)
        XCTAssertEqual(table.report.name, "open_encoders")
        let titles = table.columns.map(\.title)
        for title in ["encoder", "clips", "ACC_P", "ACC_S", "Score", "actors", "α*", "β*"] { XCTAssertTrue(titles.contains(title), "\(titles)") }
        XCTAssertEqual(titles.filter { $0 == "[lo, hi]" }.count, 3, "an interval beside each rate")
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("480/600"), text)
        for e in F.encoderBests {
            let ci = try XCTUnwrap(F.overviewEncoder(e).1.metrics)
            XCTAssertTrue(text.contains(OverviewScreen.interval(ci.score, compact: false)), text)
            XCTAssertTrue(text.contains(OverviewScreen.interval(ci.accSalience, compact: false)), text)
        }
        // At 80 columns the Score keeps its interval, its n and the coverage.
        let narrow = F.program.frame(F.loaded(), width: 80, height: 24).text()
        XCTAssertTrue(narrow.contains("480/600") && narrow.contains("[lo,hi]"), narrow)
    }

    func testNamesCutInTheMiddleStayDistinct() {
        XCTAssertEqual(DistinctNames.fit(["hicmae-kl", "hicmae-ce"], width: 6), ["hic…kl", "hic…ce"])
        XCTAssertEqual(DistinctNames.fit(["face", "voice"], width: 6), ["face", "voice"])
        let cut = DistinctNames.fit(["wav2vec2-l6-12-a", "wav2vec2-l6-12-b", "hicmae"], width: 8)
        XCTAssertEqual(Set(cut).count, 3, "\(cut)")
        XCTAssertTrue(cut.allSatisfy { DisplayWidth.of($0) <= 8 })
    }

    /// The Overview at 160×48 leaves no more than a third of its area empty (lines of a pane
    /// with nothing on them), and the β* plot shows the actors and the folds.
    func testTheWideOverviewUsesItsArea() {
        let state = F.loaded(width: 160, height: 48)
        let canvas = F.program.frame(state, width: 160, height: 48)
        let lines = canvas.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var empty = 0, total = 0
        for line in lines.dropFirst().dropLast(2) {
            // A run of blanks between two borders that is a whole pane line counts as empty.
            for run in line.split(whereSeparator: { "│┃".contains($0) }) {
                total += run.count
                if run.allSatisfy({ $0 == " " }) { empty += run.count }
            }
        }
        XCTAssertLessThan(Double(empty), Double(total) / 3, canvas.text())
        let text = canvas.text()
        XCTAssertTrue(text.contains("β* by actor") && text.contains("f4") && text.contains("▲"), text)
    }

    func testTheOverviewGoldensWithAPendingEncoderAndAStaleSummary() throws {
        for (width, height) in [(80, 24), (160, 48)] {
            var state = F.loaded(width: width, height: height)
            // One encoder's interval still on its way, and β moved since the summary's came.
            state.overview = OverviewState()
            F.send(&state, .overview(.computed([F.overviewCurrent(state.thresholds), F.overviewFolds,
                                                F.overviewEncoder(F.encoderBests[0])])))
            F.send(&state, .moveThreshold(.beta, state.thresholds.beta + 0.05))
            try F.assertGolden(F.program.frame(state, width: width, height: height), "overview-stale-\(width)x\(height)")
        }
    }
}
