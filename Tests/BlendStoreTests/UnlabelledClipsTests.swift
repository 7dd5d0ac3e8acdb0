import BlendCore
import BlendTestSupport
import Foundation
import GRDB
import XCTest
@testable import BlendStore

/// Unlabelled test clips (`test_0001.mov`, `ClipName` rule 6): how they import, how they are
/// stored and checked, and that no analysis counts them.
final class UnlabelledClipsTests: XCTestCase {
    private let header = MetadataCSV.header
    private let probsHeader = "filename,ang,disg,fea,hap,sad,neu\n"

    func testTheNameRuleTellsTheTwoFormsApart() throws {
        XCTAssertEqual(try AnyClipName("clips/test_0001.mov"), .unlabelled(stem: "test_0001", file: "test_0001.mov"))
        XCTAssertEqual(try AnyClipName(" test_12.MP4 "), .unlabelled(stem: "test_12", file: "test_12.MP4"))
        XCTAssertEqual(try AnyClipName("test_0002"), .unlabelled(stem: "test_0002", file: "test_0002.mov"))
        XCTAssertEqual(try AnyClipName("A102_ang_int1_ver1").stem, "A102_ang_int1_ver1")
        for bad in ["test_", "test_12a", "Test_0001", "test_0001.wav", "test-0001"] {
            XCTAssertThrowsError(try AnyClipName(bad), bad)
        }
        XCTAssertThrowsError(try ClipName("test_0001.mov")) { error in
            XCTAssertTrue("\(error)".contains("an unlabelled test clip's name"), "\(error)")
        }
        XCTAssertThrowsError(try AnyClipName("A102_xyz_int1_ver1")) { error in
            XCTAssertTrue("\(error)".contains("unknown emotion 'xyz'"), "\(error)")
        }
    }

    func testMetadataOfNamesOnlyOrWithEmptyLabelColumnsGivesUnlabelledTestClips() throws {
        let project = try TestProject(self)
        let names = try project.file("names.csv", "filename\ntest_0001.mov\ntest_0002.mp4\n")
        let full = try project.file("full.csv", header + "A900_ang_int1_ver1,A900,0,ang,,,,1,1\ntest_0003.mov,,,,,,,,\ntest_0004.mov,,,,,,,,-1\n")
        let summaries = try project.store.importMetadata(from: [names, full])
        XCTAssertEqual(summaries.map(\.unlabelled), [2, 2])
        XCTAssertEqual(summaries.map(\.test), [2, 2])
        XCTAssertEqual(try project.store.clips().map(\.name), ["A900_ang_int1_ver1"])
        XCTAssertEqual(try project.store.unlabelledClips(), [
            UnlabelledClip(name: "test_0001", file: "test_0001.mov"), UnlabelledClip(name: "test_0002", file: "test_0002.mp4"),
            UnlabelledClip(name: "test_0003", file: "test_0003.mov"), UnlabelledClip(name: "test_0004", file: "test_0004.mov"),
        ])
        XCTAssertEqual(try project.store.unlabelledCount(), 4)
        // Re-importing is harmless; a different extension for the same clip is a change.
        XCTAssertEqual(try project.store.importMetadata(from: names).unchanged, 2)
        let other = try project.file("other.csv", "filename\ntest_0001.mp4\n")
        try assertRefused(project.store, file: other, line: 2,
                          "'test_0001' is already in the project as an unlabelled test clip 'test_0001.mov'; this row says an unlabelled test clip 'test_0001.mp4'") {
            try project.store.importMetadata(from: other)
        }
    }

    func testAnUnlabelledClipIsNeverATrainingClipNorCarriesALabel() throws {
        let project = try TestProject(self)
        let cases: [(String, String)] = [
            ("test_0001.mov,,,,,,,,2",
             "fold 2 given for 'test_0001', an unlabelled test clip (it cannot be in a training fold; leave fold empty or -1)"),
            ("test_0001.mov,,0,ang,,,,,",
             "'test_0001' is an unlabelled test clip's name, but column 'mix' says '0' (an unlabelled clip has no label, actor or version; leave it empty)"),
            ("test_0001.mov,A101,,,,,,,",
             "'test_0001' is an unlabelled test clip's name, but column 'video_id' says 'A101' (an unlabelled clip has no label, actor or version; leave it empty)"),
            ("test_00x1.mov,,,,,,,,",
             "'test_00x1': an unlabelled test clip's name is 'test_' and digits (expected e.g. test_0001)"),
            ("A102_xyz_int1_ver1,A102,0,ang,,,,1,",
             "'A102_xyz_int1_ver1': unknown emotion 'xyz' (expected one of ang, disg, fea, hap, sad, neu)"),
        ]
        try assertMetadataRowsRefused(project, cases.map { ([$0.0], $0.1) })
        let url = try project.file("n.csv", "filename,fold\ntest_0001.mov,\n")
        try assertRefused(project.store, file: url, line: 2, "'test_0001' is an unlabelled test clip's name: it cannot be a training clip") {
            try project.store.importMetadata(from: url, split: .train)
        }
    }

