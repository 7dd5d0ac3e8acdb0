import BlendCore
import Foundation
import XCTest
import BlendEngine
@testable import BlendStore
@testable import BlendTUI

/// The Jobs screen's reducer: polling only while needed, selection that follows its job,
/// the log's tail, toasts when jobs end, the cancel question, the retraining form, own jobs
/// and the quit question, and its goldens.
final class JobsScreenTests: XCTestCase {
    private typealias F = WorkbenchFixture

    private func update(_ state: inout WorkbenchState, _ action: WorkbenchAction) -> [Effect<WorkbenchAction>] {
        F.program.update(&state, action)
    }

    /// The polls among `effects` (entering Clips also reads the clip's notes and video).
    private func polls(_ effects: [Effect<WorkbenchAction>]) -> Int {
        effects.count { effect in
            if case .run(let key, _) = effect.operation { return key == "jobs.poll" }
            return false
        }
    }

    private func polled(_ jobs: [JobRecord], seconds: Double = 0) -> WorkbenchAction {
        .jobs(.polled(jobs, at: F.jobsNow.addingTimeInterval(seconds)))
    }

    // MARK: Polling

    func testTheScreenPollsWhileShownAndOnlyOneAtATime() {
        var state = F.loaded()
        XCTAssertTrue(update(&state, F.key("6")).count == 1, "opening the screen polls at once")
        XCTAssertTrue(state.jobs.pollPending)
        XCTAssertTrue(update(&state, F.key("6")).isEmpty, "no second poll while one is pending")
        XCTAssertEqual(update(&state, polled(F.fixtureJobs(running: false))).count, 1, "the screen keeps polling while shown")
        XCTAssertEqual(state.jobs.jobs.map(\.id), [4, 3, 2, 1])
        XCTAssertEqual(state.jobs.polledAt, F.jobsNow)
    }

    func testPollingStopsAwayFromTheScreenWhenNothingRuns() {
        var state = F.onJobs(jobs: F.fixtureJobs(running: false))
        F.send(&state, F.key("1"))
        XCTAssertTrue(update(&state, polled(F.fixtureJobs(running: false))).isEmpty, "an idle workbench stops polling")
        XCTAssertFalse(state.jobs.pollPending)
        XCTAssertTrue(update(&state, F.key("j")).isEmpty, "keys on another screen do not poll")
        XCTAssertEqual(polls(update(&state, F.key("2"))), 1, "a screen change looks once")
        XCTAssertEqual(polls(update(&state, polled(F.fixtureJobs(running: false)))), 0, "and only once")
        XCTAssertEqual(polls(update(&state, F.key("down"))), 0)
        XCTAssertEqual(polls(update(&state, F.key("3"))), 1)
        // A running job anywhere keeps the polls going, whatever the screen.
        XCTAssertEqual(update(&state, polled(F.fixtureJobs())).count, 1)
    }

    func testAJobThisProcessStartsOrEndsIsPolledAtOnce() {
        var state = F.onJobs()
        state.jobs.pollPending = false
        XCTAssertEqual(F.effectKeys(F.program.update(&state, .jobs(.started(41)))).filter { $0 == "jobs.poll" }, ["jobs.poll"])
        state.jobs.pollPending = false
        XCTAssertEqual(F.effectKeys(F.program.update(&state, .jobs(.ownJobEnded(41)))).filter { $0 == "jobs.poll" }, ["jobs.poll"])
    }

    func testAfterAFailedPollTheScreensKeysTryAgain() {
        var state = F.onJobs()
        F.send(&state, .jobs(.pollFailed("disk I/O error")))
        XCTAssertEqual(F.effectKeys(F.program.update(&state, F.key("j"))).filter { $0 == "jobs.poll" }, ["jobs.poll"])
    }

