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
        try project.store.updateJob(job.id, progress: 0.2, message: "epoch 1", metrics: ["loss": 0.9, "epoch": 1, "bad": .nan])
        XCTAssertEqual(try project.store.job(job.id).metrics, ["loss": 0.9, "epoch": 1], "non-finite figures are dropped")
        try project.store.updateJob(job.id, progress: 0.3, message: "saving")
        XCTAssertEqual(try project.store.job(job.id).metrics, ["loss": 0.9, "epoch": 1], "no figures keeps the last ones")
        try project.store.updateJob(job.id, progress: 0.4, message: "epoch 2", metrics: ["loss": 0.5, "epoch": 2, "score": 0.25])
        XCTAssertEqual(try project.store.jobs().first?.metrics, ["loss": 0.5, "epoch": 2, "score": 0.25])
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
        let path = try oldProject(upTo: "v3-training", """
            INSERT INTO job (kind, status, progress, message, created, cancel_requested, log)
            VALUES ('train', 'running', 0.5, 'fold 2', '2026-01-01 00:00:00.000', 0, '')
            """)
        let store = try ProjectStore(path: path, create: false)
        XCTAssertEqual(try store.schemaVersions().last, "v5-unlabelled-clips")
        let old = try store.job(1)
        XCTAssertEqual(old.message, "fold 2")
        XCTAssertNil(old.metrics)
        try store.updateJob(1, progress: 0.6, message: "fold 3", metrics: ["score": 0.3])
        XCTAssertEqual(try store.job(1).metrics, ["score": 0.3])
    }
}
