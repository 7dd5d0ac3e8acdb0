import BlendCore
import Foundation
import XCTest
@testable import BlendTUI

/// A workbench on made-up clips (no store), with every background result computed in line,
/// so reducer and snapshot tests see the finished screens deterministically.
enum WorkbenchFixture {
    static let program = WorkbenchProgram()

    static let project = stored(withDurations(ProjectSnapshot(path: "/tmp/fixture.sqlite", clips: scored.clips, encoders: [], fusionCount: 0,
                                         source: .encoder("synthetic"), thresholds: Thresholds(alpha: 0.1, beta: 0.2),
                                         scored: scored, panel: panel)))

    /// The snapshot with its thresholds marked as the source's stored ones (as `use` leaves them).
    static func stored(_ project: ProjectSnapshot) -> ProjectSnapshot {
        var project = project
        project.thresholdOrigin = .stored
        return project
    }

    static let scored = ScoredClips.synthetic(count: 600, seed: 7)

    /// The source and a made-up second encoder ("other", another synthetic draw laid over the
    /// same clips by position), with "other" missing every tenth clip (from the fourth).
    static let panel = EncoderPanel(
        names: ["synthetic", "other"],
        values: [scored.probabilities, ScoredClips.synthetic(count: 600, seed: 8).probabilities],
        present: [Array(repeating: true, count: 600), (0..<600).map { $0 % 10 != 3 }])

    /// Two made-up encoder rows: the synthetic source on all clips and on the training split,
    /// the second a partial encoder (it covers the training split's 480 of the 600 clips).
    static let encoderBests = [
        EncoderBest(name: "synthetic", modality: "AV", best: SweepIndex(scored).sweep(grid: .official).best,
                    clips: 600, labelledClips: 600),
        EncoderBest(name: "synthetic-train", modality: "V",
                    best: SweepIndex(scored.filter { $0.split == .train }).sweep(grid: .official).best,
                    coverage: Format.coverage(480, of: 600), clips: 480, labelledClips: 600),
    ]

    static func key(_ text: String) -> WorkbenchAction { .app(.input(.key(KeyChord(parsing: text)!), region: nil)) }

    /// Sends `actions` through the program; the effects they ask for are not run.
    static func send(_ state: inout WorkbenchState, _ actions: WorkbenchAction...) {
        for action in actions { _ = program.update(&state, action) }
    }

    /// A loaded state with the analysis and the actor report in place.
    static func loaded(width: Int = 80, height: Int = 24) -> WorkbenchState {
        var state = WorkbenchProgram.initialState(path: project.path, width: width, height: height)
        send(&state, .loaded(project), .analysed(ThresholdAnalysis(scored, index: project.index!)))
        refreshActors(&state)
        refreshDurations(&state)
        send(&state, .encodersAnalysed(encoderBests))
        send(&state, .fusion(.loaded(fusionData)))
        loadCompare(&state)
        send(&state, .thresholdsUncertainty(.computed(uncertaintyKey(alpha: project.thresholds.alpha), fixtureUncertainty)))
        fillThresholdsIntervals(&state)
        loadOverviewIntervals(&state)
        send(&state, .confusion(.intervalsComputed(confusionIntervalKey, confusionIntervals)))
        return state
    }

    /// Delivers the actor report the last α change asked for.
    static func refreshActors(_ state: inout WorkbenchState) {
        send(&state, .thresholds(.actorsAnalysed(project.index!.actorBetas(alpha: state.thresholds.alpha))))
    }

    /// Compares a frame with its goldens `NAME.txt` (the text a user sees) and `NAME.styles`
    /// (the colours and attributes, as `StyleGolden` writes them); BLENDSCOPE_UPDATE_GOLDEN=1 rewrites them instead (then
    /// review the diff).
    static func assertGolden(_ canvas: Canvas, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for (text, ext) in [(canvas.text(), "txt"), (canvas.styledDump(), "styles")] {
            try assertGolden(text, "\(name).\(ext)", file: file, line: line)
        }
    }

    /// Compares text with the golden file `name`. Under BLENDSCOPE_UPDATE_GOLDEN=1 a differing
    /// or missing file is rewritten and the test still fails, so an update is always a
    /// deliberate second run and a reviewed diff.
    static func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = goldenURL(name)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        guard text + "\n" != expected else { return }
        if ProcessInfo.processInfo.environment["BLENDSCOPE_UPDATE_GOLDEN"] == "1" {
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            XCTFail("golden file \(name) rewritten; review the diff and run again", file: file, line: line)
        } else if let expected {
            XCTAssertEqual(text + "\n", expected, "\(name) differs from its golden", file: file, line: line)
        } else {
            XCTFail("no golden file \(name) (run with BLENDSCOPE_UPDATE_GOLDEN=1 to create it)", file: file, line: line)
        }
    }

    /// Where goldens live: `Tests/Fixtures/tui-golden/NAME`.
    static func goldenURL(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/tui-golden/\(name)")
    }
}
