import Foundation
import GRDB
import XCTest
@testable import BlendStore

/// A job's live figures (`metrics`) in the store: written with progress, kept when a later
/// update brings none, and absent on jobs of projects made before version 4.
final class JobMetricsTests: XCTestCase {
    func testFiguresAreStoredKeptAndReplaced() throws {
        let project = try TestProject(self)
        let job = try project.store.createJob(kind: "train")
        XCTAssertNil(job.metrics)
        try project.store.updateJob(job.id, progress: 0.2, message: "epoch 1", metrics: [.loss: 0.9, .epoch: 1, .score: .nan])
        XCTAssertEqual(try project.store.job(job.id).metrics, [.loss: 0.9, .epoch: 1], "non-finite figures are dropped")
        try project.store.updateJob(job.id, progress: 0.3, message: "saving")
        XCTAssertEqual(try project.store.job(job.id).metrics, [.loss: 0.9, .epoch: 1], "no figures keeps the last ones")
        try project.store.updateJob(job.id, progress: 0.4, message: "epoch 2", metrics: [.loss: 0.5, .epoch: 2, .score: 0.25])
        XCTAssertEqual(try project.store.jobs().first?.metrics, [.loss: 0.5, .epoch: 2, .score: 0.25])
    }

    /// The typed figures are stored as the JSON object they always were: each under its name,
    /// keys sorted, so projects written before and after read alike.
    func testTheStoredTextIsTheNamedObject() throws {
        let project = try TestProject(self)
        let job = try project.store.createJob(kind: "train")
        try project.store.updateJob(job.id, progress: 0.5, message: "fold 1", metrics: [
            .loss: 0.9, .epoch: 3, .stage: 1, .etaSeconds: 65.5, .score: 0.25, .validationLoss: 1.5,
        ])
        let text = try project.store.pool.read { try String.fetchOne($0, sql: "SELECT metrics FROM job WHERE id = ?", arguments: [job.id]) }
        XCTAssertEqual(text, #"{"epoch":3,"eta_seconds":65.5,"loss":0.9,"score":0.25,"stage":1,"validation_loss":1.5}"#)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        XCTAssertEqual(String(decoding: try encoder.encode(JobMetrics([.score: 0.5, .loss: 2])), as: UTF8.self), #"{"loss":2,"score":0.5}"#,
                       "printed (`jobs --json`, progress lines) in the same form")
        XCTAssertEqual(JobMetrics(figures: ["score": 0.5, "from_a_newer_version": 1]), [.score: 0.5])
    }

    func testPollingReadsOnlyTheLogAsked() throws {
        let project = try TestProject(self)
        for kind in ["train", "fuse", "train"] {
            let job = try project.store.createJob(kind: kind)
            try project.store.appendJobLog(job.id, "line of \(job.id)")
        }
        let all = try project.store.jobs()
        let light = try project.store.jobs(withLogOf: 2)
        XCTAssertEqual(light.map(\.id), [3, 2, 1])
        XCTAssertEqual(light.map(\.log), ["", "line of 2\n", ""])
        XCTAssertEqual(light.map(\.kind), all.map(\.kind))
        XCTAssertEqual(light[1], all[1], "the asked job is read whole")
        XCTAssertEqual(try project.store.jobs(withLogOf: nil).map(\.log), ["", "", ""])
    }

    func testVersionThreeProjectsOpenAndMigrate() throws {
        let store = try oldProjectWithJob(upTo: "v3-training", status: "running", progress: 0.5, message: "fold 2")
        let old = try store.job(1)
        XCTAssertEqual(old.message, "fold 2")
        XCTAssertNil(old.metrics)
        try store.updateJob(1, progress: 0.6, message: "fold 3", metrics: [.score: 0.3])
        XCTAssertEqual(try store.job(1).metrics, [.score: 0.3])
    }
}
