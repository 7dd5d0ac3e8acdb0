import BlendCore
import GRDB
import XCTest
@testable import BlendStore

final class TrainedEncoderStoreTests: XCTestCase {
    /// A run over every clip of the small project: two fold models and a final one, with
    /// values whose last bits matter (a lossy round trip would change them).
    private func record(_ store: ProjectStore, name: String = "face-mlp") throws -> TrainedEncoderRecord {
        let clips = try store.clips().map(\.name)
        var p: [Double] = []
        for i in clips.indices {
            let raw = (0..<6).map { Double(($0 + 1) * (i + 3) % 11) + 1.0 / 3.0 }
            let sum = raw.reduce(0, +)
            p += raw.map { $0 / sum }
        }
        let models = [TrainingStage.fold(0), .fold(1), .final].enumerated().map { k, stage in
            StoredModel(stage: stage, architecture: "mlp1024", inputWidth: 3, dropout: 0.3, bestEpoch: k + 1,
                        epochsRun: k + 2, parameters: [0.1, -Float.pi, Float(k), 1e-30],
                        state: k == 2 ? [] : [0.5, 1 / 3], mean: [1.0 / 3.0, -2, 1e-300], scale: [1, 0.1, 7])
        }
        let curves = [
            TrainingEpoch(stage: .fold(0), epoch: 1, trainLoss: 0.9, validationLoss: 1.1, accPresence: 0.4,
                          accSalience: 0.1, score: 0.25, thresholds: Thresholds(alpha: 0.1, beta: 0.2)),
            TrainingEpoch(stage: .fold(1), epoch: 1, trainLoss: 0.8, validationLoss: 1.0, accPresence: 0.5,
                          accSalience: 0.2, score: 0.35, thresholds: Thresholds(alpha: 0.15, beta: 0.3)),
            TrainingEpoch(stage: .final, epoch: 1, trainLoss: 0.7),
        ]
        return TrainedEncoderRecord(
            name: name, featureSource: "face", featureDimension: 3, config: #"{"architecture":"mlp1024"}"#,
            clips: clips, probabilities: p, outOfFold: Thresholds(alpha: 0.1, beta: 0.25),
            outOfFoldMetrics: Metrics(clips: 40, blends: 10, presenceHits: 20, salienceHits: 3),
            curves: curves, models: models, seconds: 1.5)
    }

    func testMigrationAddsTheTrainingTables() throws {
        let project = try TestProject(self)
        XCTAssertEqual(try project.store.schemaVersions(), ["v1-project", "v2-job-interrupted", "v3-training", "v4-job-metrics", "v5-unlabelled-clips", "v6-views"])
    }

    /// A project written before training existed gains the tables on open, content intact.
    func testVersion1FileUpgradesInPlace() throws {
        let project = try TestProject(self)
        let url = project.directory.appendingPathComponent("old.sqlite")
        let pool = try DatabasePool(path: url.path)
        try Schema.migrator.migrate(pool, upTo: "v1-project")
        try pool.write { try $0.execute(sql: "INSERT INTO encoder (name, modality, source, created) VALUES ('a', 'audio', 'imported', '2025-01-01')") }
        try pool.close()
        let store = try ProjectStore(at: url, create: false)
        XCTAssertEqual(try store.schemaVersions(), ["v1-project", "v2-job-interrupted", "v3-training", "v4-job-metrics", "v5-unlabelled-clips", "v6-views"])
        XCTAssertEqual(try store.encoders().map(\.name), ["a"])
        XCTAssertEqual(try store.trainingRuns(), [])
    }

