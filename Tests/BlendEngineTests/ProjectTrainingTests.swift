import BlendCore
import Foundation
import GRDB
import XCTest
@testable import BlendEngine
@testable import BlendStore

/// The challenge's public set (478 training clips in 5 folds, 161 test clips) in a fresh
/// project, with learnable 8-wide features for encoder `face` (which also has probabilities).
private final class TrainingProject {
    static let publicSet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/public_set", isDirectory: true)

    let directory: URL
    let store: ProjectStore

    init(_ test: XCTestCase, metadata: [String] = ["train_metadata.csv", "test_metadata.csv"],
         featuresFor keep: (ClipInfo) -> Bool = { _ in true }) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let directory = directory
        test.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        store = try ProjectStore(at: directory.appendingPathComponent("p.sqlite"))
        try store.importMetadata(from: metadata.map { Self.publicSet.appendingPathComponent($0) })
        if metadata.contains("train_metadata.csv") {
            try store.importProbabilities(from: Self.publicSet.appendingPathComponent("probs_face.csv"), encoder: "face")
        }
        try store.storeFeatures(Self.features(for: store.clips().filter(keep)), sourceFile: "face.npz", encoder: "face")
    }

    /// Each clip's soft label mixed over fixed class centroids, plus noise.
    static func features(for clips: [ClipInfo], columns: Int = 8, seed: UInt64 = 11) -> FeatureMatrix {
        var random = SeededRandom(seed: seed)
        let centroids = (0..<(Emotion.count * columns)).map { _ in random.nextFloat(in: -2, 2) }
        var values: [Float] = []
        for clip in clips {
            let t = SoftLabel.distribution(of: clip.label)
            for j in 0..<columns {
                var v: Float = random.nextFloat(in: -0.4, 0.4)
                for c in 0..<Emotion.count { v += t[c] * centroids[c * columns + j] }
                values.append(v)
            }
        }
        return FeatureMatrix(names: clips.map(\.name), columns: columns, values: values)
    }
}

final class ProjectTrainingTests: XCTestCase {
    private let config = TrainingConfig(architecture: .mlp256, epochs: 3, batchSize: 32, learningRate: 0.01,
                                        dropout: 0.1, patience: 0, seed: 4, threads: 1)

