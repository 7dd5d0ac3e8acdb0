import BlendCore

/// Cross-validation as the challenge does it, on plain arrays.
///
/// For each training fold k: standardise with the statistics of the other folds, train on
/// them, validate on k after every epoch (loss, and Score at the α/β the scorer picks),
/// keep the weights of the best epoch by the chosen criterion and stop after `patience`
/// epochs without improvement. Each training clip's probabilities come from the model of
/// its own fold, which never saw it. Test clips are predicted by a model trained on all
/// training folds for the mean best epoch (`full`), or by the mean of the fold models
/// (`average`).
public enum CrossValidation {
    /// Runs the whole procedure. Throws `TrainingError` before any work for bad input, and
    /// `CancellationError` as soon as `isCancelled` (checked before every batch) says so.
    /// `progress` is called after every epoch on the calling thread. The default scorer is
    /// the fast sweep on the official grid (`ThresholdSearch.official`).
    public static func run(_ data: TrainingData, config: TrainingConfig,
                           scorer: ValidationScorer = ThresholdSearch.official,
                           progress: @Sendable (TrainingProgress) -> Void = { _ in },
                           isCancelled: @Sendable () -> Bool = { false }) throws -> CrossValidationResult {
        try data.validate()
        if let problem = config.problem() { throw TrainingError.invalidConfig(problem) }
        let trainRows = data.folds.indices.filter { data.folds[$0] != nil }
        let testRows = data.folds.indices.filter { data.folds[$0] == nil }
        let foldIDs = data.foldIDs
        let minimumRows = config.architecture.usesBatchStatistics ? 2 : 1
        for k in foldIDs where trainRows.count(where: { data.folds[$0] != k }) < minimumRows {
            throw TrainingError.emptyTrainingSet(fold: k)
        }
        if let threads = config.threads { Gemm.setThreads(threads) }

        // Unlabelled clips need the test prediction too, even when no labelled test clip does.
        let unlabelledRows = data.unlabelledRows
        let trainsFinal = config.testPrediction == .full && (!testRows.isEmpty || unlabelledRows > 0)
        var clock = EpochClock(plannedEpochs: config.epochs * (foldIDs.count + (trainsFinal ? 1 : 0)),
                               stageCount: foldIDs.count + (trainsFinal ? 1 : 0))
        let targets = SoftLabel.matrix(data.labels)
        let clips = data.labels.indices.map { i in
            ClipInfo(name: String(i), actor: "", split: data.folds[i] == nil ? .test : .train,
                     fold: data.folds[i], label: data.labels[i])
        }
        var probabilities = [Double](repeating: 0, count: data.rows * Emotion.count)
        var testSum = [Double](repeating: 0, count: testRows.count * Emotion.count)
        var unlabelledSum = [Double](repeating: 0, count: unlabelledRows * Emotion.count)
        var reports: [FoldReport] = []

        for (position, k) in foldIDs.enumerated() {
            let fold = FoldRun(data: data, targets: targets, clips: clips, config: config,
                                   fitRows: trainRows.filter { data.folds[$0] != k },
                                   validationRows: trainRows.filter { data.folds[$0] == k },
                                   seed: SeededRandom.derivedSeed(config.seed, stream: 1000 + UInt64(k)))
            let report = try fold.train(fold: k, scorer: scorer, isCancelled: isCancelled) { record, epochs in
                progress(clock.finishEpoch(stage: .fold(id: k), stageIndex: position + 1, epoch: record.epoch,
                                           epochs: epochs, trainLoss: record.trainLoss,
                                           validationLoss: record.validationLoss, validationScore: record.score))
            }
            clock.forgoEpochs(config.epochs - report.epochsRun)
            fold.copyValidationProbabilities(into: &probabilities)
            if config.testPrediction == .average, !testRows.isEmpty {
                let p = try report.model.predict(features: rowsOf(data, testRows), rows: testRows.count)
                for i in testSum.indices { testSum[i] += p[i] / Double(foldIDs.count) }
            }
            if config.testPrediction == .average, unlabelledRows > 0 {
                let p = try report.model.predict(features: data.unlabelledFeatures, rows: unlabelledRows)
                for i in unlabelledSum.indices { unlabelledSum[i] += p[i] / Double(foldIDs.count) }
            }
            reports.append(report)
        }

        var finalModel: TrainedModel?
        var finalEpochs: Int?
        var finalLosses: [Double] = []
        if trainsFinal {
            let meanBest = Double(reports.reduce(0) { $0 + $1.bestEpoch }) / Double(reports.count)
            let epochs = max(1, Int(meanBest.rounded()))
            clock.forgoEpochs(config.epochs - epochs)
            let final = FinalRun(data: data, targets: targets, config: config, fitRows: trainRows,
                                     seed: SeededRandom.derivedSeed(config.seed, stream: 2000))
            finalLosses = try final.train(epochs: epochs, isCancelled: isCancelled) { epoch, loss in
                progress(clock.finishEpoch(stage: .final, stageIndex: foldIDs.count + 1, epoch: epoch, epochs: epochs,
                                           trainLoss: loss, validationLoss: nil, validationScore: nil))
            }
            let model = final.model()
            if !testRows.isEmpty {
                testSum = try model.predict(features: rowsOf(data, testRows), rows: testRows.count)
            }
            if unlabelledRows > 0 {
                unlabelledSum = try model.predict(features: data.unlabelledFeatures, rows: unlabelledRows)
            }
            finalModel = model
            finalEpochs = epochs
        }
        for (k, r) in testRows.enumerated() {
            for c in 0..<Emotion.count { probabilities[r * Emotion.count + c] = testSum[k * Emotion.count + c] }
        }

        let outOfFold = scorer(ScoredClips(clips: clips, probabilities: probabilities).subset(trainRows))
        return CrossValidationResult(config: config, probabilities: probabilities, folds: reports,
                                     finalModel: finalModel, finalEpochs: finalEpochs, finalTrainLoss: finalLosses,
                                     outOfFold: outOfFold, unlabelledProbabilities: unlabelledSum)
    }

    /// The raw feature rows at `rows`, packed.
    static func rowsOf(_ data: TrainingData, _ rows: [Int]) -> [Float] {
        var out = [Float]()
        out.reserveCapacity(rows.count * data.columns)
        for r in rows { out.append(contentsOf: data.features[(r * data.columns)..<((r + 1) * data.columns)]) }
        return out
    }
}
