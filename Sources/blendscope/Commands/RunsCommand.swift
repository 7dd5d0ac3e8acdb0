import ArgumentParser
import BlendApp
import BlendCore

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List training runs, show one's curves, or delete a trained encoder.",
        discussion: HelpText.reflow("""
            blendscope runs demo.sqlite
            blendscope runs demo.sqlite --show face-mlp512
            blendscope runs demo.sqlite --delete face-mlp512
            A trained encoder owns its probabilities, curves and model weights; deleting it
            removes them all at once (refused while a saved fusion uses it). To run one again
            with its stored settings: `blendscope train PROJECT --rerun NAME`.
            """))

    @OptionGroup var target: ProjectOptions

    @Option(help: "Print this trained encoder's settings and per-fold curves.")
    var show: String?

    @Option(help: "Delete this trained encoder with everything it owns.")
    var delete: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if show != nil && delete != nil { throw ValidationError("give --show or --delete, not both") }
    }

    struct Detail: Encodable {
        let run: TrainingRunInfo
        let curves: [TrainingEpoch]
    }

    struct Deleted: Encodable {
        let deleted: String
    }

    func run() throws {
        let session = try target.session()
        if let delete {
            try session.deleteTrainedEncoder(delete)
            if output.json { return try Output.json(Deleted(deleted: delete)) }
            return Output.line("deleted trained encoder '\(delete)' with its probabilities, curves and models")
        }
        if let show {
            let (run, curves) = try session.trainingRun(show)
            let detail = Detail(run: run, curves: curves)
            if output.json { return try Output.json(detail) }
            return Self.print(detail)
        }
        let runs = try session.trainingRuns()
        if output.json { return try Output.json(runs) }
        if runs.isEmpty { return Output.line("no training runs (train one with `blendscope train`)") }
        Output.line(Output.table(
            ["encoder", "features", "dim", "train", "test", "α", "β", "ACC_P", "ACC_S", "Score", "seconds"],
            runs.map { r in
                [r.encoder, r.featureSource, String(r.featureDimension), String(r.trainClips), String(r.testClips),
                 Output.threshold(r.thresholds.alpha), Output.threshold(r.thresholds.beta), Output.rate(r.accPresence),
                 Output.rate(r.accSalience), Output.rate(r.score), String(format: "%.1f", r.seconds)]
            }, rightAligned: Set(2...10)))
    }

    private static func print(_ detail: Detail) {
        let r = detail.run
        Output.line("\(r.encoder): trained on '\(r.featureSource)' (\(r.featureDimension) features), \(r.trainClips) training and \(r.testClips) test clips, \(String(format: "%.1f", r.seconds)) s")
        Output.line("settings: \(r.config)")
        Output.line("out of fold: α \(Output.threshold(r.thresholds.alpha))  β \(Output.threshold(r.thresholds.beta))   ACC_P \(Output.rate(r.accPresence))  ACC_S \(Output.rate(r.accSalience))  Score \(Output.rate(r.score))")
        let format = { (x: Double?) in x.map { String(format: "%.4f", $0) } ?? "" }
        Output.line(Output.table(
            ["stage", "epoch", "train loss", "val loss", "ACC_P", "ACC_S", "Score", "α", "β"],
            detail.curves.map { e in
                [e.stage.description, String(e.epoch), format(e.trainLoss), format(e.validationLoss),
                 e.accPresence.map(Output.rate) ?? "", e.accSalience.map(Output.rate) ?? "", e.score.map(Output.rate) ?? "",
                 e.thresholds.map { Output.threshold($0.alpha) } ?? "", e.thresholds.map { Output.threshold($0.beta) } ?? ""]
            }, rightAligned: Set(1...8)))
    }
}
