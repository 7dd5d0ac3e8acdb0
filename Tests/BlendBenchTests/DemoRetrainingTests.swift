import BlendDemo
@testable import BlendBench
import BlendCore
import BlendStore
import Foundation
import XCTest
@testable import BlendEngine

final class DemoRetrainingTests: XCTestCase {
    /// One short epoch per fold is enough to check the plumbing: the chosen demo encoders are
    /// imported, trained through `ProjectTraining` and compared on the training clips.
    func testDemoEncodersAreRetrainedBesideTheirShippedScores() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("demo-retrain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = TrainingConfig(architecture: .linear, epochs: 1, patience: 0, threads: 1)
        let chosen = ["HiCMAE", "Wav2Vec2-L6-12"]
        let rows = try DemoRetraining.run(config: config, directory: directory, encoders: Set(chosen))
        XCTAssertEqual(rows.map(\.encoder), ["Wav2Vec2-L6-12", "HiCMAE"], "in the demo's order")
        let store = try ProjectStore(at: directory.appendingPathComponent("demo-retraining.sqlite"), create: false)
        XCTAssertEqual(try store.trainingRuns().map(\.encoder), rows.map { "\($0.encoder)-linear" })
        for row in rows {
            let shipped = try store.scoredClips(encoder: row.encoder).filter { $0.split == .train }
            XCTAssertEqual(row.shipped, ThresholdSearch.best(shipped))
            XCTAssertEqual(row.retrained.metrics.clips, shipped.count)
            XCTAssertEqual(row.epochsRun, [1, 1, 1, 1, 1])
            XCTAssertEqual(row.featureDimension, DemoEncoderSpec.reference.first { $0.name == row.encoder }?.featureDimension)
        }
    }
}
