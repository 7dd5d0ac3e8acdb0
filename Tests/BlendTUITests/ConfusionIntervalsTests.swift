import BlendApp
@testable import BlendCore
import BlendReport
import Foundation
import XCTest
@testable import BlendTUI

/// The Confusion screen on a real project: the per-emotion intervals are the `confusion` use
/// case's, computed off the UI thread per (source, thresholds, scope) and never shown for
/// other thresholds; the export is the `export` use case's file, provenance included.
final class ConfusionIntervalsTests: XCTestCase {
    private typealias F = WorkbenchFixture
    private static let intervalsKey = "screen.confusion.intervals"

    private func project() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("confusion-real-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return (folder, try SmallDemoProject.make(in: folder))
    }

    /// The loaded project on the Confusion screen, with the effects its entry asked for.
    private func onConfusion(_ path: String) throws -> (WorkbenchState, [Effect<WorkbenchAction>]) {
        var state = WorkbenchProgram.initialState(path: path, width: 120, height: 40)
        F.send(&state, .loaded(try ProjectSnapshot.load(path: path, from: F.program.project)))
        let effects = F.program.update(&state, F.key("5"))
        return (state, effects)
    }

    func testPerEmotionIntervalsAreTheUseCasesAndNeverStale() async throws {
        let (_, path) = try project()
        var (state, effects) = try onConfusion(path)
        XCTAssertNil(state.confusion.intervals)
        XCTAssertTrue(F.program.frame(state, width: 120, height: 40).text().contains("[…]"), "intervals still computing")
        for action in await F.perform(effects, key: Self.intervalsKey) { F.send(&state, action) }
        let shown = try XCTUnwrap(state.confusion.intervals)

        // What `blendscope confusion PROJECT --alpha A --beta B` computes.
        let session = try F.program.project.session(path)
        let t = state.thresholds
        let target = try session.target(TargetRequest(encoder: "CLIP", alpha: t.alpha, beta: t.beta))
        let outcome = try session.confusion(target)
        XCTAssertEqual(shown.emotions, outcome.emotionIntervals)
        XCTAssertEqual(shown.metrics, outcome.evaluation.intervals)
        let text = F.program.frame(state, width: 120, height: 40).text()
        let f1 = outcome.emotionIntervals[0].f1
        let bracket = "[\(NumberText.fixed(f1.lo, places: 2, leadingZero: false)), \(NumberText.fixed(f1.hi, places: 2, leadingZero: false))]"
        XCTAssertTrue(text.contains(bracket), "\(bracket) in\n\(text)")
        XCTAssertTrue(text.contains("95% CI · \(outcome.evaluation.intervals.units) actors"), text)
        XCTAssertTrue(text.contains("· stored"), "the thresholds' origin is said: \(text)")

        // A β step: the old intervals are not shown as the new thresholds'; a new request runs.
        let step = F.program.update(&state, .moveThreshold(.beta, t.beta + 0.05))
        XCTAssertNil(state.confusion.intervals)
        XCTAssertTrue(F.program.frame(state, width: 120, height: 40).text().contains("· moved"))
        for action in await F.perform(step, key: Self.intervalsKey) { F.send(&state, action) }
        XCTAssertNotNil(state.confusion.intervals)
        // Back: cached, so no bootstrap runs again.
        let back = F.program.update(&state, .moveThreshold(.beta, t.beta))
        let rerun = await F.perform(back, key: Self.intervalsKey)
        XCTAssertEqual(rerun.count, 0)
        XCTAssertEqual(state.confusion.intervals?.emotions, outcome.emotionIntervals)
    }

    func testAnAnswerForOtherThresholdsIsFiledNotShown() throws {
        let (_, path) = try project()
        var (state, _) = try onConfusion(path)
        let old = try XCTUnwrap(state.confusion.wantedIntervals)
        F.send(&state, .moveThreshold(.beta, state.thresholds.beta + 0.05))
        let late = ConfusionIntervals(emotions: [], metrics: MetricIntervals(settings: .standard, units: 0, accPresence: Interval(0, 0), accSalience: Interval(0, 0), score: Interval(0, 0)), settings: .standard)
        F.send(&state, .confusion(.intervalsComputed(old, late)))
        XCTAssertNil(state.confusion.intervals, "the late answer is for the old β")
    }

    func testExportIsTheExportUseCasesFileWithItsProvenance() async throws {
        let (folder, path) = try project()
        var (state, _) = try onConfusion(path)
        F.send(&state, F.key("r"), F.key("s"), F.key("e"))
        XCTAssertEqual(state.confusion.scope, .split(.train))
        F.pressKeys(&state, "j", "j")
        let effects = F.pressKeys(&state, "enter")
        for action in await F.perform(effects, key: "confusion-export") { F.send(&state, action) }
        let t = state.thresholds
        let url = folder.appendingPathComponent("exports/confusion-CLIP-train-a\(ConfusionExport.threshold(t.alpha))-b\(ConfusionExport.threshold(t.beta))-rates.tex")
        XCTAssertEqual(state.app.toasts.last?.text, "wrote \(url.path)")
        let written = try String(contentsOf: url, encoding: .utf8)

        // What `blendscope export PROJECT confusion --split train --rates --format tex` writes
        // (the time aside, which the CLI takes from SOURCE_DATE_EPOCH).
        let session = try F.program.project.session(path)
        let cli = try session.sourceExport(.confusion(rates: true), request: TargetRequest(), selection: ClipSelection([.split(.train)]),
                                           format: .tex, context: .now(project: path)).text
        func timeless(_ text: String) -> String { text.split(separator: "\n").filter { !$0.contains("created") }.joined(separator: "\n") }
        XCTAssertEqual(timeless(written), timeless(cli))
        for line in ["source: encoder CLIP", "thresholds: stored", "scope: train", "blendscope: \(ProductVersion.text)"] {
            XCTAssertTrue(written.contains(line), "\(line) in\n\(written)")
        }
    }

    func testExportFailureShowsTheReasonInAnErrorToast() async throws {
        let (folder, path) = try project()
        // A file where the exports folder should go.
        try Data("x".utf8).write(to: folder.appendingPathComponent("exports"))
        var (state, _) = try onConfusion(path)
        F.send(&state, F.key("e"))
        let effects = F.pressKeys(&state, "enter")
        for action in await F.perform(effects, key: "confusion-export") { F.send(&state, action) }
        let toast = try XCTUnwrap(state.app.toasts.last)
        XCTAssertEqual(toast.kind, .error)
        XCTAssertEqual(toast.text, "export failed: \(folder.appendingPathComponent("exports").path): cannot make the folder (a file of that name is in the way)")
        XCTAssertNil(state.confusion.lastExport)
    }
}
