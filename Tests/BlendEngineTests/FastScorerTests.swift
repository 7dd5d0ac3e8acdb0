import XCTest
import BlendCore
@testable import BlendEngine

/// The fast sweep must pick the very cell and metrics the reference search picks, or
/// cross-validation would keep different epochs depending on the scorer.
final class FastScorerTests: XCTestCase {
    /// Probabilities that exercise the rule's corners: exact ties between classes, zeros,
    /// values on grid points, and a neutral top class.
    private func awkwardClips(count: Int, seed: UInt64) -> ScoredClips {
        var random = SeededRandom(seed: seed)
        let labels = SyntheticData.labels
        var clips: [ClipInfo] = []
        var p: [Double] = []
        for i in 0..<count {
            var row = (0..<Emotion.count).map { _ in Double(random.nextIndex(below: 20)) * 0.05 }
            if i % 5 == 0 { row[2] = row[0] }
            if i % 7 == 0 { row[5] = 0.95 }
            let sum = row.reduce(0, +)
            row = sum == 0 ? [1, 0, 0, 0, 0, 0] : row.map { $0 / sum }
            p.append(contentsOf: row)
            clips.append(ClipInfo(name: "c\(i)", actor: "A\(i % 4)", split: .train, fold: i % 3,
                                  label: labels[random.nextIndex(below: labels.count)]))
        }
        return ScoredClips(clips: clips, probabilities: p)
    }

    func testSweepChoosesWhatTheNaiveSearchChooses() {
        for seed in 0..<20 as Range<UInt64> {
            let clips = awkwardClips(count: 40 + Int(seed) * 3, seed: seed)
            XCTAssertEqual(ThresholdSearch.sweep(clips), ThresholdSearch.best(clips), "seed \(seed)")
        }
    }

    /// Every epoch of a run: the curves, the kept epochs and the probabilities are the same
    /// whichever scorer chose the thresholds.
    func testCrossValidationIsIdenticalWithEitherScorer() throws {
        let data = SyntheticData.make()
        let config = TrainingConfig(architecture: .mlp256, epochs: 5, batchSize: 8, learningRate: 0.01,
                                    dropout: 0.1, patience: 0, seed: 7)
        let naive = try CrossValidation.run(data, config: config, scorer: ThresholdSearch.naiveOfficial)
        let fast = try CrossValidation.run(data, config: config)
        XCTAssertEqual(fast.folds.flatMap(\.curve).count, 15)
        XCTAssertEqual(fast, naive)
    }
}
