import ArgumentParser
import BlendApp
import BlendCore
import BlendReport

struct FoldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folds",
        abstract: "Per-fold best thresholds, their spread, and the honest (nested) Score beside the optimistic one.",
        discussion: HelpText.reflow("""
            blendscope folds demo.sqlite --encoder HiCMAE
            blendscope folds demo.sqlite --fusion greedy-12 --grid 0.01 --json
            Each training fold's own best α/β and Score (thresholds tuned on the clips they score:
            optimistic); the fold scored at the α/β chosen on the other folds (honest); the gap
            between their means; and the challenge baseline's habit of applying the single best
            fold's thresholds to every fold. Test clips take no part.
            """))

    @OptionGroup var target: ProjectOptions
    @OptionGroup var source: SourceOptions

    @Option(help: "official (20×20, the challenge's) or a step such as 0.01 (a 0–1 grid).")
    var grid: GridChoice = .official

    @Flag(help: "Test whether the folds' best β spread more than random folds of the same sizes give.")
    var test = false

    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try grid.validate()
        // The test re-searches every fold's grid once per permutation (see SweepCommand.researchLimit).
        if test, grid.grid.alphas.count * grid.grid.betas.count > SweepCommand.researchLimit {
            throw ValidationError("--test re-searches each fold's grid in every permutation: use the official grid or a step of at least 0.01")
        }
    }

    /// The folds report's rows (without its mean row) as `--json` has always nested them: each
    /// fold's own best cell, the cell chosen on the other folds, the honest and the baseline
    /// metrics, and two `ci` objects — the fold's actors resampled at its own best cell, and at
    /// the thresholds chosen on the others (held fixed: the replicate does not redo the choice).
    /// The counts and the rates the report leaves out stand beside the columns.
    static func rowsJSON(_ table: ExportTable, report r: FoldReport, intervals: FoldIntervals) -> ReportRowsJSON {
        typealias Extra = ReportRowsJSON.Extra
        func counts(_ m: Metrics) -> [String: Extra] { ["clips": .value(.integer(m.clips)), "blends": .value(.integer(m.blends))] }
        func rates(_ m: Metrics, _ keys: [String]) -> [String: Extra] {
            let all: [String: Double] = ["acc_presence": m.accPresence, "acc_salience": m.accSalience, "score": m.score]
            return all.filter { keys.contains($0.key) }.mapValues { .value(.number($0)) }
        }
        let extras = r.folds.indices.map { i -> ReportRowsJSON.RowExtras in
            let f = r.folds[i], honest = intervals.honest[i]
            return ReportRowsJSON.RowExtras(fields: ["fold": .value(.integer(f.fold))], groups: [
                "own": counts(f.own.metrics),
                "chosen_on_others": counts(f.chosenOnOthers.metrics)
                    .merging(rates(f.chosenOnOthers.metrics, ["acc_presence", "acc_salience", "score"])) { a, _ in a },
                "honest": counts(f.honest),
                "baseline": counts(f.baseline).merging(rates(f.baseline, ["acc_presence", "acc_salience"])) { a, _ in a },
                "honest_ci": ["acc_presence": .encoded(honest.accPresence), "acc_salience": .encoded(honest.accSalience)],
            ])
        }
        // Both intervals resample the same actors, the fold's own (`units`).
        return ReportRowsJSON(table.prefix(r.folds.count), .init(
            ci: intervals.settings, ciExtras: ["resampled": .text("actors")], ciColumns: ["actors"],
            renaming: ["actors": "units"], extras: extras, groups: [
                .init("own", same: ["alpha", "beta", "acc_presence", "acc_salience", "score"]),
                .init("chosen_on_others", ["chosen_alpha": "alpha", "chosen_beta": "beta"]),
                .init("honest", ["honest_acc_presence": "acc_presence", "honest_acc_salience": "acc_salience",
                                 "honest_score": "score"]),
                .init("baseline", ["baseline_score": "score"]),
                .init("honest_ci", ["honest_score": "score"], ci: true),
            ]))
    }

    struct TestView: Encodable {
        let statistic: Double
        let foldBetas: [Double]
        let pValue: Double
        let permutations: Int
        let sentence: String
    }

    struct Report: Encodable {
        let source: String
        let grid: String
        let folds: ReportRowsJSON
        let alphaSpread: Spread
        let betaSpread: Spread
        let scoreSpread: Spread
        let optimisticScore: Double
        let honestScore: Double
        let gap: Double
        let baselineFold: Int
        let baselineAlpha: Double
        let baselineBeta: Double
        let baselineScore: Double
        /// Unlabelled test clips of the project, never in a fold (absent when none).
        let unlabelled: Int?
        /// The mean honest Score with each fold's actors resampled within the fold.
        let honestScoreCi: Interval
        let test: TestView?
    }

    func run() throws {
        let session = try target.session()
        let ref = try source.source(in: session)
        let settings = uncertainty.settings
        let outcome = try session.folds(ref, grid: grid.grid, test: test, settings: settings)
        let (r, intervals) = (outcome.report, outcome.intervals)
        // One report for the text table, the JSON rows and `export folds`.
        let table = AnalysisTables.folds(r, source: ref.description, intervals: intervals)
        let testView = test ? outcome.test.map {
            TestView(statistic: $0.statistic, foldBetas: $0.foldBetas, pValue: $0.pValue, permutations: $0.permutations,
                     sentence: $0.sentence)
        } : nil
        let report = Report(
            source: ref.description, grid: grid.description,
            folds: Self.rowsJSON(table, report: r, intervals: intervals),
            alphaSpread: r.alphaSpread, betaSpread: r.betaSpread, scoreSpread: r.scoreSpread,
            optimisticScore: r.optimisticScore, honestScore: r.honestScore, gap: r.gap, baselineFold: r.baselineFold,
            baselineAlpha: r.baselineThresholds.alpha, baselineBeta: r.baselineThresholds.beta, baselineScore: r.baselineScore,
            unlabelled: Output.unlabelledField(outcome.unlabelled),
            honestScoreCi: intervals.honestScore, test: testView)
        if output.json { return try Output.json(report) }

        let th = Output.threshold, rate = Output.rate
        Output.line("\(ref) · \(grid) grid · \(r.folds.count) folds, \(r.folds.reduce(0) { $0 + $1.clips }) training clips")
        Output.unlabelledNote(report.unlabelled ?? 0)
        // The export's rows without their mean row, under the headers folds has always printed.
        let text = table.projected([
            "fold": "fold", "clips": "clips", "actors": "actors", "alpha": "α*", "beta": "β*",
            "acc_presence": "ACC_P", "acc_salience": "ACC_S", "score": "Score",
            "chosen_alpha": "α others", "chosen_beta": "β others", "honest_score": "honest", "baseline_score": "baseline",
        ], rows: 0..<r.folds.count)
        Output.line(TextTable.render(text))
        Output.line()
        func spread(_ s: Spread, _ f: (Double) -> String) -> String { "\(f(s.min))–\(f(s.max)) (sd \(f(s.standardDeviation)))" }
        Output.line("spread of the folds' own best:  α \(spread(r.alphaSpread, th))   β \(spread(r.betaSpread, th))   Score \(spread(r.scoreSpread, rate))")
        Output.line("optimistic  Score \(rate(r.optimisticScore))  thresholds tuned on each fold's own clips")
        Output.line("honest      Score \(Output.rateCI(r.honestScore, report.honestScoreCi))  thresholds chosen on the other folds (gap \(rate(r.gap)))")
        Output.line("baseline    Score \(rate(r.baselineScore))  fold \(r.baselineFold)'s α \(th(r.baselineThresholds.alpha)) β \(th(r.baselineThresholds.beta)) on every fold")
        Output.line("\(Output.percent(settings.level)) intervals: \(settings.replicates) bootstrap replicates of each fold's actors, seed \(settings.seed); thresholds held fixed")
        if test {
            Output.line()
            Output.line(testView.map { "Fold test (\($0.permutations) permutations): \($0.sentence)." }
                        ?? "Fold test: fewer than two training folds.")
        }
    }
}
