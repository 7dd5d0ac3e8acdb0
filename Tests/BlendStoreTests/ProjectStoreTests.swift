import BlendCore
import GRDB
import XCTest
@testable import BlendStore

final class ProjectStoreTests: XCTestCase {
    private let tables = ["clip", "encoder", "feature_row", "feature_set", "fusion", "job", "note", "probability",
                          "settings", "source_thresholds", "tag", "training_curve", "training_model", "training_run"]

    func testFreshFileGetsTheWholeSchemaInWALMode() throws {
        let project = try TestProject(self)
        XCTAssertEqual(try project.store.schemaVersions(), ["v1-project", "v2-job-interrupted", "v3-training", "v4-job-metrics", "v5-unlabelled-clips", "v6-source-thresholds", "v7-views"])
        let names = try project.store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' AND name NOT LIKE 'sqlite%' ORDER BY name")
        }
        XCTAssertEqual(names, tables)
        XCTAssertEqual(try project.store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }, "wal")
        XCTAssertEqual(try project.store.settings(),
                       ProjectSettings(currentSource: nil, thresholds: nil))
        XCTAssertEqual(try project.store.clips(), [])
        XCTAssertEqual(try project.store.encoders(), [])
        let empty = try project.store.allProbabilities()
        XCTAssertEqual(empty.clips, [])
        XCTAssertEqual(empty.encoders, [])
    }

    func testReopeningKeepsEverything() throws {
        let project = try TestProject.small(self)
        try project.store.updateSettings(source: .encoder("face"), thresholds: Thresholds(alpha: 0.15, beta: 0.2))
        let before = try project.store.contentSnapshot()
        let reopened = try ProjectStore(at: project.store.url, create: false)
        XCTAssertEqual(try reopened.contentSnapshot(), before)
        XCTAssertEqual(try reopened.schemaVersions(), ["v1-project", "v2-job-interrupted", "v3-training", "v4-job-metrics", "v5-unlabelled-clips", "v6-source-thresholds", "v7-views"])
        XCTAssertEqual(try reopened.scoredClips(encoder: "face").probabilities,
                       try project.store.scoredClips(encoder: "face").probabilities)
        XCTAssertEqual(try reopened.settings().currentSource, .encoder("face"))
    }

    func testFormatVersionCountsTheMigrations() throws {
        let project = try TestProject(self)
        XCTAssertEqual(ProjectStore.formatVersion, try project.store.schemaVersions().count)
        XCTAssertEqual(ProjectStore.formatVersion, Schema.migrator.migrations.count)
    }

    func testMissingProjectIsNotCreatedOnRequest() throws {
        let project = try TestProject(self)
        let url = project.directory.appendingPathComponent("absent.sqlite")
        XCTAssertThrowsError(try ProjectStore(at: url, create: false)) {
            XCTAssertEqual($0 as? StoreError, .noProject(url.relativePath))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }

    func testFilesOfOtherProgramsAreRefusedAndLeftUntouched() throws {
        let project = try TestProject(self)
        let junk = project.directory.appendingPathComponent("notes.sqlite")
        try Data("these are my notes\n".utf8).write(to: junk)
        let foreign = project.directory.appendingPathComponent("other.sqlite")
        try DatabaseQueue(path: foreign.path).write { try $0.execute(sql: "CREATE TABLE mine (x); INSERT INTO mine VALUES (1)") }
        let before = try Data(contentsOf: junk)
        for (url, reason) in [(junk, "not an SQLite database"), (foreign, "an SQLite database of another program")] {
            for create in [true, false] {
                XCTAssertThrowsError(try ProjectStore(at: url, create: create)) {
                    XCTAssertEqual($0 as? StoreError, .notAProject(url.relativePath, reason: reason))
                    XCTAssertEqual("\($0)", "\(url.relativePath): not a blendscope project (\(reason))")
                }
            }
        }
        XCTAssertEqual(try Data(contentsOf: junk), before, "the text file is exactly as it was")
        XCTAssertFalse(FileManager.default.fileExists(atPath: junk.path + "-wal"))
        let tables = try DatabaseQueue(path: foreign.path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        XCTAssertEqual(tables, ["mine"], "no blendscope table was added to the other program's database")
        XCTAssertEqual(try DatabaseQueue(path: foreign.path).read { try Int.fetchOne($0, sql: "SELECT x FROM mine") }, 1)
    }

    func testNewerSchemaIsRefused() throws {
        let project = try TestProject(self)
        try project.store.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        }
        XCTAssertThrowsError(try ProjectStore(at: project.store.url)) {
            XCTAssertEqual($0 as? StoreError, .newerSchema(project.store.url.relativePath))
        }
    }

    func testSchemaRejectsImpossibleRows() throws {
        let project = try TestProject(self)
        XCTAssertThrowsError(try project.store.pool.write { db in
            try db.execute(sql: "INSERT INTO clip (filename, actor, split, fold, label, kind) VALUES ('a', 'A1', 'train', 5, 'ang:100', 'single')")
        })
        XCTAssertThrowsError(try project.store.pool.write { db in
            try db.execute(sql: "INSERT INTO probability (encoder_id, clip_id, ang, disg, fea, hap, sad, neu) VALUES (1, 1, 0, 0, 0, 0, 0, 1)")
        }, "foreign keys are enforced")
    }

    func testModalityParsesTheReferenceCodes() {
        XCTAssertEqual(["A", "v", "AV", "face", "text", ""].map { Modality(parsing: $0) },
                       [.audio, .visual, .audiovisual, .visual, .text, .unknown])
        XCTAssertNil(Modality(parsing: "smell"))
    }

    func testFloat32BlobIsLittleEndian() {
        let blob = Float32Blob([1, -2.5])
        XCTAssertEqual(Data.fromDatabaseValue(blob.databaseValue), Data([0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0]))
        XCTAssertEqual(Float32Blob.fromDatabaseValue(blob.databaseValue), blob)
        XCTAssertNil(Float32Blob.fromDatabaseValue(Data([1, 2, 3]).databaseValue))
    }

    func testSettingsKeepThresholdsPerSource() throws {
        let project = try TestProject.small(self)
        let store = project.store
        try store.importProbabilities(from: project.directory.appendingPathComponent("small_face.csv"), encoder: "audio")
        let (t1, t2) = (Thresholds(alpha: 0.3, beta: 0.05), Thresholds(alpha: 0.3, beta: 0.4))
        XCTAssertEqual(try store.settings(), ProjectSettings(currentSource: .encoder("face"), thresholds: nil),
                       "the first encoder imported is current and keeps no thresholds yet")
        XCTAssertEqual(try store.updateSettings(source: .encoder("face"), thresholds: t1),
                       ProjectSettings(currentSource: .encoder("face"), thresholds: t1))
        XCTAssertEqual(try store.updateSettings(thresholds: t2).thresholds, t2, "stored for the current source")
        XCTAssertNil(try store.storedThresholds(for: .encoder("audio")), "thresholds belong to one source")
        XCTAssertEqual(try store.updateSettings(source: .encoder("audio")), ProjectSettings(currentSource: .encoder("audio"), thresholds: nil))
        XCTAssertEqual(try store.storedThresholds(for: .encoder("face")), t2)
        XCTAssertThrowsError(try store.updateSettings(source: .encoder("nope"))) {
            XCTAssertEqual($0 as? StoreError, .unknownEncoder("nope"))
        }
        XCTAssertThrowsError(try store.updateSettings(source: .fusion("nope"))) {
            XCTAssertEqual($0 as? StoreError, .unknownFusion("nope"))
        }
        XCTAssertThrowsError(try store.updateSettings(thresholds: Thresholds(alpha: 1.5, beta: 0.2))) {
            XCTAssertEqual($0 as? StoreError, .thresholdOutOfRange(name: "α", value: 1.5))
        }
        XCTAssertThrowsError(try store.updateSettings(thresholds: Thresholds(alpha: 0.2, beta: .nan)))
        XCTAssertEqual(try store.settings(), ProjectSettings(currentSource: .encoder("audio"), thresholds: nil))
    }

    func testAFusionKeepsItsOwnThresholdsUntilOthersAreStored() throws {
        let project = try TestProject.small(self)
        let store = project.store
        try store.importProbabilities(from: project.directory.appendingPathComponent("small_face.csv"), encoder: "audio")
        let spec = FusionSpec(name: "av", weights: [FusionWeight(encoder: "face", weight: 0.5), FusionWeight(encoder: "audio", weight: 0.5)],
                              thresholds: Thresholds(alpha: 0.2, beta: 0.3), method: "manual")
        try store.saveFusion(spec)
        XCTAssertEqual(try store.storedThresholds(for: .fusion("av")), spec.thresholds)
        try store.updateSettings(source: .fusion("av"), thresholds: Thresholds(alpha: 0.1, beta: 0.1))
        XCTAssertEqual(try store.settings().thresholds, Thresholds(alpha: 0.1, beta: 0.1))
        try store.saveFusion(spec, replace: true)
        XCTAssertEqual(try store.settings().thresholds, spec.thresholds, "a replaced fusion starts at its own again")
        XCTAssertThrowsError(try store.storedThresholds(for: .fusion("gone")))
    }

    func testTheOldProjectWideThresholdsMoveToTheCurrentSource() throws {
        let path = try oldProject(upTo: "v5-unlabelled-clips", """
            INSERT INTO encoder (name, modality, source, created) VALUES ('face', 'video', 'imported', '2026-01-01 00:00:00');
            INSERT INTO encoder (name, modality, source, created) VALUES ('audio', 'audio', 'imported', '2026-01-01 00:00:00');
            UPDATE settings SET source_kind = 'encoder', source_name = 'face', alpha = 0.15, beta = 0.35 WHERE id = 1;
            """)
        let store = try ProjectStore(path: path, create: false)
        XCTAssertEqual(try store.settings(), ProjectSettings(currentSource: .encoder("face"), thresholds: Thresholds(alpha: 0.15, beta: 0.35)))
        XCTAssertNil(try store.storedThresholds(for: .encoder("audio")))
    }

    func testNotesAndTags() throws {
        let project = try TestProject.small(self)
        let store = project.store
        let first = try store.addNote(clip: "A117_ang_int1_ver1.mov", text: "looks like disgust")
        try store.addNote(clip: "A470_ang_int1_ver1", text: "occluded\nat 2 s")
        XCTAssertEqual(first.clip, "A117_ang_int1_ver1")
        XCTAssertEqual(try store.notes(clip: "A117_ang_int1_ver1"), [first])
        XCTAssertEqual(try store.notes().map(\.text), ["looks like disgust", "occluded\nat 2 s"])
        XCTAssertThrowsError(try store.addNote(clip: "A999_ang_int1_ver1", text: "x")) {
            XCTAssertEqual($0 as? StoreError, .unknownClip("A999_ang_int1_ver1"))
        }
        XCTAssertThrowsError(try store.addNote(clip: "A117_ang_int1_ver1", text: "  "))
        XCTAssertTrue(try store.deleteNote(id: first.id))
        XCTAssertFalse(try store.deleteNote(id: first.id))
        XCTAssertEqual(try store.notes().count, 1)

        try store.addTag(clip: "A470_ang_int1_ver1", tag: "occluded")
        try store.addTag(clip: "A117_ang_int1_ver1", tag: "mislabelled?")
        try store.addTag(clip: "A117_ang_int1_ver1", tag: "mislabelled?")
        try store.addTag(clip: "A117_ang_int1_ver1", tag: "blurry")
        XCTAssertEqual(try store.tags().map { "\($0.clip) \($0.tag)" },
                       ["A117_ang_int1_ver1 blurry", "A117_ang_int1_ver1 mislabelled?", "A470_ang_int1_ver1 occluded"])
        XCTAssertTrue(try store.removeTag(clip: "A117_ang_int1_ver1", tag: "blurry"))
        XCTAssertFalse(try store.removeTag(clip: "A117_ang_int1_ver1", tag: "blurry"))
        XCTAssertEqual(try store.tags(clip: "A117_ang_int1_ver1").map(\.tag), ["mislabelled?"])
    }

    func testFusions() throws {
        let project = try TestProject.small(self)
        let store = project.store
        let probs = try project.file("p.csv", "filename,ang,disg,fea,hap,sad,neu\nA117_ang_int1_ver1,1,0,0,0,0,0\n")
        try store.importProbabilities(from: probs, encoder: "audio")
        // Weights that are not short decimals must come back bit for bit.
        let spec = FusionSpec(name: "av", weights: [FusionWeight(encoder: "face", weight: 1.0 / 3),
                                                    FusionWeight(encoder: "audio", weight: 2.0 / 3)],
                              thresholds: Thresholds(alpha: 0.12, beta: 0.43), method: "manual",
                              honestScore: 0.25, inSampleScore: 0.3, provenance: "folds 0-4")
        let saved = try store.saveFusion(spec)
        XCTAssertEqual(saved.spec, spec)
        XCTAssertEqual(try store.fusion(named: "av"), saved)
        XCTAssertEqual(try store.fusions(), [saved])
        XCTAssertThrowsError(try store.saveFusion(spec)) {
            XCTAssertEqual($0 as? StoreError, .fusionExists("av"))
        }
        var changed = spec
        changed.method = "coordinate-ascent"
        XCTAssertEqual(try store.saveFusion(changed, replace: true).spec.method, "coordinate-ascent")
        XCTAssertEqual(try store.fusions().count, 1)
        XCTAssertEqual(try store.updateSettings(source: .fusion("av")).currentSource, .fusion("av"))

        var bad = spec
        bad.name = "bad"
        bad.weights = [FusionWeight(encoder: "face", weight: 0.5), FusionWeight(encoder: "audio", weight: 0.4)]
        XCTAssertThrowsError(try store.saveFusion(bad)) {
            XCTAssertEqual($0 as? StoreError, .invalid("fusion 'bad' weights sum to 0.9, not 1"))
        }
        bad.weights = [FusionWeight(encoder: "face", weight: 0.5), FusionWeight(encoder: "video", weight: 0.5)]
        XCTAssertThrowsError(try store.saveFusion(bad)) { XCTAssertEqual($0 as? StoreError, .unknownEncoder("video")) }
        bad.weights = [FusionWeight(encoder: "face", weight: 1.5), FusionWeight(encoder: "audio", weight: -0.5)]
        XCTAssertThrowsError(try store.saveFusion(bad)) {
            XCTAssertEqual($0 as? StoreError, .invalid("fusion 'bad' has a negative or non-finite weight"))
        }
        XCTAssertThrowsError(try store.fusion(named: "bad")) { XCTAssertEqual($0 as? StoreError, .unknownFusion("bad")) }
    }

    func testJobs() throws {
        let project = try TestProject(self)
        let store = project.store
        let job = try store.createJob(kind: "train", config: #"{"epochs": 3}"#)
        XCTAssertEqual(job.status, .queued)
        try store.startJob(job.id, pid: 4242)
        XCTAssertThrowsError(try store.startJob(job.id))
        try store.updateJob(job.id, progress: 1.7, message: "epoch 1/3")
        try store.appendJobLog(job.id, "loss 1.2")
        try store.appendJobLog(job.id, "loss 0.9")
        XCTAssertFalse(try store.isCancelRequested(job: job.id))
        try store.requestCancel(job: job.id)
        XCTAssertTrue(try store.isCancelRequested(job: job.id))
        try store.finishJob(job.id, status: .cancelled, message: "cancelled at epoch 2")
        let done = try store.job(job.id)
        XCTAssertEqual(done.status, .cancelled)
        XCTAssertEqual(done.pid, 4242)
        XCTAssertEqual(done.progress, 1)
        XCTAssertEqual(done.log, "loss 1.2\nloss 0.9\n")
        XCTAssertNotNil(done.started)
        XCTAssertNotNil(done.finished)
        XCTAssertThrowsError(try store.finishJob(job.id, status: .running, message: ""))
        let second = try store.createJob(kind: "fuse")
        XCTAssertEqual(try store.jobs().map(\.id), [second.id, job.id])
        XCTAssertThrowsError(try store.job(999)) { XCTAssertEqual($0 as? StoreError, .unknownJob(999)) }
        XCTAssertThrowsError(try store.appendJobLog(999, "x")) { XCTAssertEqual($0 as? StoreError, .unknownJob(999)) }
    }
}
