import BlendStore
import Foundation

/// A training run as a project job, the same for every front end (`blendscope train`, the
/// TUI's Jobs screen): the job's kind and recorded settings, the progress line and live
/// figures it reports, and the work itself.
public enum TrainingJob {
    /// The kind every training job is recorded with.
    public static let kind = "train"

    /// The job's `config`: the trained encoder's stored configuration as compact JSON with
    /// snake_case keys.
    public static func config(_ prepared: PreparedTraining) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(prepared.stored), as: UTF8.self)
    }

    /// Cross-validates `prepared` inside a job, reporting progress and figures to `context`,
    /// logging one line per epoch, and stopping at its cancellation.
    public static func work(_ prepared: PreparedTraining, in store: ProjectStore) -> @Sendable (JobContext) throws -> TrainingOutcome {
        { context in
            let outcome = try ProjectTraining.run(prepared, in: store, progress: { p in
                context.report(p.fractionDone, message(p), metrics: metrics(p))
                context.log(logLine(p))
            }, isCancelled: { context.isCancelled })
            let run = outcome.run
            context.log("stored '\(run.encoder)': out of fold α \(String(format: "%.4f", run.thresholds.alpha)) β \(String(format: "%.4f", run.thresholds.beta)) ACC_P \(String(format: "%.3f", run.accPresence)) ACC_S \(String(format: "%.3f", run.accSalience)) Score \(String(format: "%.3f", run.score))")
            return outcome
        }
    }

    /// `fold 2 (2/5) epoch 14/100: loss 0.9120, validation loss 1.0312, Score 0.2710`.
    public static func logLine(_ p: TrainingProgress) -> String {
        let stage: String
        switch p.stage {
        case .fold(let id): stage = "fold \(id) (\(p.stageIndex)/\(p.stageCount))"
        case .final: stage = "final model (\(p.stageIndex)/\(p.stageCount))"
        }
        var line = "\(stage) epoch \(p.epoch)/\(p.epochs): loss \(String(format: "%.4f", p.trainLoss))"
        if let l = p.validationLoss { line += ", validation loss \(String(format: "%.4f", l))" }
        if let s = p.validationScore { line += ", Score \(String(format: "%.4f", s))" }
        return line
    }

    /// `fold 2 (2/5) · epoch 14/100 · loss 0.9120`. The time left is the `eta_seconds` figure,
    /// shown once by `jobs` and the Jobs screen, not repeated in the message.
    public static func message(_ p: TrainingProgress) -> String {
        let stage: String
        switch p.stage {
        case .fold(let id): stage = "fold \(id) (\(p.stageIndex)/\(p.stageCount))"
        case .final: stage = "final model (\(p.stageIndex)/\(p.stageCount))"
        }
        return "\(stage) · epoch \(p.epoch)/\(p.epochs) · loss \(String(format: "%.4f", p.trainLoss))"
    }

    /// The live figures: `loss`, `epoch`, `stage`, `eta_seconds`, and `score` and
    /// `validation_loss` while a fold is validated.
    public static func metrics(_ p: TrainingProgress) -> JobMetrics {
        var m: JobMetrics = [.loss: p.trainLoss, .epoch: Double(p.epoch), .stage: Double(p.stageIndex),
                             .etaSeconds: p.remainingSeconds]
        if let s = p.validationScore { m[.score] = s }
        if let l = p.validationLoss { m[.validationLoss] = l }
        return m
    }

    /// `45s`, `1m 05s`.
    public static func duration(_ seconds: Double) -> String {
        let s = seconds.isFinite ? max(0, Int(seconds.rounded())) : 0
        return s >= 60 ? "\(s / 60)m \(String(format: "%02d", s % 60))s" : "\(s)s"
    }
}