    func testProbabilitiesAddUnlabelledClipsOnlyWhenAsked() throws {
        let project = try TestProject(self)
        try project.store.importMetadata(from: try project.file("m.csv", header + "A900_ang_int1_ver1,A900,0,ang,,,,1,1\n"))
        let probs = try project.file("p.csv", probsHeader + "A900_ang_int1_ver1,1,0,0,0,0,0\ntest_0001.mov,0,0,0,0.6,0.4,0\n")
        try assertRefused(project.store, file: probs, line: 3,
                          "'test_0001' is not in the project (import its metadata first, or import with --unlabelled to add it as an unlabelled test clip)") {
            try project.store.importProbabilities(from: probs, encoder: "face")
        }
        let labelled = try project.file("q.csv", probsHeader + "A901_ang_int1_ver1,1,0,0,0,0,0\ntest_0001.mov,0,0,0,0.6,0.4,0\n")
        try assertRefused(project.store, file: labelled, line: 2, "'A901_ang_int1_ver1' is not in the project's metadata (import its metadata first)") {
            try project.store.importProbabilities(from: labelled, encoder: "face", unlabelled: true)
        }
        let s = try project.store.importProbabilities(from: probs, encoder: "face", unlabelled: true)
        XCTAssertEqual([s.created, s.train, s.test, s.missing], [1, 1, 1, 0])
        XCTAssertEqual(try project.store.scoredClips(source: .encoder("face")).count, 1, "analyses see labelled clips only")
        let u = try project.store.unlabelledScores(source: .encoder("face"))
        XCTAssertEqual(u.clips, [UnlabelledClip(name: "test_0001", file: "test_0001.mov")])
        XCTAssertEqual(u.prediction(of: 0, Thresholds(alpha: 0.1, beta: 0.3)), .blend(.hap, 50, .sad))
        // Features match unlabelled clips by stem like any other.
        XCTAssertEqual(try project.store.importFeaturesCSV(from: try project.file("f.csv", "filename,x\ntest_0001.mov,1\n"),
                                                           encoder: "face").rows, 1)
        // The submission writes both, the unlabelled one under its file name.
        let t = Thresholds(alpha: 0.1, beta: 0.3)
        let sub = Submission(clips: try project.store.scoredClips(source: .encoder("face")), unlabelled: u, thresholds: t)
        XCTAssertEqual(sub.keys, ["A900_ang_int1_ver1.mov", "test_0001.mov"])
    }

    func testVideosAddUnlabelledClipsOnlyWhenAsked() throws {
        let project = try TestProject(self)
        try project.store.importMetadata(from: try project.file("m.csv", header + "A900_ang_int1_ver1,A900,0,ang,,,,1,1\n"))
        let links = [VideoLink(clip: "test_0001", path: "/v/test_0001.mov", duration: 2, fps: 25, frames: 50),
                     VideoLink(clip: "A900_ang_int1_ver1", path: "/v/A900_ang_int1_ver1.mov", duration: 3, fps: 25, frames: 75)]
        let plain = try project.store.linkVideos(links, folder: "/v")
        XCTAssertEqual([plain.linked, plain.created], [1, 0])
        XCTAssertEqual(plain.videosWithoutClip, ["test_0001"])
        let asked = try project.store.linkVideos(links, folder: "/v", unlabelled: true)
        XCTAssertEqual([asked.linked, asked.created], [2, 1])
        XCTAssertEqual(try project.store.unlabelledClips(), [UnlabelledClip(name: "test_0001", file: "test_0001.mov")])
        XCTAssertEqual(try project.store.videos()["test_0001"]?.duration, 2)
    }

    func testAFusionDecodesUnlabelledClipsWithItsWeights() throws {
        let project = try TestProject(self)
        try project.store.importMetadata(from: try project.file("m.csv", header + "A900_ang_int1_ver1,A900,0,ang,,,,1,1\ntest_0001.mov,,,,,,,,\n"))
        try project.store.importProbabilities(from: try project.file("a.csv", probsHeader + "A900_ang_int1_ver1,1,0,0,0,0,0\ntest_0001,1,0,0,0,0,0\n"), encoder: "a")
        try project.store.importProbabilities(from: try project.file("b.csv", probsHeader + "A900_ang_int1_ver1,0,0,0,1,0,0\ntest_0001,0,0,0,1,0,0\n"), encoder: "b")
        let unlabelled = try project.store.allProbabilityTables().unlabelled
        XCTAssertEqual(unlabelled.scores(encoder: 1).probabilities, [0, 0, 0, 1, 0, 0])
        XCTAssertEqual(try project.store.allProbabilities().clips.map(\.name), ["A900_ang_int1_ver1"])
    }

    // MARK: - The store

