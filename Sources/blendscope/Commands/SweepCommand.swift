import ArgumentParser
import BlendApp
import BlendCore
import BlendReport

/// `--grid official` (the challenge's 20×20) or a step such as `0.01` (0–1 inclusive).
enum GridChoice: ExpressibleByArgument, CustomStringConvertible {
    case official
    case step(Double)

    init?(argument: String) {
        if argument == "official" { self = .official; return }
        // Any number parses, so that `validate` can name the allowed range.
        guard let step = Double(argument) else { return nil }
        self = .step(step)
    }

    /// A usage error unless the step lies in `UserLimits.gridStep`.
    func validate(_ option: String = "--grid") throws {
        guard case .step(let s) = self, !UserLimits.gridStep.admits(s) else { return }
        throw ValidationError("\(option) must be official or a step in \(UserLimits.gridStep.rangeText), got \(s.limitText)")
    }

    var grid: ThresholdGrid {
        switch self {
        case .official: .official
        case .step(let s): .regular(step: s)
        }
    }

    var description: String {
        switch self {
        case .official: "official"
        case .step(let s): "step \(s)"
        }
    }
}

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Search the α × β grid for the best Score, overall or per fold/actor.",
        discussion: HelpText.reflow("""
            blendscope sweep demo.sqlite --encoder HiCMAE
            blendscope sweep demo.sqlite --encoder HiCMAE --grid 0.01 --split train --by fold
            The official grid is the challenge's linspace(0.05, 0.95, 20) for both α and β,
            α outer, β inner, first maximum of Score wins.
            """))

    @OptionGroup var target: ProjectOptions
    @OptionGroup var source: SourceOptions

    @Option(help: "official (20×20, the challenge's) or a step such as 0.01 (a 0–1 grid).")
    var grid: GridChoice = .official

    @OptionGroup var scope: ScopeOptions

    @Option(help: "One row per group: split, fold or actor.")
    var by: ClipGrouping?

    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try grid.validate()
    }

    struct Header: Encodable {
        let source: String
        let scope: String
        let grid: String
        /// The best ACC_P and the best ACC_S anywhere on the grid, each on its own.
        let presenceOnly: Double
        let salienceOnly: Double
        /// One row per group (`--by`), from the same report rows as the text table.
        let groups: ReportRowsJSON?
        /// Unlabelled test clips the scope held and left out (absent when none).
        let unlabelled: Int?
    }

    /// The bootstrap of the best cell: its interval, the intervals of α* and β* over replicates
    /// that redo the search, and the plateau of β within one standard error of the best Score
    /// (the last four absent on a grid finer than `researchLimit`).
    struct Bootstrap: Encodable {
        let ci: CIView
        let alphaCi: Interval?
        let betaCi: Interval?
        let betaPlateau: Interval?
        let scoreStandardError: Double?
    }

    /// The largest grid whose search is redone in every replicate (see `ThresholdGrid.researchLimit`).
    static let researchLimit = ThresholdGrid.researchLimit

    typealias Report = Flat<Flat<Header, CellView>, Bootstrap>

    func run() throws {
        let session = try target.session()
        let ref = try source.source(in: session)
        let outcome = try session.sweep(ref, in: scope.selection, grid: grid.grid, by: by, settings: uncertainty.settings)
        let (left, result) = (outcome.unlabelled, outcome.result)
        let settings = uncertainty.settings
        let groups = outcome.groups.map { groups in
            AnalysisTables.bestCells(zip(groups, outcome.groupIntervals ?? []).map { g, ci in
                BestCellRow(labels: [g.scope.description], cell: g.best, intervals: ci, resampled: by == .actor ? "clips" : "actors")
            }, labels: ["group"], name: "sweep_groups", title: "Best cell per \(by?.rawValue ?? "group") of \(ref)")
        }
        let overall = CellView(result.best), m = overall.metrics
        let header = Header(source: ref.description, scope: scope.description, grid: grid.description,
                            presenceOnly: result.bestPresence.metrics.accPresence,
                            salienceOnly: result.bestSalience.metrics.accSalience,
                            groups: groups.map { ReportRowsJSON($0, ci: settings, ciColumns: ["resampled", "units"]) },
                            unlabelled: Output.unlabelledField(left))
        let (boot, b) = (outcome.bootstrap, outcome.intervals)
        let report = Report(Flat(header, overall), Bootstrap(ci: CIView(b), alphaCi: boot?.alphaInterval, betaCi: boot?.betaInterval,
                                                             betaPlateau: boot?.betaPlateau, scoreStandardError: boot?.scoreStandardError))
        if output.json { return try Output.json(report) }
        Output.line("\(ref) · \(scope.description) · \(grid) grid · \(m.clips) clips, \(m.blends) blends, \(b.units) actors")
        Output.line("best α \(Output.threshold(overall.alpha))  β \(Output.threshold(overall.beta))   ACC_P \(Output.rateCI(m.accPresence, b.accPresence))  ACC_S \(Output.rateCI(m.accSalience, b.accSalience))  Score \(Output.rateCI(m.score, b.score))")
        if let boot {
            Output.line("re-searched in every replicate: α* in [\(Output.threshold(boot.alphaInterval.lo)), \(Output.threshold(boot.alphaInterval.hi))]"
                        + "  β* in [\(Output.threshold(boot.betaInterval.lo)), \(Output.threshold(boot.betaInterval.hi))]"
                        + "  β plateau at α* [\(Output.threshold(boot.betaPlateau.lo)), \(Output.threshold(boot.betaPlateau.hi))]"
                        + " (Score within one SE, \(Output.rate(boot.scoreStandardError)), of the best)")
        } else {
            Output.line("intervals at the best cell's fixed thresholds: α* and β* are re-searched in every replicate on grids "
                        + "up to 101 × 101 (a step of 0.01), not on this one")
        }
        Output.line(Output.intervalNote(b))
        Output.line("best on its own: ACC_P \(Output.rate(header.presenceOnly))  ACC_S \(Output.rate(header.salienceOnly))")
        Output.unlabelledNote(left)
        if let groups, let by {
            Output.line()
            // The report's rows under the headers sweep --by has always printed, intervals folded in.
            // The n each interval rests on: the group's actors (an actor's own clips by actor).
            let n = by == .actor ? [] : [ViewColumn("units", "actors")]
            Output.line(TextTable.render(groups.projected([
                ViewColumn("group", by.rawValue), ViewColumn("clips", "clips"), ViewColumn("blends", "blends"),
            ] + n + [
                ViewColumn("alpha", "α*"), ViewColumn("beta", "β*"), ViewColumn("acc_presence", "ACC_P"),
                ViewColumn("acc_salience", "ACC_S"), ViewColumn("score", "Score"),
            ])))
            Output.line("\(Output.percent(settings.level)) intervals at each group's own best α/β: \(settings.replicates) bootstrap "
                        + "replicates of the group's \(by == .actor ? "clips" : "actors"), seed \(settings.seed)")
        }
    }
}

extension ClipGrouping: ExpressibleByArgument {}