    func testStoredRunReadsBackExactly() throws {
        let project = try TestProject.small(self)
        let store = project.store
        let r = try record(store)
        let info = try store.storeTrainedEncoder(r)
        XCTAssertEqual(info.encoder, "face-mlp")
        XCTAssertEqual(info.trainClips, 40)
        XCTAssertEqual(info.testClips, 20)
        XCTAssertEqual(info.score, r.outOfFoldMetrics.score)
        XCTAssertEqual(info.config, r.config)
        XCTAssertEqual(try store.trainingRuns(), [info])
        XCTAssertEqual(try store.trainingRun(encoder: "face-mlp"), info)

        let encoder = try XCTUnwrap(try store.encoders().first { $0.name == "face-mlp" })
        XCTAssertEqual(encoder.source, .trained)
        XCTAssertEqual(encoder.config, r.config)
        XCTAssertEqual(encoder.probabilityCount, 60)
        let scored = try store.scoredClips(encoder: "face-mlp")
        XCTAssertEqual(scored.clips.map(\.name), r.clips)
        XCTAssertEqual(scored.probabilities, r.probabilities)
        XCTAssertEqual(try store.trainingCurves(encoder: "face-mlp"), r.curves)
        XCTAssertEqual(try store.trainedModels(encoder: "face-mlp"), r.models)
    }

    func testARefusedRunWritesNothing() throws {
        let project = try TestProject.small(self)
        let store = project.store
        let before = try store.contentSnapshot()
        var r = try record(store)
        r.clips[5] = "A999_ang_int1_ver1"
        XCTAssertThrowsError(try store.storeTrainedEncoder(r)) {
            XCTAssertEqual($0 as? StoreError, .unknownClip("A999_ang_int1_ver1"))
        }
        r = try record(store)
        r.featureSource = "nope"
        XCTAssertThrowsError(try store.storeTrainedEncoder(r)) { XCTAssertEqual($0 as? StoreError, .unknownEncoder("nope")) }
        r = try record(store, name: "face")
        XCTAssertThrowsError(try store.storeTrainedEncoder(r, replace: true)) {
            XCTAssertEqual("\($0)", "an imported encoder named 'face' already exists; only trained encoders can be replaced")
        }
        XCTAssertEqual(try store.contentSnapshot(), before)
    }

    func testReplacingATrainedEncoderSwapsTheWholeRun() throws {
        let project = try TestProject.small(self)
        let store = project.store
        try store.storeTrainedEncoder(record(store))
        XCTAssertThrowsError(try store.storeTrainedEncoder(record(store)))
        var second = try record(store)
        second.curves = Array(second.curves.prefix(1))
        second.models = Array(second.models.suffix(1))
        try store.storeTrainedEncoder(second, replace: true)
        XCTAssertEqual(try store.trainingRuns().count, 1)
        XCTAssertEqual(try store.trainingCurves(encoder: "face-mlp"), second.curves)
        XCTAssertEqual(try store.trainedModels(encoder: "face-mlp"), second.models)
    }

    func testDeletingRemovesEverythingTheEncoderOwns() throws {
        let project = try TestProject.small(self)
        let store = project.store
        // AUTOINCREMENT counters rightly remember the deleted rows; everything else returns.
        func content() throws -> ContentSnapshot {
            var snapshot = try store.contentSnapshot()
            snapshot.tables["sqlite_sequence"] = nil
            return snapshot
        }
        let before = try content()
        try store.storeTrainedEncoder(record(store))
        try store.updateSettings(source: .encoder("face-mlp"))
        try store.deleteTrainedEncoder("face-mlp")
        XCTAssertNil(try store.settings().currentSource)
        XCTAssertEqual(try content(), before)
    }

    func testDeletionIsRefusedForImportsAndEncodersAFusionUses() throws {
        let project = try TestProject.small(self)
        let store = project.store
        XCTAssertThrowsError(try store.deleteTrainedEncoder("face")) {
            XCTAssertEqual("\($0)", "encoder 'face' was not trained in this project (it is imported)")
        }
        XCTAssertThrowsError(try store.deleteTrainedEncoder("ghost")) { XCTAssertEqual($0 as? StoreError, .unknownEncoder("ghost")) }
        try store.storeTrainedEncoder(record(store))
        try store.saveFusion(FusionSpec(name: "pair", weights: [FusionWeight(encoder: "face", weight: 0.5),
                                                                 FusionWeight(encoder: "face-mlp", weight: 0.5)],
                                        thresholds: Thresholds(alpha: 0.1, beta: 0.2), method: "manual"))
        XCTAssertThrowsError(try store.deleteTrainedEncoder("face-mlp")) {
            XCTAssertEqual("\($0)", "encoder 'face-mlp' is used by fusion 'pair'; delete it first")
        }
        XCTAssertEqual(try store.trainingRuns().count, 1)
    }
}
