import Foundation
import XCTest
import BlendCore
@testable import BlendEngine

/// Collects progress reports from the training thread.
private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [TrainingProgress] = []
    func append(_ p: TrainingProgress) { lock.withLock { items.append(p) } }
    var all: [TrainingProgress] { lock.withLock { items } }
}

final class CrossValidationTests: XCTestCase {
    private let data = SyntheticData.make()
    private func config(_ test: TestPrediction = .full, patience: Int = 0, epochs: Int = 4,
                        criterion: EarlyStopCriterion = .score) -> TrainingConfig {
        TrainingConfig(architecture: .mlp256, epochs: epochs, batchSize: 8, learningRate: 0.01, dropout: 0.1,
                       patience: patience, seed: 3, earlyStopping: criterion, testPrediction: test)
    }

    /// Each training clip's probabilities are those of its own fold's model, and that model's
    /// standardisation was fitted on the other folds only.
    func testOutOfFoldProbabilitiesComeFromTheHeldOutModel() throws {
        let result = try CrossValidation.run(data, config: config())
        XCTAssertEqual(result.folds.map(\.fold), [0, 1, 2])
        for report in result.folds {
            let rows = data.folds.indices.filter { data.folds[$0] == report.fold }
            let fitRows = data.folds.indices.filter { data.folds[$0] != nil && data.folds[$0] != report.fold }
            XCTAssertEqual(report.model.standardiser,
                           Standardiser(fitting: data.features, columns: data.columns, rows: fitRows))
            let p = try report.model.predict(features: CrossValidation.rowsOf(data, rows), rows: rows.count)
            for (k, r) in rows.enumerated() {
                for c in 0..<6 { XCTAssertEqual(result.probabilities[r * 6 + c], p[k * 6 + c], accuracy: 1e-12) }
            }
            XCTAssertEqual(report.curve.count, 4)
            XCTAssertEqual(report.best.score, report.curve.map(\.score).max())
        }
        // Full mode: the final model predicts the test rows after the mean best epoch.
        let meanBest = Double(result.folds.map(\.bestEpoch).reduce(0, +)) / 3
        XCTAssertEqual(result.finalEpochs, Int(meanBest.rounded()))
        let testRows = data.folds.indices.filter { data.folds[$0] == nil }
        let final = try XCTUnwrap(result.finalModel)
        XCTAssertEqual(final.standardiser,
                       Standardiser(fitting: data.features, columns: data.columns,
                                    rows: data.folds.indices.filter { data.folds[$0] != nil }))
        let pt = try final.predict(features: CrossValidation.rowsOf(data, testRows), rows: testRows.count)
        for (k, r) in testRows.enumerated() {
            for c in 0..<6 { XCTAssertEqual(result.probabilities[r * 6 + c], pt[k * 6 + c], accuracy: 1e-12) }
        }
        // The learnable problem is learnt: better than always predicting one class.
        XCTAssertGreaterThan(result.outOfFold.metrics.score, 0.3)
    }

    func testAverageModeMeansTheFoldModels() throws {
        let result = try CrossValidation.run(data, config: config(.average, epochs: 2))
        XCTAssertNil(result.finalModel)
        let testRows = data.folds.indices.filter { data.folds[$0] == nil }
        let x = CrossValidation.rowsOf(data, testRows)
        var mean = [Double](repeating: 0, count: testRows.count * 6)
        for report in result.folds {
            let p = try report.model.predict(features: x, rows: testRows.count)
            for i in mean.indices { mean[i] += p[i] / 3 }
        }
        for (k, r) in testRows.enumerated() {
            for c in 0..<6 { XCTAssertEqual(result.probabilities[r * 6 + c], mean[k * 6 + c], accuracy: 1e-12) }
        }
    }

    /// With patience p a fold stops p epochs after its best one (or at the epoch limit), and
    /// the kept model is the best epoch's.
    func testEarlyStoppingOnLoss() throws {
        let result = try CrossValidation.run(data, config: config(patience: 2, epochs: 30, criterion: .loss))
        for report in result.folds {
            let losses = report.curve.map(\.validationLoss)
            XCTAssertEqual(report.best.validationLoss, losses.min())
            XCTAssertTrue(report.epochsRun == 30 || report.epochsRun == report.bestEpoch + 2,
                          "ran \(report.epochsRun), best \(report.bestEpoch)")
        }
        XCTAssertTrue(result.folds.contains { $0.epochsRun < 30 }, "lr 0.01 overfits 24 clips well before 30 epochs")
    }

    func testReproducibleAndReportsProgress() throws {
        let log = ProgressLog()
        let a = try CrossValidation.run(data, config: config(epochs: 2), progress: { log.append($0) })
        let b = try CrossValidation.run(data, config: config(epochs: 2))
        XCTAssertEqual(a, b)
        let reports = log.all
        XCTAssertEqual(reports.count, 3 * 2 + a.finalEpochs!)
        XCTAssertEqual(reports.first?.stage, .fold(id: 0))
        XCTAssertEqual(reports.last?.stage, .final)
        XCTAssertEqual(reports.last?.fractionDone, 1)
        XCTAssertEqual(reports.last?.remainingSeconds, 0)
        XCTAssertTrue(reports.dropLast(a.finalEpochs!).allSatisfy { $0.validationScore != nil })
        // The whole result survives a Codable round trip (the store keeps it).
        let decoded = try JSONDecoder().decode(CrossValidationResult.self, from: JSONEncoder().encode(a))
        XCTAssertEqual(decoded, a)
    }

