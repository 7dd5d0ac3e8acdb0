import BlendApp
@testable import BlendDemo
import Foundation
import XCTest
@testable import BlendCore
@testable import BlendStore
@testable import BlendTUI

/// The Jobs screen's effects on a real project: a retraining started from the form runs as a
/// `train` job in this process, the polls see it succeed, the trained encoder is stored as
/// `blendscope train` stores it, and a second identical start is refused with the CLI's words.
final class JobsTrainingEffectTests: XCTestCase {
    /// Built once for the class (the tests add to it, each checking only its own job).
    nonisolated(unsafe) private static var project: String?
    nonisolated(unsafe) private static var directory: URL?

    override class func tearDown() {
        if let directory { try? FileManager.default.removeItem(at: directory) }
        super.tearDown()
    }

    /// `SmallDemoProject`, made once for the class.
    private func smallDemoProject() throws -> String {
        if let project = Self.project { return project }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-effect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        Self.directory = dir
        let project = try SmallDemoProject.make(in: dir)
        Self.project = project
        return project
    }

    func testARetrainingStartedFromTheFormSucceedsAndARepeatIsRefused() throws {
        let path = try smallDemoProject()
        let driver = EffectDriver()
        defer { driver.stop() }
        var state = WorkbenchProgram.initialState(path: path, width: 100, height: 30)
        driver.dispatch(&state, .load)
        XCTAssertTrue(driver.pump(&state, timeout: 30) { $0.project != nil && $0.jobs.polledAt != nil }, "the project loads")

        func startLinearOneEpoch() {
            driver.dispatch(&state, WorkbenchFixture.key("6"))
            driver.dispatch(&state, WorkbenchFixture.key("n"))
            for key in ["down", "left", "left", "down", "backspace", "backspace", "backspace", "1", "enter"] {
                driver.dispatch(&state, .jobs(.key(KeyChord(parsing: key)!)))
            }
        }
        startLinearOneEpoch()
        XCTAssertNil(state.jobs.form)
        XCTAssertTrue(driver.pump(&state, timeout: 60) { s in
            s.jobs.own.isEmpty && s.jobs.jobs.first?.status == .succeeded
        }, "the job succeeds: \(state.jobs.jobs.map { "\($0.id) \($0.status) \($0.message)" }) \(state.app.toasts.map(\.text))")
        XCTAssertEqual(state.app.runningJobs, 0)
        let id = try XCTUnwrap(state.jobs.jobs.first?.id)
        XCTAssertTrue(state.app.toasts.contains { $0.text == "job \(id) (train) succeeded" }, "\(state.app.toasts.map(\.text))")

        let store = try ProjectStore(path: path, create: false)
        let jobsBefore = try store.jobs().count
        let job = try store.job(id)
        XCTAssertEqual(job.kind, "train")
        XCTAssertEqual(job.pid, getpid())
        XCTAssertNotNil(job.metrics?.loss, "live figures are stored")
        XCTAssertTrue(job.log.contains("stored 'CLIP-linear'"), job.log)
        XCTAssertEqual(try store.encoders().first { $0.name == "CLIP-linear" }?.source, .trained)
        XCTAssertTrue(job.config?.contains(#""architecture":"linear""#) == true, job.config ?? "")

        startLinearOneEpoch()
        XCTAssertTrue(driver.pump(&state, timeout: 30) { s in s.app.toasts.contains { $0.text.hasPrefix("retraining refused") } })
        XCTAssertTrue(state.app.toasts.contains {
            $0.text == "retraining refused: a trained encoder named 'CLIP-linear' already exists (choose another with --as, or replace it with --replace)"
        }, "\(state.app.toasts.map(\.text))")
        XCTAssertEqual(try store.jobs().count, jobsBefore, "a refused start records no job")
    }

    func testQuittingCancelsThisProcesssJobsAndWaitsForTheStore() throws {
        let path = try smallDemoProject()
        let driver = EffectDriver()
        var state = WorkbenchProgram.initialState(path: path, width: 100, height: 30)
        driver.dispatch(&state, .load)
        XCTAssertTrue(driver.pump(&state, timeout: 30) { $0.project != nil })
        driver.dispatch(&state, WorkbenchFixture.key("6"))
        driver.dispatch(&state, WorkbenchFixture.key("n"))
        // The reference head for many epochs: far longer than the test waits.
        for key in ["down", "right", "down", "backspace", "backspace", "backspace", "9", "9", "9", "enter"] {
            driver.dispatch(&state, .jobs(.key(KeyChord(parsing: key)!)))
        }
        XCTAssertTrue(driver.pump(&state, timeout: 30) { s in s.jobs.jobs.contains { s.jobs.own.contains($0.id) && $0.status == .running } })
        let id = try XCTUnwrap(state.jobs.own.first)
        XCTAssertEqual(state.app.runningJobs, 1)
        driver.dispatch(&state, WorkbenchFixture.key("q"))
        XCTAssertEqual(state.app.overlay, .confirmQuit, "quitting asks while this process's job runs")
        driver.dispatch(&state, WorkbenchFixture.key("y"))
        XCTAssertTrue(state.app.quitting)
        // What the terminal runtime and `TUIApp` do on the way out.
        driver.stop()
        let job = try ProjectStore(path: path, create: false).job(id)
        XCTAssertEqual(job.status, .cancelled, job.message)
        XCTAssertTrue(job.message.hasPrefix("cancelled at"), job.message)
    }
}

/// Runs a workbench's effects for real and feeds their actions back on the test's thread,
/// as the terminal runtime does.
final class EffectDriver: @unchecked Sendable {
    private let lock = NSLock()
    private var inbox: [WorkbenchAction] = []
    private var runner: EffectRunner<WorkbenchAction>!
    let program = WorkbenchProgram()

    init() {
        runner = EffectRunner { [weak self] action in self?.post(action) }
    }

    private func post(_ action: WorkbenchAction) {
        lock.lock()
        inbox.append(action)
        lock.unlock()
    }

    func dispatch(_ state: inout WorkbenchState, _ action: WorkbenchAction) {
        for effect in program.update(&state, action) { runner.start(effect) }
    }

    /// Delivers actions until `done` holds or `timeout` seconds pass; returns whether it held.
    func pump(_ state: inout WorkbenchState, timeout: TimeInterval, until done: (WorkbenchState) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if done(state) { return true }
            lock.lock()
            let actions = inbox
            inbox = []
            lock.unlock()
            if actions.isEmpty { Thread.sleep(forTimeInterval: 0.02) }
            for action in actions { dispatch(&state, action) }
        }
        return done(state)
    }

    func stop() {
        runner.stop()
        program.jobsBackground.cancelAllAndWait()
    }
}
