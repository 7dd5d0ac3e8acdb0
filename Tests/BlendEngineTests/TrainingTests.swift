import XCTest
import BlendCore
@testable import BlendEngine

final class TrainingTests: XCTestCase {
    private func trainer(_ architecture: Architecture, data: TrainingData, seed: UInt64 = 1,
                         dropout: Double = 0.2) -> (ModelTrainer, PackedRows) {
        let config = TrainingConfig(architecture: architecture, batchSize: 8, learningRate: 0.01, dropout: dropout)
        let rows = Array(0..<data.rows)
        let standardiser = Standardiser(fitting: data.features, columns: data.columns, rows: rows)
        let packed = PackedRows(data, targets: SoftLabel.matrix(data.labels), rows: rows, standardiser: standardiser)
        return (ModelTrainer(config: config, inputWidth: data.columns, trainingRows: rows.count, seed: seed), packed)
    }

    private func epoch(_ t: ModelTrainer, _ p: PackedRows) throws -> Double {
        try t.trainEpoch(features: p.features, targets: p.targets, rows: p.count, isCancelled: { false })
    }

    /// Every architecture drives the loss on a separable problem well down within a few epochs.
    func testLossGoesDownOnSeparableProblem() throws {
        let data = SyntheticData.make(perFold: 20, folds: 2, test: 0, noise: 0.1)
        for architecture in Architecture.allCases {
            let (t, p) = trainer(architecture, data: data)
            var losses: [Double] = []
            for _ in 0..<12 { losses.append(try epoch(t, p)) }
            XCTAssertLessThan(losses.last!, 0.5 * losses.first!, "\(architecture): \(losses)")
            var probabilities = [Double](repeating: 0, count: p.count * 6)
            let evalLoss = t.predict(features: p.features, rows: p.count, targets: p.targets, into: &probabilities)!
            XCTAssertLessThan(evalLoss, losses.first!, "\(architecture)")
            for r in 0..<p.count {
                XCTAssertEqual(probabilities[(r * 6)..<(r * 6 + 6)].reduce(0, +), 1, accuracy: 1e-9)
            }
        }
    }

    /// Same seed: the same weights to the last bit (shuffles, dropout masks, init); another
    /// seed: different weights.
    func testSameSeedGivesIdenticalWeights() throws {
        let data = SyntheticData.make()
        func run(seed: UInt64) throws -> [Float] {
            let (t, p) = trainer(.mlp1024, data: data, seed: seed, dropout: 0.3)
            for _ in 0..<2 { _ = try epoch(t, p) }
            return t.network.parameters.array + t.network.state.array
        }
        let a = try run(seed: 9), b = try run(seed: 9), c = try run(seed: 10)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
    }

    func testCancellationStopsAnEpoch() {
        let data = SyntheticData.make()
        let (t, p) = trainer(.linear, data: data)
        XCTAssertThrowsError(try t.trainEpoch(features: p.features, targets: p.targets, rows: p.count,
                                              isCancelled: { true })) { XCTAssertTrue($0 is CancellationError) }
    }

    /// A batch-norm model skips a trailing batch of one row (PyTorch would refuse it).
    func testSingleRowTailBatchIsSkippedWithBatchNorm() throws {
        let data = SyntheticData.make(perFold: 17, folds: 1, test: 0)
        let (t, p) = trainer(.mlp1024, data: data)
        XCTAssertEqual(p.count % 8, 1)
        _ = try epoch(t, p)
        XCTAssertEqual(t.optimiser.step, 2)
    }
}
