import XCTest
@testable import BlendEngine

/// What a training job reports, the same for `blendscope train` and the TUI: the progress
/// line, the log line per epoch and the live figures.
final class TrainingJobTests: XCTestCase {
    private func progress(_ stage: TrainingProgress.Stage, score: Double?) -> TrainingProgress {
        TrainingProgress(stage: stage, stageIndex: 3, stageCount: 6, epoch: 14, epochs: 100, trainLoss: 0.91234,
                         validationLoss: score.map { _ in 1.03125 }, validationScore: score, elapsedSeconds: 20,
                         remainingSeconds: 65.4, fractionDone: 0.4)
    }

    func testAFoldEpoch() {
        let p = progress(.fold(id: 2), score: 0.271)
        XCTAssertEqual(TrainingJob.message(p), "fold 2 (3/6) · epoch 14/100 · loss 0.9123")
        XCTAssertEqual(TrainingJob.logLine(p), "fold 2 (3/6) epoch 14/100: loss 0.9123, validation loss 1.0312, Score 0.2710")
        XCTAssertEqual(TrainingJob.metrics(p).figures, ["loss": 0.91234, "epoch": 14, "stage": 3, "eta_seconds": 65.4, "score": 0.271,
                                                "validation_loss": 1.03125])
    }

    func testTheFinalModelHasNoValidation() {
        let p = progress(.final, score: nil)
        XCTAssertEqual(TrainingJob.logLine(p), "final model (3/6) epoch 14/100: loss 0.9123")
        XCTAssertNil(TrainingJob.metrics(p).score)
        XCTAssertEqual(TrainingJob.duration(42.4), "42s")
        XCTAssertEqual(TrainingJob.duration(.infinity), "0s")
    }
}
