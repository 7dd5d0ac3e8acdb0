import BlendCore

/// Turns finished epochs into progress reports with elapsed time and an ETA.
struct EpochClock {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var plannedEpochs: Int
    private var doneEpochs = 0
    let stageCount: Int

    init(plannedEpochs: Int, stageCount: Int) {
        self.plannedEpochs = plannedEpochs
        self.stageCount = stageCount
        start = clock.now
    }

    /// Removes epochs that will not run (a fold stopped early, a shorter final model).
    mutating func forgoEpochs(_ count: Int) { plannedEpochs -= max(count, 0) }

    mutating func finishEpoch(stage: TrainingProgress.Stage, stageIndex: Int, epoch: Int, epochs: Int,
                              trainLoss: Double, validationLoss: Double?, validationScore: Double?) -> TrainingProgress {
        doneEpochs += 1
        let seconds = start.duration(to: clock.now).inSeconds
        let left = max(plannedEpochs - doneEpochs, 0)
        return TrainingProgress(stage: stage, stageIndex: stageIndex, stageCount: stageCount, epoch: epoch,
                                epochs: epochs, trainLoss: trainLoss, validationLoss: validationLoss,
                                validationScore: validationScore, elapsedSeconds: seconds,
                                remainingSeconds: seconds / Double(doneEpochs) * Double(left),
                                fractionDone: plannedEpochs == 0 ? 1 : min(1, Double(doneEpochs) / Double(plannedEpochs)))
    }
}
