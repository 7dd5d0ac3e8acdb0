import XCTest
import BlendCore
@testable import BlendEngine

/// Unlabelled clips' feature rows are predicted as the test split is, and change nothing else.
final class UnlabelledPredictionTests: XCTestCase {
    private let base = SyntheticData.make()

    private func config(_ test: TestPrediction) -> TrainingConfig {
        TrainingConfig(architecture: .mlp256, epochs: 2, batchSize: 8, learningRate: 0.01, dropout: 0.1,
                       patience: 0, seed: 3, testPrediction: test)
    }

    /// The test rows' features again, as unlabelled rows, and the data with no labelled test rows.
    private func withUnlabelled(dropTest: Bool) -> (TrainingData, rows: [Int]) {
        let testRows = base.folds.indices.filter { base.folds[$0] == nil }
        let keep = dropTest ? base.folds.indices.filter { base.folds[$0] != nil } : Array(base.folds.indices)
        let data = TrainingData(features: CrossValidation.rowsOf(base, keep), columns: base.columns,
                                labels: keep.map { base.labels[$0] }, folds: keep.map { base.folds[$0] },
                                unlabelledFeatures: CrossValidation.rowsOf(base, testRows))
        return (data, testRows)
    }

    func testTheFinalModelPredictsUnlabelledRowsEvenWithoutLabelledTestClips() throws {
        let plain = try CrossValidation.run(base, config: config(.full))
        let (data, testRows) = withUnlabelled(dropTest: false)
        let result = try CrossValidation.run(data, config: config(.full))
        XCTAssertEqual(result.probabilities, plain.probabilities, "unlabelled rows take no part in training")
        XCTAssertEqual(result.unlabelledProbabilities.count, testRows.count * 6)
        for (k, r) in testRows.enumerated() {
            for c in 0..<6 { XCTAssertEqual(result.unlabelledProbabilities[k * 6 + c], plain.probabilities[r * 6 + c], accuracy: 1e-12) }
        }
        // The real test set: no labelled test clip, yet the final model is trained for the unlabelled ones.
        let (alone, _) = withUnlabelled(dropTest: true)
        let onlyUnlabelled = try CrossValidation.run(alone, config: config(.full))
        XCTAssertNotNil(onlyUnlabelled.finalModel)
        XCTAssertEqual(onlyUnlabelled.unlabelledProbabilities, result.unlabelledProbabilities)
    }

    func testAverageModeMeansTheFoldModelsForUnlabelledRows() throws {
        let plain = try CrossValidation.run(base, config: config(.average))
        let (data, testRows) = withUnlabelled(dropTest: false)
        let result = try CrossValidation.run(data, config: config(.average))
        for (k, r) in testRows.enumerated() {
            for c in 0..<6 { XCTAssertEqual(result.unlabelledProbabilities[k * 6 + c], plain.probabilities[r * 6 + c], accuracy: 1e-12) }
        }
    }
}
