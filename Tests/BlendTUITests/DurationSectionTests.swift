import BlendCore
import XCTest
@testable import BlendTUI

final class DurationSectionTests: XCTestCase {
    private typealias F = WorkbenchFixture

    /// How many of `effects` bin durations (other parts start their own work on the same actions).
    private func binning(_ effects: [Effect<WorkbenchAction>]) -> Int {
        effects.count { effect in
            if case .run(let key, _) = effect.operation { return key == "durations" }
            return false
        }
    }

    func testLoadingAProjectWithDurationsAsksForTheBinsAtItsThresholds() {
        var state = WorkbenchProgram.initialState(path: F.project.path, width: 160, height: 48)
        let effects = F.program.update(&state, .loaded(F.project))
        XCTAssertEqual(binning(effects), 1)
        XCTAssertEqual(state.durations.requestedAt, Thresholds(alpha: 0.1, beta: 0.2))
        XCTAssertNil(state.durations.report)
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains("binning clips by duration…"))
    }

    func testTheReportIsTheCoreReportOfTheSourcesClips() throws {
        let state = F.loaded(width: 160, height: 48)
        let report = try XCTUnwrap(state.durations.report)
        XCTAssertEqual(state.durations.computedAt, state.thresholds)
        let direct = F.project.index!.durationReport(durations: F.durations(for: F.scored.clips), binning: .quantiles(4),
                                                     at: state.thresholds)
        XCTAssertEqual(report, direct)
        XCTAssertEqual(report.withoutDuration.count, 30)
        XCTAssertEqual(report.bins.count, 4)
        XCTAssertGreaterThan(report.bins[3].blendShare, report.bins[0].blendShare)
    }

    func testAReportForThresholdsLeftBehindIsDropped() throws {
        var state = F.loaded(width: 160, height: 48)
        let old = try XCTUnwrap(state.durations.report)
        let stale = Thresholds(alpha: 0.5, beta: 0.5)
        F.send(&state, .durations(.analysed(nil, at: stale)))
        XCTAssertEqual(state.durations.report, old)
        XCTAssertEqual(state.durations.computedAt, state.thresholds)
    }

    func testThresholdMovesElsewhereAreBinnedAgainOnlyWhenTheOverviewShows() {
        var state = F.loaded(width: 160, height: 48)
        let first = state.durations.requestedAt
        var effects = F.program.update(&state, F.key("3"))
        XCTAssertEqual(binning(effects), 0)
        effects = F.program.update(&state, F.key("right"))
        XCTAssertEqual(state.thresholds.beta, 0.21, accuracy: 1e-12)
        XCTAssertEqual(state.durations.requestedAt, first, "the Thresholds screen does not pay for the bins")
        effects = F.program.update(&state, F.key("1"))
        XCTAssertEqual(binning(effects), 1)
        XCTAssertEqual(state.durations.requestedAt, state.thresholds)
        F.refreshDurations(&state)
        XCTAssertEqual(state.durations.computedAt, state.thresholds)
        XCTAssertEqual(binning(F.program.update(&state, F.key("1"))), 0, "nothing moved: no new request")
    }

    func testNoDurationsNoRequestAndNoSection() {
        let bare = ProjectSnapshot(path: "/tmp/bare.sqlite", clips: F.scored.clips, encoders: [], fusionCount: 0,
                                   source: .encoder("synthetic"), thresholds: Thresholds(alpha: 0.1, beta: 0.2), scored: F.scored)
        var state = WorkbenchProgram.initialState(path: bare.path, width: 160, height: 48)
        XCTAssertEqual(binning(F.program.update(&state, .loaded(bare))), 0)
        XCTAssertNil(state.durations.requestedAt)
        XCTAssertFalse(F.program.frame(state, width: 160, height: 48).text().contains("Duration"))
    }

    func testTheSectionShowsFromFortyRowsOn() {
        for (height, shown) in [(24, false), (39, false), (40, true), (48, true)] {
            let state = F.loaded(width: 80, height: height)
            let text = F.program.frame(state, width: 80, height: height).text()
            XCTAssertEqual(text.contains("Duration (quartiles)"), shown, "at 80×\(height)")
            XCTAssertTrue(text.contains("ACC_P"), "the summary keeps its metrics at 80×\(height)")
            XCTAssertEqual(text.contains("≥ 3.60 s"), shown, "a narrow pane still shows the bins' ranges")
        }
    }

    func testANewProjectForgetsTheOldReport() {
        var state = F.loaded(width: 160, height: 48)
        XCTAssertNotNil(state.durations.report)
        F.send(&state, .loaded(F.project))
        XCTAssertNil(state.durations.report)
        XCTAssertEqual(state.durations.requestedAt, state.thresholds)
    }
}
