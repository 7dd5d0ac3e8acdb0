import ArgumentParser
import BlendApp
import BlendCore
import Foundation

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Retrain an encoder's head on its features with actor-disjoint cross-validation.",
        discussion: HelpText.reflow("""
            blendscope train demo.sqlite --encoder wav2vec2 --model mlp1024 --epochs 100 --patience 10
            blendscope train demo.sqlite --encoder face --features face-clip --as face-clip-mlp512
            blendscope train demo.sqlite --rerun wav2vec2-mlp1024 --as wav2vec2-again
            Features are standardised per fold on the training folds only; each training clip's
            probabilities come from the model that never saw its actor; test clips from a model
            trained on all folds (--test full) or the fold models' mean (--test average). The
            result is a new encoder (source: trained) usable everywhere (eval, sweep, fuse).
            Runs as a job (see `blendscope jobs`); Ctrl-C or `blendscope cancel` stops it and
            nothing is saved. Same settings, seed and --threads give the same bits.
            """))

    @OptionGroup var target: ProjectOptions

    @Option(help: "The encoder to retrain (its features unless --features).")
    var encoder: String?

    @Option(help: "Train on this encoder's features instead.")
    var features: String?

    @Option(help: "Repeat the stored settings of this trained encoder (other options override them).")
    var rerun: String?

    @Option(help: "linear, mlp256, mlp512 or mlp1024 (the reference 1024→512 head with batch norm).")
    var model: Architecture?

    @Option(help: "Maximum epochs per fold (default 100).")
    var epochs: Int?

    @Option(help: "Batch size (default 32).")
    var batch: Int?

    @Option(help: "Adam learning rate (default 5e-4).")
    var lr: Double?

    @Option(help: "L2 weight decay (default 1e-4).")
    var weightDecay: Double?

    @Option(help: "Dropout probability (default 0.3).")
    var dropout: Double?

    @Option(help: "Epochs without improvement before a fold stops; 0 trains every epoch (default 10).")
    var patience: Int?

    @Option(help: "Seed for weights, batch order and dropout (default 0).")
    var seed: UInt64?

    @Option(help: "What picks a fold's best epoch: score (validation Score) or loss (default score).")
    var earlyStop: EarlyStopCriterion?

    @Option(help: "Test split from the model trained on all folds (full) or the fold models' mean (average).")
    var test: TestPrediction?

    @Option(help: "OpenBLAS threads (default: OpenBLAS's own choice, recorded with the run).")
    var threads: Int?

    @Option(name: .customLong("as"), help: "Name of the trained encoder (default ENCODER-MODEL).")
    var name: String?

    @Flag(help: "Replace a trained encoder of the same name.")
    var replace = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if (encoder == nil) == (rerun == nil) { throw ValidationError("give --encoder NAME, or --rerun TRAINED-NAME") }
        for (subject, value) in [("--encoder", encoder), ("--as", name)] {
            guard let value else { continue }
            do { try TextRules.check(value, as: subject) } catch { throw ValidationError(error.description) }
        }
        try UserLimits.epochs.validate(epochs, "--epochs")
        try UserLimits.batchSize.validate(batch, "--batch")
        try UserLimits.learningRate.validate(lr, "--lr")
        try UserLimits.weightDecay.validate(weightDecay, "--weight-decay")
        try UserLimits.dropout.validate(dropout, "--dropout")
        try UserLimits.patience.validate(patience, "--patience")
        try UserLimits.threads.validate(threads, "--threads")
    }

    /// `--json`'s result line.
    struct Result: Encodable {
        let encoder: String
        let run: TrainingRunInfo
        let folds: [FoldSummary]
        let finalEpochs: Int?
    }

    struct FoldSummary: Encodable {
        let fold: Int
        let bestEpoch: Int
        let epochsRun: Int
        let score: Double
        let validationLoss: Double
    }

    func run() throws {
        let session = try target.session()
        // Everything that can be refused is checked before a job is recorded.
        let plan = try session.planTraining(encoder: encoder, rerun: rerun, features: features, name: name, replace: replace,
                                            configure: { apply(to: &$0) })
        let (job, outcome) = try JobConsole.run(session, plan.job, json: output.json)
        let result = Result(encoder: outcome.run.encoder, run: outcome.run, folds: outcome.result.folds.map {
            FoldSummary(fold: $0.fold, bestEpoch: $0.bestEpoch, epochsRun: $0.epochsRun, score: $0.best.score,
                        validationLoss: $0.best.validationLoss)
        }, finalEpochs: outcome.result.finalEpochs)
        if output.json { return try Output.jsonLine(JobConsole.ResultLine(job: job, result: result)) }
        print(result, job: job)
    }

    /// The options given, over the request's settings (defaults or a stored run's).
    private func apply(to c: inout TrainingConfig) {
        if let model { c.architecture = model }
        if let epochs { c.epochs = epochs }
        if let batch { c.batchSize = batch }
        if let lr { c.learningRate = lr }
        if let weightDecay { c.weightDecay = weightDecay }
        if let dropout { c.dropout = dropout }
        if let patience { c.patience = patience }
        if let seed { c.seed = seed }
        if let earlyStop { c.earlyStopping = earlyStop }
        if let test { c.testPrediction = test }
        if let threads { c.threads = threads }
    }

    private func print(_ r: Result, job: Int64) {
        let run = r.run
        Output.line("trained '\(run.encoder)' on '\(run.featureSource)' (\(run.featureDimension) features) in \(String(format: "%.1f", run.seconds)) s (job \(job))")
        Output.line(Output.table(["fold", "best epoch", "epochs run", "val Score", "val loss"], r.folds.map {
            [String($0.fold), String($0.bestEpoch), String($0.epochsRun), Output.rate($0.score), String(format: "%.4f", $0.validationLoss)]
        }, rightAligned: Set(0...4)))
        if let e = r.finalEpochs { Output.line("test split: model trained on all folds for \(e) epochs") }
        Output.line("out of fold (\(run.trainClips) clips): α \(Output.threshold(run.thresholds.alpha))  β \(Output.threshold(run.thresholds.beta))   ACC_P \(Output.rate(run.accPresence))  ACC_S \(Output.rate(run.accSalience))  Score \(Output.rate(run.score))")
    }
}

extension Architecture: ExpressibleByArgument {}
extension EarlyStopCriterion: ExpressibleByArgument {}
extension TestPrediction: ExpressibleByArgument {}
