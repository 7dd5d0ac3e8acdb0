import ArgumentParser
import BlendApp
import BlendCore
import BlendReport
import BlendTUI
import Foundation

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a project: its clips, encoders and how each one scores.",
        discussion: HelpText.reflow("""
            blendscope demo/demo.sqlite   (the same as `blendscope open demo/demo.sqlite`)
            On a terminal this opens the workbench; piped, or with --json, it prints the overview.
            """))

    @OptionGroup var target: ProjectOptions
    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Theme: a built-in name (dark, light, high-contrast, 16-colour), a user theme name or a TOML path.")
    var theme: String = ThemeLoader.defaultName

    @Option(help: "Colours: auto, truecolor, 256, 16, 8 or none.")
    var color: String = "auto"

    @Option(help: "Key map file (TOML); by default ~/.config/blendscope/keys.toml if it exists.")
    var keys: String?

    @Option(help: "The clip's picture: kitty, sixel, iterm, cells (sextants), half, quad, sextant or octant; by default video.graphics in ~/.config/blendscope/config.toml, else asked of the terminal.")
    var graphics: String?

    func validate() throws {
        if let graphics, VideoGraphics(name: graphics) == nil {
            throw ValidationError("--graphics must be one of \(VideoGraphics.names.joined(separator: ", ")) (not \(graphics))")
        }
        if color != "auto" && ColorMode(name: color) == nil {
            throw ValidationError("--color must be auto, truecolor, 256, 16, 8 or none (not \(color))")
        }
    }

    struct EncoderRow: Encodable {
        let name: String
        let modality: String
        let source: String
        let clips: Int
        /// `{"group": "train", "alpha": …, "score": …, "ci": {…}}`: the encoder's row of the report.
        let best: ReportRowsJSON.Row
    }

    struct Report: Encodable {
        let project: String
        let clips: Int
        let train: Int
        let test: Int
        let actors: Int
        let folds: [Int]
        let current: EvalCommand.Report?
        let encoders: [EncoderRow]
        /// Unlabelled test clips (not in `clips`, never scored; absent when none).
        let unlabelled: Int?
    }

    func run() throws {
        // The workbench only where a person is looking; scripts and pipes get the text.
        if !output.json && isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 {
            _ = try target.session()
            let options = TUIApp.Options(theme: theme, colorMode: color == "auto" ? nil : ColorMode(name: color), keysFile: keys,
                                          graphics: graphics.flatMap(VideoGraphics.init(name:)))
            return try TUIApp.runWorkbench(path: target.project, options)
        }
        let session = try target.session()
        let overview = try session.overview()
        let (clips, unlabelled, folds) = (overview.clips, overview.unlabelled, overview.folds)

        // Each encoder at its own best thresholds on the official grid, over the training split
        // (the challenge's cross-validation setting).
        let bootstrap = uncertainty.settings
        let intervals = try session.intervals(of: overview.encoders, settings: bootstrap)
        let table = ProjectSession.encodersAtOwnBestTable(overview.encoders, intervals: intervals, labelledClips: clips.count)
        let rows = ReportRowsJSON(table, ci: bootstrap, omitting: AnalysisTables.encodersAtOwnBestDescriptive,
                                  ciColumns: ["resampled", "units"])
        let encoders = overview.encoders.enumerated().map { i, b in
            let e = b.encoder
            return EncoderRow(name: e.name, modality: e.modality.rawValue, source: e.source.rawValue,
                              clips: e.probabilityCount, best: rows.row(i))
        }
        let current: EvalCommand.Report? = overview.currentTarget.flatMap { t in
            overview.current.map { m in
                EvalCommand.Report(EvalCommand.Header(source: t.source.description, scope: "all", unlabelled: Output.unlabelledField(unlabelled),
                                                      thresholdsFrom: t.thresholdOrigin.label),
                                   CellView(t.thresholds, m))
            }
        }
        let report = Report(project: target.project, clips: clips.count,
                            train: clips.count { $0.split == .train }, test: clips.count { $0.split == .test },
                            actors: Set(clips.map(\.actor)).count, folds: folds, current: current, encoders: encoders,
                            unlabelled: Output.unlabelledField(unlabelled))
        if output.json { return try Output.json(report) }

        Output.line("\(report.project): \(report.clips) clips (train \(report.train) in folds \(folds.map(String.init).joined(separator: "/")), test \(report.test)\(unlabelled > 0 ? " + \(unlabelled) unlabelled" : "")), \(report.actors) actors, \(encoders.count) encoders")
        if let c = current {
            let m = c.body.metrics
            Output.line("current \(c.head.source) at α \(Output.threshold(c.body.alpha)) β \(Output.threshold(c.body.beta))\(overview.currentTarget.map { " · \($0.thresholdOrigin.label)" } ?? ""): ACC_P \(Output.rate(m.accPresence))  ACC_S \(Output.rate(m.accSalience))  Score \(Output.rate(m.score))")
        }
        Output.line()
        Output.line("Encoders at their own best thresholds (official grid, training split):")
        // Intervals beside the n they rest on (the training split's actors), when there are any.
        let n = encoders.isEmpty ? [] : [ViewColumn("units", "actors")]
        Output.line(TextTable.render(table.projected([
            ViewColumn("encoder", "encoder"), ViewColumn("modality", "modality"), ViewColumn("source", "source"),
        ] + n + [
            ViewColumn("alpha", "α*"), ViewColumn("beta", "β*"), ViewColumn("acc_presence", "ACC_P"),
            ViewColumn("acc_salience", "ACC_S"), ViewColumn("score", "Score"),
        ])))
        if !encoders.isEmpty {
            Output.line("\(Output.percent(bootstrap.level)) intervals at each encoder's own best α/β: \(bootstrap.replicates) bootstrap "
                        + "replicates of the training split's actors, seed \(bootstrap.seed)")
        }
    }
}