    func testAFailedPollSaysSo() {
        var state = F.onJobs()
        F.send(&state, .jobs(.pollFailed("disk I/O error")))
        XCTAssertEqual(state.jobs.pollError, "disk I/O error")
        XCTAssertFalse(state.jobs.pollPending)
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("cannot read the jobs: disk I/O error"))
    }

    // MARK: Toasts

    func testJobsThatEndAreToastedButNotTheOnesThatHadEndedBefore() {
        var state = F.onJobs()
        XCTAssertTrue(state.app.toasts.isEmpty, "the first poll toasts nothing")
        F.send(&state, polled(F.fixtureJobs(running: false), seconds: 1))
        XCTAssertEqual(state.app.toasts.map(\.text), ["job 4 (train) succeeded"])
        XCTAssertEqual(state.app.toasts.last?.kind, .success)

        var failing = F.onJobs()
        var jobs = F.fixtureJobs()
        jobs[0] = F.job(4, .failed, progress: 0.4, message: "features of 3 clips are NaN", startedAgo: 130, lasted: 10)
        F.send(&failing, polled(jobs, seconds: 1))
        XCTAssertEqual(failing.app.toasts.map(\.text), ["job 4 (train) failed: features of 3 clips are NaN"])
        XCTAssertEqual(failing.app.toasts.last?.kind, .error)

        var cancelled = F.onJobs()
        jobs[0] = F.job(4, .cancelled, progress: 0.4, message: "cancelled at 40%", startedAgo: 130, lasted: 10)
        F.send(&cancelled, polled(jobs, seconds: 1))
        XCTAssertEqual(cancelled.app.toasts.map(\.text), ["job 4 (train) cancelled"])
    }

    // MARK: Selection and log

    func testTheSelectionStaysOnItsJobAsNewerOnesArrive() {
        var state = F.onJobs()
        F.send(&state, F.key("j"))
        XCTAssertEqual(state.jobs.selected?.id, 3)
        F.send(&state, polled([F.job(5, .running, progress: 0, message: "", startedAgo: 1)] + F.fixtureJobs(), seconds: 1))
        XCTAssertEqual(state.jobs.selected?.id, 3)
        XCTAssertEqual(state.jobs.scroll.selected, 2)
        F.send(&state, F.key("k"), F.key("k"))
        XCTAssertEqual(state.jobs.selected?.id, 5)
        F.send(&state, F.key("G"))
        XCTAssertEqual(state.jobs.selected?.id, 1)
        F.send(&state, F.key("g"))
        XCTAssertEqual(state.jobs.selected?.id, 5)
        F.send(&state, F.key("pgdn"))
        XCTAssertEqual(state.jobs.selected?.id, 1, "a page (five rows here) reaches the last job")
        F.send(&state, F.key("pgup"))
        XCTAssertEqual(state.jobs.selected?.id, 5)
        F.send(&state, .jobs(.select(3)))
        XCTAssertEqual(state.jobs.selected?.id, 2)
    }

    func testSelectingAnotherJobReadsItsLogAtOnce() {
        var state = F.onJobs()
        XCTAssertTrue(state.jobs.pollPending)
        XCTAssertEqual(update(&state, F.key("j")).count, 1, "a poll for the new job's log, replacing the pending one")
        XCTAssertTrue(update(&state, .jobs(.select(1))).isEmpty, "the same job again reads nothing")
        XCTAssertEqual(update(&state, .jobs(.select(0))).count, 1)
    }

    func testTheLogFollowsItsTailUntilScrolledAndEndFollowsAgain() throws {
        var state = F.onJobs()
        XCTAssertNil(state.jobs.logOffset)
        let text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("epoch 12/100"), "the tail is shown:\n\(text)")
        XCTAssertFalse(text.contains("epoch 1/100:"))
        F.send(&state, F.key("tab"), F.key("k"))
        let offset = try XCTUnwrap(state.jobs.logOffset)
        F.send(&state, F.key("k"))
        XCTAssertEqual(state.jobs.logOffset, offset - 1)
        F.send(&state, F.key("g"))
        XCTAssertEqual(state.jobs.logOffset, 0)
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("epoch 1/100:"))
        F.send(&state, F.key("pgdn"), F.key("pgdn"), F.key("pgdn"))
        XCTAssertNil(state.jobs.logOffset, "scrolling to the end follows the tail again")
        F.send(&state, F.key("k"), F.key("G"))
        XCTAssertNil(state.jobs.logOffset)
    }

    // MARK: Cancel

    func testCancelAsksFirstAndOnlyForJobsStillRunning() {
        var state = F.onJobs()
        F.send(&state, F.key("c"))
        XCTAssertEqual(state.jobs.confirmingCancel, 4)
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("Cancel job 4?"))
        // While asking, keys answer the question instead of running commands.
        XCTAssertEqual(F.program.actions(for: .key(KeyChord(parsing: "j")!), region: nil, state: state).count, 1)
        XCTAssertTrue(update(&state, .jobs(.key(KeyChord(parsing: "n")!))).isEmpty)
        XCTAssertNil(state.jobs.confirmingCancel)
        F.send(&state, F.key("c"))
        XCTAssertEqual(update(&state, .jobs(.key(KeyChord(parsing: "y")!))).count, 1, "yes asks the store")
        XCTAssertNil(state.jobs.confirmingCancel)

        F.send(&state, F.key("j"), F.key("c"))
        XCTAssertNil(state.jobs.confirmingCancel)
        XCTAssertEqual(state.app.toasts.last?.text, "job 3 has failed; nothing to cancel")
    }

    func testCancelOutcomesAreToasted() {
        var state = F.onJobs()
        F.send(&state, .jobs(.cancelRequested(4)))
        XCTAssertEqual(state.app.toasts.last?.text, "cancelling job 4…")
        F.send(&state, .jobs(.cancelFailed("database is locked")))
        XCTAssertEqual(state.app.toasts.last?.text, "cancel failed: database is locked")
        XCTAssertEqual(state.app.toasts.last?.kind, .error)
    }

    // MARK: Retraining form

    func testTheFormOffersEncodersWithFeaturesAndTrainsDefaults() throws {
        var state = F.onJobs()
        F.send(&state, .loaded(F.projectWithFeatures), F.key("n"))
        let form = try XCTUnwrap(state.jobs.form)
        XCTAssertEqual(form.encoders, ["face", "synthetic"])
        XCTAssertEqual(form.encoders[form.encoder], "synthetic", "the current source when it has features")
        XCTAssertEqual(form.architecture, .mlp512)
        XCTAssertEqual(form.epochs, "100")
        XCTAssertEqual(form.outputName, "synthetic-mlp512")
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("saves as synthetic-mlp512"))
    }

    func testTheFormEditsEveryFieldAndBuildsTheRequest() throws {
        var state = F.onJobs()
        F.send(&state, .loaded(F.projectWithFeatures), F.key("n"))
        func press(_ keys: String...) {
            for k in keys { F.send(&state, .jobs(.key(KeyChord(parsing: k)!))) }
        }
        press("left", "down", "left", "left", "down", "backspace", "backspace", "backspace", "3", "down", "7", "down", "space")
        let form = try XCTUnwrap(state.jobs.form)
        guard case .success(let request) = form.request() else { return XCTFail("\(form)") }
        XCTAssertEqual(request.encoder, "face")
        XCTAssertEqual(request.config.architecture, .linear)
        XCTAssertEqual(request.config.epochs, 3)
        XCTAssertEqual(request.config.seed, 7)
        XCTAssertTrue(request.replace)
        XCTAssertEqual(request.config.patience, TrainingConfig().patience, "the rest as train's defaults")
        XCTAssertEqual(request.outputName, "face-linear")
    }

    func testEnterStartsAJobAndEscClosesAndBadValuesAreRefused() {
        var state = F.onJobs()
        F.send(&state, .loaded(F.projectWithFeatures), F.key("n"))
        F.send(&state, .jobs(.key(KeyChord(parsing: "down")!)), .jobs(.key(KeyChord(parsing: "down")!)))
        for _ in 0..<3 { F.send(&state, .jobs(.key(KeyChord(parsing: "backspace")!))) }
        XCTAssertTrue(update(&state, .jobs(.key(KeyChord(parsing: "enter")!))).count == 1, "only the toast's timer")
        XCTAssertEqual(state.app.toasts.last?.text, "epochs must be a whole number in [1, 10000], got nothing")
        XCTAssertNotNil(state.jobs.form)
        // Six digits fit the field; more epochs than the documented bound are refused too.
        for digit in "999999" { F.send(&state, .jobs(.key(KeyChord(parsing: String(digit))!))) }
        XCTAssertTrue(update(&state, .jobs(.key(KeyChord(parsing: "enter")!))).count == 1, "only the toast's timer")
        XCTAssertEqual(state.app.toasts.last?.text, "epochs must be a whole number in [1, 10000], got 999999")
        for _ in 0..<6 { F.send(&state, .jobs(.key(KeyChord(parsing: "backspace")!))) }
        F.send(&state, .jobs(.key(KeyChord(parsing: "2")!)))
        let effects = update(&state, .jobs(.key(KeyChord(parsing: "enter")!)))
        XCTAssertEqual(effects.count, 1, "the training effect")
        XCTAssertNil(state.jobs.form)
        XCTAssertEqual(state.jobs.startedCount, 1)

        F.send(&state, F.key("n"), .jobs(.key(KeyChord(parsing: "esc")!)))
        XCTAssertNil(state.jobs.form)
    }

    func testNoEncoderWithFeaturesMeansNoForm() {
        var state = F.onJobs()
        F.send(&state, F.key("n"))
        XCTAssertNil(state.jobs.form)
        XCTAssertEqual(state.app.toasts.last?.text, "no encoder in this project has features to retrain on")
    }

    // MARK: Own jobs

    func testOwnJobsCountForTheQuitQuestionAndAreSelected() {
        var state = F.onJobs(jobs: F.fixtureJobs(running: false))
        F.send(&state, .jobs(.started(9)))
        XCTAssertEqual(state.jobs.own, [9])
        XCTAssertEqual(state.app.runningJobs, 1)
        XCTAssertEqual(state.jobs.selectedID, 9)
        F.send(&state, F.key("q"))
        XCTAssertEqual(state.app.overlay, .confirmQuit)
        XCTAssertFalse(state.app.quitting)
        F.send(&state, F.key("n"))
        F.send(&state, polled([F.job(9, .succeeded, progress: 1, message: "done", startedAgo: 2, lasted: 1)] + F.fixtureJobs(running: false),
                              seconds: 1))
        XCTAssertEqual(state.app.toasts.last?.text, "job 9 (train) succeeded", "own jobs are toasted even if never seen running")
        XCTAssertEqual(state.jobs.selected?.id, 9)
        F.send(&state, .jobs(.ownJobEnded(9)))
        XCTAssertEqual(state.app.runningJobs, 0)
        F.send(&state, F.key("q"))
        XCTAssertTrue(state.app.quitting)
    }

    func testARefusedStartSaysWhy() {
        var state = F.onJobs()
        F.send(&state, .jobs(.startFailed("cannot replace 'face-linear': fusion 'best' uses it (choose another name with --as)")))
        XCTAssertEqual(state.app.toasts.last?.text,
                       "retraining refused: cannot replace 'face-linear': fusion 'best' uses it (choose another name with --as)")
        XCTAssertEqual(state.app.toasts.last?.kind, .error)
        XCTAssertTrue(state.jobs.own.isEmpty)
    }

    // MARK: View

    func testStatusBarShowsRunningJobsOnEveryScreen() {
        var state = F.onJobs()
        F.send(&state, polled(F.fixtureJobs() + [F.job(0, kind: "fuse", .running, progress: 0.1, message: "", startedAgo: 5000)]))
        for key in ["1", "2", "3", "6"] {
            F.send(&state, F.key(key))
            let status = F.program.frame(state, width: 80, height: 24).text().split(separator: "\n", omittingEmptySubsequences: false)[22]
            XCTAssertTrue(status.contains("⟳ train #4 40% +1 more"), "screen \(key): \(status)")
        }
    }

    func testClickingARowSelectsIt() {
        let state = F.onJobs()
        let canvas = F.program.frame(state, width: 80, height: 24)
        let (x, y) = (10, 4)
        let region = canvas.region(atX: x, y: y)
        XCTAssertEqual(region, "job:1")
        let actions = F.program.actions(for: .mouse(MouseEvent(x: x, y: y, action: .press(.left))), region: region, state: state)
        guard case .jobs(.select(1))? = actions.first else { return XCTFail("\(actions)") }
    }

    func testFiguresElapsedAndEta() {
        let running = F.fixtureJobs()[0]
        XCTAssertEqual(JobsScreen.elapsed(running, now: F.jobsNow), 120)
        XCTAssertEqual(JobsScreen.eta(running, now: F.jobsNow)!, 180, accuracy: 1e-9, "from the progress rate")
        XCTAssertNil(JobsScreen.eta(F.fixtureJobs()[1], now: F.jobsNow), "finished jobs have no ETA")
        XCTAssertEqual(JobsScreen.clock(3725), "1h02m")
        XCTAssertEqual(JobsScreen.clock(185), "3m05s")
        XCTAssertEqual(JobsScreen.figures(running.metrics), "loss 0.9120  Score .271  epoch 14")
    }

    func testGoldensWithAJobListAndTheForm() throws {
        for (width, height) in [(80, 24), (160, 48)] {
            var state = F.onJobs(width: width, height: height)
            try F.assertGolden(F.program.frame(state, width: width, height: height), "jobs-list-\(width)x\(height)")
            F.send(&state, .loaded(F.projectWithFeatures), F.key("n"))
            try F.assertGolden(F.program.frame(state, width: width, height: height), "jobs-form-\(width)x\(height)")
        }
    }

}