    /// A project made by the schema before unlabelled clips (v4), with every table that
    /// references clips filled: the v5 rebuild keeps every row, row for row.
    func testVersion4ProjectsMigrateWithEveryRowThatReferencesAClip() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("v4-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("v4.sqlite").path
        let tables = ["probability": "encoder_id, clip_id", "feature_set": "id", "feature_row": "id", "note": "id",
                      "tag": "clip_id, tag", "encoder": "id"]
        var before: [String: [Row]] = [:], clipsBefore: [Row] = []
        do {
            var config = Configuration()
            config.foreignKeysEnabled = true
            let queue = try DatabaseQueue(path: path, configuration: config)
            try Schema.migrator.migrate(queue, upTo: "v4-job-metrics")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO clip (filename, actor, split, fold, label, kind, video_path, duration, fps, frames) VALUES
                      ('A900_ang_int1_ver1', 'A900', 'train', 1, 'ang:100', 'single', '/v/a.mov', 2.5, 25, 62),
                      ('A901_mix_ang_hap_70_30_ver1', 'A901', 'test', NULL, 'ang:70;hap:30', '70/30', NULL, NULL, NULL, NULL);
                    INSERT INTO encoder (name, modality, source, created) VALUES ('face', 'V', 'imported', '2026-01-01 00:00:00.000');
                    INSERT INTO probability VALUES (1, 1, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1), (1, 2, 0.4, 0, 0, 0.6, 0, 0);
                    INSERT INTO feature_set (encoder_id, dimension, source_file, created) VALUES (1, 2, 'f.npz', '2026-01-01 00:00:00.000');
                    INSERT INTO feature_row (feature_set_id, clip_id, vector) VALUES (1, 1, x'0000803F00000040'), (1, 2, x'0000404000008040');
                    INSERT INTO note (clip_id, text, created) VALUES (2, 'check the label', '2026-01-01 00:00:00.000');
                    INSERT INTO tag (clip_id, tag, created) VALUES (1, 'odd', '2026-01-01 00:00:00.000'), (2, 'odd', '2026-01-01 00:00:00.000');
                    """)
            }
            try queue.read { db in
                for (t, order) in tables { before[t] = try Row.fetchAll(db, sql: "SELECT * FROM \(t) ORDER BY \(order)") }
                clipsBefore = try Row.fetchAll(db, sql: "SELECT * FROM clip ORDER BY id")
            }
            try queue.close()
        }
        let store = try ProjectStore(path: path, create: false)
        try store.importMetadata(from: try { () throws -> URL in
            let url = dir.appendingPathComponent("t.csv")
            try "filename\ntest_0001.mov\n".write(to: url, atomically: true, encoding: .utf8)
            return url
        }())
        XCTAssertEqual(try store.schemaVersions(), Schema.migrator.migrations)
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            for (t, order) in tables {
                XCTAssertEqual(try Row.fetchAll(db, sql: "SELECT * FROM \(t) ORDER BY \(order)"), before[t], t)
                XCTAssertFalse(before[t]?.isEmpty ?? true, t)
            }
            let clips = try Row.fetchAll(db, sql: "SELECT id, filename, actor, split, fold, label, kind, video_path, duration, fps, frames FROM clip ORDER BY id")
            XCTAssertEqual(Array(clips.prefix(2)), clipsBefore)
            XCTAssertEqual(clips.count, 3)
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT file FROM clip WHERE id = 3"), "test_0001.mov")
            XCTAssertEqual(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"), [])
            XCTAssertTrue(try db.indexes(on: "clip").contains { $0.columns == ["actor"] })
            // A new clip continues the ids (AUTOINCREMENT survives the rename).
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'clip'"), 3)
        }
        try queue.close()
        XCTAssertEqual(try store.notes().map(\.text), ["check the label"])
        XCTAssertEqual(try store.scoredClips(encoder: "face").count, 2)
    }

    func testStoredUnlabelledClipsAreCheckedLikeAnyOther() throws {
        let cases: [(String, String)] = [
            ("UPDATE clip SET label = NULL, kind = NULL, file = 'x.mov', actor = NULL, split = 'test', fold = NULL WHERE id = 1",
             "table clip, clip 'A900_ang_int1_ver1', column label: NULL for a labelled name, which spells 'ang:100'"),
            ("UPDATE clip SET file = 'test_0002.mov' WHERE id = 2",
             "table clip, clip 'test_0001', column file: 'test_0002.mov' is not a file name of clip 'test_0001'"),
            ("UPDATE clip SET filename = 'A901_ang_int1_ver1' WHERE id = 2",
             "table clip, clip 'A901_ang_int1_ver1', column label: NULL for a labelled name, which spells 'ang:100'"),
            ("UPDATE clip SET split = 'train', fold = 1 WHERE id = 2",
             "table clip, clip 'test_0001', column split: an unlabelled clip is in the test split, not train"),
            ("UPDATE clip SET actor = 'A900' WHERE id = 2",
             "table clip, clip 'test_0001', column actor: 'A900' given for an unlabelled test clip, which has no actor"),
        ]
        for (sql, message) in cases {
            let project = try TestProject(self)
            try project.store.importMetadata(from: try project.file("m.csv", header + "A900_ang_int1_ver1,A900,0,ang,,,,1,1\ntest_0001.mov,,,,,,,,\n"))
            let path = project.directory.appendingPathComponent("project.sqlite").path
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                try db.execute(sql: sql)
            }
            try queue.close()
            let store = try ProjectStore(path: path, create: false)
            XCTAssertThrowsError(try store.unlabelledClips(), sql) { error in
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
        }
    }
}
