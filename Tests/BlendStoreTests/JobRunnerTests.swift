import BlendCore
import Foundation
import GRDB
import XCTest
@testable import BlendStore

/// Jobs run through the runner: recorded, followed, cancelled from outside, found dead.
final class JobRunnerTests: XCTestCase {
    private func runner(_ project: TestProject) -> JobRunner {
        JobRunner(store: project.store, storeInterval: .milliseconds(20), displayInterval: .milliseconds(10))
    }

    func testASucceedingJobIsRecordedWithItsProgressAndLog() throws {
        let project = try TestProject(self)
        let runner = runner(project)
        let job = try runner.prepare(kind: "count", config: #"{"to":3}"#)
        XCTAssertEqual(try project.store.job(job.jobID).status, .queued)
        var shown: [JobProgress] = []
        let result = try runner.run(job, onProgress: { shown.append($0) }) { context in
            for i in 1...3 {
                context.report(Double(i) / 3, "step \(i)", metrics: [.score: Double(i)])
                context.log("did \(i)")
                Thread.sleep(forTimeInterval: 0.03)
            }
            return 42
        }
        XCTAssertEqual(result, 42)
        let record = try project.store.job(job.jobID)
        XCTAssertEqual(record.status, .succeeded)
        XCTAssertEqual(record.progress, 1)
        XCTAssertEqual(record.message, "step 3")
        XCTAssertEqual(record.pid, getpid())
        XCTAssertEqual(record.log, "did 1\ndid 2\ndid 3\n")
        XCTAssertEqual(record.config, #"{"to":3}"#)
        XCTAssertNotNil(record.finished)
        XCTAssertEqual(shown.last, JobProgress(fraction: 1, message: "step 3", metrics: [.score: 3]))
        XCTAssertEqual(record.metrics, [.score: 3], "the live figures are stored for other processes")
    }

    func testAStoreCancelRequestFromAnotherConnectionStopsTheWork() throws {
        let project = try TestProject(self)
        let runner = runner(project)
        let job = try runner.prepare(kind: "spin")
        let other = try ProjectStore(at: project.store.url, create: false)
        let requested = Flag()
        XCTAssertThrowsError(try runner.run(job) { context in
            var i = 0
            while true {
                i += 1
                context.report(min(Double(i) / 1000, 0.5), "spinning")
                if i == 5 && !requested.isSet {
                    try other.requestCancel(job: context.jobID)
                    requested.set()
                }
                try context.checkCancellation()
                Thread.sleep(forTimeInterval: 0.005)
            }
        }) { XCTAssertTrue($0 is CancellationError, "\($0)") }
        let record = try project.store.job(job.jobID)
        XCTAssertEqual(record.status, .cancelled)
        XCTAssertTrue(record.cancelRequested)
        XCTAssertTrue(record.message.hasPrefix("cancelled at"), record.message)
    }

    func testCancellingTheContextStopsTheWork() throws {
        let project = try TestProject(self)
        let runner = runner(project)
        let job = try runner.prepare(kind: "spin")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { job.cancel() }
        XCTAssertThrowsError(try runner.run(job) { context in
            while true {
                try context.checkCancellation()
                Thread.sleep(forTimeInterval: 0.002)
            }
        }) { XCTAssertTrue($0 is CancellationError) }
        XCTAssertEqual(try project.store.job(job.jobID).status, .cancelled)
    }

    func testAFailingJobIsMarkedFailedWithTheError() throws {
        let project = try TestProject(self)
        let runner = runner(project)
        let job = try runner.prepare(kind: "fail")
        XCTAssertThrowsError(try runner.run(job) { _ in throw StoreError.invalid("no good") })
        let record = try project.store.job(job.jobID)
        XCTAssertEqual(record.status, .failed)
        XCTAssertEqual(record.message, "no good")
        XCTAssertEqual(record.log, "no good\n")
    }

    func testTheAwaitedFormCancelsWithItsTask() async throws {
        let project = try TestProject(self)
        let runner = runner(project)
        let job = try runner.prepare(kind: "spin")
        let task = Task {
            try await runner.run(job) { context in
                while true {
                    try context.checkCancellation()
                    Thread.sleep(forTimeInterval: 0.002)
                }
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("the job should have been cancelled")
        } catch {
            XCTAssertTrue(error is CancellationError)
        }
        XCTAssertEqual(try project.store.job(job.jobID).status, .cancelled)
        let done = try await runner.run(try runner.prepare(kind: "quick")) { _ in "ok" }
        XCTAssertEqual(done, "ok")
    }

    func testAJobWhoseProcessDiedIsMarkedInterrupted() throws {
        let project = try TestProject(self)
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let gone = try project.store.createJob(kind: "lost")
        try project.store.startJob(gone.id, pid: dead.processIdentifier)
        let alive = try project.store.createJob(kind: "here")
        try project.store.startJob(alive.id, pid: getpid())
        let finished = try project.store.createJob(kind: "over")
        try project.store.startJob(finished.id, pid: dead.processIdentifier)
        try project.store.finishJob(finished.id, status: .succeeded, message: "done")

        XCTAssertEqual(try project.store.markInterruptedJobs(), [gone.id])
        let record = try project.store.job(gone.id)
        XCTAssertEqual(record.status, .interrupted)
        XCTAssertTrue(record.status.isFinished)
        XCTAssertNotNil(record.finished)
        XCTAssertTrue(record.message.contains("process \(dead.processIdentifier)"), record.message)
        XCTAssertEqual(try project.store.job(alive.id).status, .running)
        XCTAssertEqual(try project.store.job(finished.id).status, .succeeded)
        XCTAssertEqual(try project.store.markInterruptedJobs(), [])
    }

    func testVersionOneJobsSurviveTheUpgrade() throws {
        let store = try oldProjectWithJob(upTo: "v1-project", status: "succeeded", progress: 1, message: "done", log: "a\n")
        let jobs = try store.jobs()
        XCTAssertEqual(jobs.map(\.kind), ["train"])
        XCTAssertEqual(jobs[0].status, .succeeded)
        XCTAssertEqual(jobs[0].log, "a\n")
        let next = try store.createJob(kind: "fuse")
        XCTAssertEqual(next.id, 2)
    }
}

/// A one-way flag readable from any thread.
final class Flag: @unchecked Sendable {
    private var value = false
    private let lock = NSLock()

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
