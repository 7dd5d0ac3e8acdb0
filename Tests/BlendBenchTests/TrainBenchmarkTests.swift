@testable import BlendBench
import BlendCore
import Foundation
import XCTest
@testable import BlendEngine

final class TrainBenchmarkTests: XCTestCase {
    private let tiny = TrainBenchmarkCase(architecture: .mlp256, rows: 230, columns: 16, epochs: 2, noise: 0.5)

    func testCaseDataIsSeededAndShapedLikeTheTrainingSplit() throws {
        let data = tiny.makeData()
        XCTAssertEqual(data.features, tiny.makeData().features)
        XCTAssertEqual(data.foldIDs, [0, 1, 2, 3, 4])
        XCTAssertEqual(data.rows, 230)
        XCTAssertNoThrow(try data.validate())
        let blends = data.labels.filter(\.isBlend).count
        XCTAssertTrue((60...120).contains(blends), "about 40 % blends, got \(blends)")
    }

    func testEngineRowMeasuresTheRun() throws {
        let rows = try TrainBenchmarks.run(cases: [tiny], threads: 1, torch: nil,
                                           directory: FileManager.default.temporaryDirectory)
        let row = try XCTUnwrap(rows.first)
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(row.framework, "blendscope")
        XCTAssertEqual(row.epochsRun, 10)
        XCTAssertEqual(row.secondsPerEpoch * 10, row.totalSeconds, accuracy: 1e-9)
        XCTAssertGreaterThan(row.peakResidentBytes, 1 << 20)
        let again = try CrossValidation.run(tiny.makeData(), config: { var c = tiny.config; c.threads = 1; return c }())
        XCTAssertEqual(row.outOfFold, again.outOfFold)
        XCTAssertGreaterThan(row.outOfFold.metrics.score, 0.12, "better than noise (about 0.05) after two short epochs")
    }

    /// The PyTorch side, when `make torch` has created the venv: it trains, and its own
    /// threshold search agrees with blendscope's on its probabilities.
    func testTorchScriptAgreesOnScoring() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        guard let setup = TorchSetup.find(in: root) else { throw XCTSkip("no .venv with PyTorch (make torch)") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("torch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let row = try TorchBenchmark.run(tiny, data: tiny.makeData(), threads: 1, setup: setup, directory: directory)
        XCTAssertTrue(row.framework.hasPrefix("torch"))
        XCTAssertEqual(row.epochsRun, 10)
        XCTAssertEqual(row.ownScore, row.outOfFold.metrics.score, accuracy: 1e-12)
        XCTAssertGreaterThan(row.outOfFold.metrics.score, 0.12, "better than noise (about 0.05) after two short epochs")
    }
}