    func testCancellation() {
        let calls = ProgressLog()
        XCTAssertThrowsError(try CrossValidation.run(data, config: config(), progress: { calls.append($0) },
                                                     isCancelled: { calls.all.count >= 2 })) {
            XCTAssertTrue($0 is CancellationError, "\($0)")
        }
        XCTAssertEqual(calls.all.count, 2)
    }

    /// The scorer is a parameter: a stand-in sees each epoch's validation clips.
    func testCustomScorerIsUsed() throws {
        let counter = ProgressLog()
        let fixed = ThresholdChoice(thresholds: Thresholds(alpha: 0.2, beta: 0.3),
                                    metrics: Metrics(clips: 1, blends: 0, presenceHits: 1, salienceHits: 0))
        let result = try CrossValidation.run(data, config: config(epochs: 1), scorer: { clips in
            XCTAssertEqual(clips.count, clips.clips.filter { $0.split == .train }.count)
            return fixed
        }, progress: { counter.append($0) })
        XCTAssertEqual(result.folds[0].curve[0].thresholds, fixed.thresholds)
        XCTAssertEqual(result.outOfFold, fixed)
    }

    func testBadInputFailsBeforeWork() {
        func error(_ d: TrainingData, _ c: TrainingConfig? = nil) -> TrainingError? {
            do { _ = try CrossValidation.run(d, config: c ?? config()) } catch let e as TrainingError { return e } catch {
                XCTFail("unexpected \(error)")
            }
            return nil
        }
        var features = data.features
        features[3 * data.columns + 2] = .nan
        XCTAssertEqual(error(TrainingData(features: features, columns: data.columns, labels: data.labels, folds: data.folds)),
                       .nonFiniteFeature(row: 3, column: 2))
        XCTAssertEqual(error(TrainingData(features: data.features, columns: data.columns, labels: data.labels,
                                          folds: data.folds.map { _ in nil })), .notEnoughFolds(found: 0))
        XCTAssertEqual(error(TrainingData(features: data.features, columns: data.columns, labels: data.labels,
                                          folds: data.folds.map { $0.map { _ in 1 } })), .notEnoughFolds(found: 1))
        XCTAssertEqual(error(TrainingData(features: Array(data.features.dropLast()), columns: data.columns,
                                          labels: data.labels, folds: data.folds)),
                       .featureShape(values: data.features.count - 1, rows: data.rows, columns: data.columns))
        XCTAssertEqual(error(TrainingData(features: data.features, columns: data.columns, labels: data.labels,
                                          folds: Array(data.folds.dropLast()))),
                       .countMismatch(what: "fold entries", count: data.rows - 1, rows: data.rows))
        var bad = config()
        bad.dropout = 1
        XCTAssertEqual(error(data, bad), .invalidConfig("dropout must lie in [0, 1) (got 1.0)"))
        XCTAssertEqual(TrainingError.notEnoughFolds(found: 0).description,
                       "cross-validation needs training clips in at least 2 folds (found 0); does the project have folds?")
    }

    func testStoredModelRejectsOtherDimensions() throws {
        let result = try CrossValidation.run(data, config: config(.average, epochs: 1))
        let model = result.folds[0].model
        XCTAssertThrowsError(try model.predict(features: [Float](repeating: 0, count: 2 * 5), rows: 2)) {
            XCTAssertEqual($0 as? TrainingError, .dimensionMismatch(expected: 8, got: 5))
        }
        let damaged = TrainedModel(architecture: .mlp512, inputWidth: 8, dropout: 0, parameters: model.parameters,
                                   state: [], standardiser: model.standardiser)
        XCTAssertThrowsError(try damaged.predict(features: [Float](repeating: 0, count: 8), rows: 1)) {
            guard case .corruptModel = $0 as? TrainingError else { return XCTFail("\($0)") }
        }
    }
}

/// Settings from a stored run or the TUI are held to the command line's documented bounds.
final class TrainingConfigBoundsTests: XCTestCase {
    func testSettingsBeyondTheDocumentedBoundsAreProblems() {
        var c = TrainingConfig()
        XCTAssertNil(c.problem())
        c.epochs = 1_000_000
        XCTAssertEqual(c.problem(), "epochs must be a whole number in [1, 10000], got 1000000")
        c = TrainingConfig()
        c.learningRate = 1e-300
        XCTAssertEqual(c.problem(), "learning rate must be a number in [1e-12, 10], got 1e-300")
        c = TrainingConfig()
        c.threads = 100_000
        XCTAssertEqual(c.problem(), "threads must be a whole number in [1, 256], got 100000")
    }
}
