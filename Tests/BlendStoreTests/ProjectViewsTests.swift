import BlendCore
import Foundation
import GRDB
import XCTest
@testable import BlendReport
@testable import BlendStore

/// The views of schema version 6 (`predictions`, `decisions`, `notes`), read with plain SQL as
/// pandas or R would, on the real HiCMAE predictions: the long form matches what blendscope
/// reads, and `decisions` is the challenge's rule clip by clip.
final class ProjectViewsTests: XCTestCase {
    private func project() throws -> TestProject {
        let project = try TestProject(self)
        let real = RealDataExportTests.real
        try project.store.importMetadata(from: real.appendingPathComponent("train_metadata.csv"))
        try project.store.importMetadata(from: real.appendingPathComponent("test_metadata.csv"))
        for name in ["kl", "ce"] {
            try project.store.importProbabilities(from: real.appendingPathComponent("probs_hicmae_\(name)_e100_last.csv"),
                                                  encoder: name)
        }
        return project
    }

    func testPredictionsViewIsTheLongFormBlendscopeReads() throws {
        let store = try project().store
        XCTAssertEqual(try store.schemaVersions(), Schema.migrator.migrations)
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM predictions WHERE encoder = 'kl' AND label IS NOT NULL")
        }
        let scored = try store.scoredClips(encoder: "kl")
        XCTAssertEqual(rows.count, scored.count)
        XCTAssertEqual(Array(rows[0].columnNames),
                       ["clip", "actor", "split", "fold", "label", "encoder", "ang", "disg", "fea", "hap", "sad", "neu"])
        let byName = Dictionary(uniqueKeysWithValues: rows.map { (String.fromDatabaseValue($0["clip"]) ?? "", $0) })
        for (i, clip) in scored.clips.enumerated() {
            let row = try XCTUnwrap(byName[clip.name], clip.name)
            XCTAssertEqual(row["actor"] as String?, clip.actor)
            XCTAssertEqual(row["fold"] as Int?, clip.fold)
            XCTAssertEqual(row["label"] as String?, clip.label.description)
            XCTAssertEqual(Emotion.allCases.map { row[$0.code] as Double? ?? .nan }, Array(scored.probabilities(of: i)))
        }
        // `export predictions` writes the same rows.
        let table = try store.predictionsTable()
        XCTAssertEqual(table.columns.map(\.key), Array(rows[0].columnNames))
        let all = try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM predictions") }
        XCTAssertEqual(table.rows.count, all)
    }

    func testDecisionsViewIsTheChallengeRuleAtTheStoredThresholds() throws {
        let store = try project().store
        for encoder in ["kl", "ce"] {
            let none = try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM decisions WHERE encoder = ?", arguments: [encoder]) }
            XCTAssertEqual(none, 0, "an encoder that keeps no thresholds has no decisions")
        }
        for (alpha, beta) in [(0.1, 0.2), (0.05, 0.43), (0.3, 0.0974)] {
            for encoder in ["kl", "ce"] {
                _ = try store.updateSettings(source: .encoder(encoder), thresholds: Thresholds(alpha: alpha, beta: beta))
                let rows = try store.pool.read { db in
                    try Row.fetchAll(db, sql: "SELECT clip, alpha, beta, predicted, label, correct FROM decisions WHERE encoder = ?",
                                     arguments: [encoder])
                }
                let decided = Dictionary(uniqueKeysWithValues: rows.map { (String.fromDatabaseValue($0["clip"]) ?? "", $0) })
                let scored = try store.scoredClips(encoder: encoder)
                XCTAssertGreaterThanOrEqual(decided.count, scored.count)
                for (i, clip) in scored.clips.enumerated() {
                    let row = try XCTUnwrap(decided[clip.name])
                    let label = DecisionRule.decide(Array(scored.probabilities(of: i)), alpha: alpha, beta: beta)
                    XCTAssertEqual(row["predicted"] as String?, label.description, "\(encoder) \(clip.name) at α \(alpha) β \(beta)")
                    XCTAssertEqual(row["correct"] as Bool?, label == clip.label)
                    XCTAssertEqual(row["alpha"] as Double?, alpha)
                }
            }
        }
    }

    func testNotesView() throws {
        let project = try project()
        let clip = try XCTUnwrap(try project.store.clips().first).name
        _ = try project.store.addNote(clip: clip, text: "occluded face")
        try project.store.addTag(clip: clip, tag: "check")
        let rows = try project.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT clip, kind, text FROM notes ORDER BY kind")
        }
        XCTAssertEqual(rows.map { [$0["clip"], $0["kind"], $0["text"]] as [String?] },
                       [[clip, "note", "occluded face"], [clip, "tag", "check"]])
    }
}