    private func assertSetupError(_ expected: TrainingSetupError, _ action: () throws -> Void,
                                  file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try action(), file: file, line: line) { error in
            XCTAssertEqual(error as? TrainingSetupError, expected, "\(error)", file: file, line: line)
        }
    }

    func testTrainsStoresAndReRunsBitForBit() throws {
        let project = try TrainingProject(self)
        let store = project.store
        let prepared = try ProjectTraining.prepare(TrainingRequest(encoder: "face", config: config), in: store)
        XCTAssertEqual(prepared.data.rows, 639)
        let outcome = try ProjectTraining.run(prepared, in: store)
        XCTAssertEqual(outcome.run.encoder, "face-mlp256")
        XCTAssertEqual(outcome.run.trainClips, 478)
        XCTAssertEqual(outcome.run.testClips, 161)
        XCTAssertEqual(outcome.run.score, outcome.result.outOfFold.metrics.score)
        XCTAssertGreaterThan(outcome.run.score, 0.3, "the features carry the labels")

        // The trained encoder is an encoder like any other: its probabilities in clip order.
        let scored = try store.scoredClips(encoder: "face-mlp256")
        XCTAssertEqual(scored.probabilities, outcome.result.probabilities)
        let info = try XCTUnwrap(try store.encoders().first { $0.name == "face-mlp256" })
        XCTAssertEqual(info.source, .trained)
        let stored = try JSONDecoder().decode(StoredTrainingConfig.self, from: Data(try XCTUnwrap(info.config).utf8))
        XCTAssertEqual(stored, prepared.stored)
        XCTAssertEqual(stored.training.threads, 1)
        XCTAssertEqual(try store.trainingCurves(encoder: "face-mlp256").count,
                       15 + (outcome.result.finalEpochs ?? 0))

        // The stored final model predicts the stored test probabilities again.
        let final = try TrainedModel(XCTUnwrap(try store.trainedModels(encoder: "face-mlp256").last))
        let testRows = prepared.clips.indices.filter { prepared.clips[$0].split == .test }
        let p = try final.predict(features: CrossValidation.rowsOf(prepared.data, testRows), rows: testRows.count)
        XCTAssertEqual(p, testRows.flatMap { scored.probabilities[($0 * 6)..<($0 * 6 + 6)] })

        // Re-running the stored configuration reproduces the run exactly.
        var (again, dimension) = try ProjectTraining.storedRequest(encoder: "face-mlp256", in: store)
        XCTAssertEqual(dimension, 8)
        again.replace = true
        let rerun = try ProjectTraining.run(ProjectTraining.prepare(again, in: store, expectedDimension: dimension), in: store)
        XCTAssertEqual(rerun.result, outcome.result)
        XCTAssertEqual(try store.trainingRuns().count, 1)
    }

    func testCancellingLeavesTheProjectAsItWas() throws {
        let project = try TrainingProject(self)
        let before = try project.store.contentSnapshot()
        let prepared = try ProjectTraining.prepare(TrainingRequest(encoder: "face", config: config), in: project.store)
        let epochs = Counter()
        XCTAssertThrowsError(try ProjectTraining.run(prepared, in: project.store, progress: { _ in epochs.increment() },
                                                     isCancelled: { epochs.value >= 2 })) {
            XCTAssertTrue($0 is CancellationError, "\($0)")
        }
        XCTAssertEqual(epochs.value, 2)
        XCTAssertEqual(try project.store.contentSnapshot(), before)
    }

    func testUnknownEncoderAndEncoderWithoutFeatures() throws {
        let project = try TrainingProject(self)
        XCTAssertThrowsError(try ProjectTraining.prepare(TrainingRequest(encoder: "ghost"), in: project.store)) {
            XCTAssertEqual($0 as? StoreError, .unknownEncoder("ghost"))
        }
        try project.store.importProbabilities(from: TrainingProject.publicSet.appendingPathComponent("probs_audio.csv"),
                                              encoder: "audio")
        assertSetupError(.noFeatures(encoder: "audio")) {
            _ = try ProjectTraining.prepare(TrainingRequest(encoder: "audio"), in: project.store)
        }
        assertSetupError(.noFeatures(encoder: "audio")) {
            _ = try ProjectTraining.prepare(TrainingRequest(encoder: "face", features: "audio"), in: project.store)
        }
    }

    func testClipsWithoutFeaturesAreNamed() throws {
        var dropped = 0
        let project = try TrainingProject(self) { clip in
            dropped += clip.name.hasPrefix("A171_mix") ? 1 : 0
            return !clip.name.hasPrefix("A171_mix")
        }
        let error = try XCTUnwrap(Result { try ProjectTraining.prepare(TrainingRequest(encoder: "face"), in: project.store) }
            .failure as? TrainingSetupError)
        XCTAssertEqual("\(error)", "\(dropped) clips of the project have no features from 'face': A171_mix_ang_disg_50_50_ver1, "
            + "A171_mix_ang_disg_70_30_ver1, A171_mix_ang_disg_30_70_ver1, A171_mix_ang_fea_50_50_ver1, "
            + "A171_mix_ang_fea_70_30_ver1 and \(dropped - 5) more")
    }

    func testNaNInStoredFeaturesIsNamed() throws {
        let project = try TrainingProject(self)
        var vector = [Float](repeating: 1, count: 8)
        vector[3] = .nan
        try project.store.pool.write { db in
            try db.execute(sql: """
                UPDATE feature_row SET vector = ? WHERE clip_id = (SELECT id FROM clip WHERE filename = 'A117_fea_int2_ver1')
                """, arguments: [Float32Blob(vector)])
        }
        assertSetupError(.nonFiniteFeature(encoder: "face", clip: "A117_fea_int2_ver1", column: 4)) {
            _ = try ProjectTraining.prepare(TrainingRequest(encoder: "face"), in: project.store)
        }
    }

    func testProjectWithoutFolds() throws {
        let project = try TrainingProject(self, metadata: ["test_metadata.csv"])
        let error = Result { try ProjectTraining.prepare(TrainingRequest(encoder: "face"), in: project.store) }.failure
        XCTAssertEqual(error as? TrainingSetupError, .notEnoughFolds(found: 0))
        XCTAssertEqual("\(error!)", "the project has no training folds: import training metadata with a 'fold' column first")
    }

    func testDimensionMismatchWithTheStoredModels() throws {
        let project = try TrainingProject(self)
        let store = project.store
        _ = try ProjectTraining.run(ProjectTraining.prepare(TrainingRequest(encoder: "face", name: "t", config: config),
                                                            in: store), in: store)
        try store.storeFeatures(TrainingProject.features(for: store.clips(), columns: 5), sourceFile: "face5.npz",
                                encoder: "face", replace: true)
        var (again, dimension) = try ProjectTraining.storedRequest(encoder: "t", in: store)
        again.replace = true
        assertSetupError(.dimensionMismatch(run: "t", features: "face", expected: 8, found: 5)) {
            _ = try ProjectTraining.prepare(again, in: store, expectedDimension: dimension)
        }
    }

    func testOutputNameTakenAndBadSettings() throws {
        let project = try TrainingProject(self)
        assertSetupError(.nameTaken(name: "face", source: "imported")) {
            _ = try ProjectTraining.prepare(TrainingRequest(encoder: "face", name: "face", replace: true), in: project.store)
        }
        _ = try ProjectTraining.run(ProjectTraining.prepare(TrainingRequest(encoder: "face", name: "t", config: config),
                                                            in: project.store), in: project.store)
        try project.store.saveFusion(FusionSpec(name: "both", weights: [FusionWeight(encoder: "face", weight: 0.5),
                                                                         FusionWeight(encoder: "t", weight: 0.5)],
                                                thresholds: Thresholds(alpha: 0.1, beta: 0.2), method: "manual"))
        assertSetupError(.replacedInUse(name: "t", fusion: "both")) {
            _ = try ProjectTraining.prepare(TrainingRequest(encoder: "face", name: "t", config: config, replace: true),
                                            in: project.store)
        }
        var bad = config
        bad.epochs = 0
        XCTAssertThrowsError(try ProjectTraining.prepare(TrainingRequest(encoder: "face", config: bad), in: project.store)) {
            XCTAssertEqual($0 as? TrainingError, .invalidConfig("epochs must be at least 1 (got 0)"))
        }
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

private extension Result where Failure == Error {
    var failure: Error? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
