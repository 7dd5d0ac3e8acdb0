import ArgumentParser
import BlendApp
import BlendCore
import BlendReport
import Foundation

struct DurationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "durations",
        abstract: "Clips grouped by video duration: label kinds, ACC_P/ACC_S/Score and the best β per bin.",
        discussion: HelpText.reflow("""
            blendscope durations demo.sqlite --encoder HiCMAE
            blendscope durations demo.sqlite --edges 2.5,3.5,4.5 --split train --json
            Needs clip durations, which `blendscope import PROJECT --videos DIR` records. Per bin:
            the share of single, 50/50 and 70/30 clips, ACC_P/ACC_S/Score at --alpha/--beta (default:
            the source's own), the bin's best β at that α (nearest the whole set's on ties),
            the share of found blend pairs whose salience is wrong, the 70/30 blends with the weaker
            emotion on top (the dominant one did not show, e.g. because it comes late) and the median
            top-two margin. Also the correlation of duration and margin, and a one-line finding.
            Clips without a duration are counted apart.
            """))

    @OptionGroup var target: ProjectOptions
    @OptionGroup var source: SourceOptions
    @OptionGroup var binOptions: DurationBinOptions

    @OptionGroup var thresholds: ThresholdOptions

    @Option(help: "The β values searched per bin: official (the challenge's 20) or a step such as 0.01.")
    var grid: GridChoice = .official

    @OptionGroup var scope: ScopeOptions
    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try grid.validate()
    }

    /// The export's `durations` rows as `--json` has always shown them: the keys it used, the
    /// bin's shortest and longest clip and its Score at β*, a share of nothing as 0 (the
    /// report leaves it out), and each bin's actors resampled in `ci` (none for an empty bin).
    static func binsJSON(_ table: ExportTable, report r: DurationReport, intervals: [MetricIntervals?],
                         settings: BootstrapSettings) -> ReportRowsJSON {
        func number(_ x: Double?) -> ReportRowsJSON.Extra { .value(x.map(ExportValue.number) ?? .missing) }
        let extras = zip(r.bins, intervals).map { b, ci in
            ReportRowsJSON.RowExtras(fields: [
                "shortest": number(b.shortest), "longest": number(b.longest), "score_at_best_beta": number(b.metricsAtBestBeta?.score),
                "blend_share": number(b.blendShare), "acc_presence": number(b.metrics.accPresence),
                "acc_salience": number(b.metrics.accSalience), "score": number(b.metrics.score),
                "salience_error_share": number(b.salienceErrorShare), "reversed_share": number(b.reversedShare),
            ], ci: ["units": .value(ci.map { ExportValue.integer($0.units) } ?? .missing)])
        }
        return ReportRowsJSON(table, .init(ci: settings, ciOnlyWithIntervals: true, ciExtras: ["resampled": .text("actors")],
                                           renaming: ["bin": "range", "lower_s": "lower", "upper_s": "upper", "pairs_found": "pair_found",
                                                      "uneven_pairs_found": "uneven_pair_found"],
                                           extras: extras))
    }

    struct Correlations: Encodable {
        let pearson: Double?
        let spearman: Double?
        let blendPearson: Double?
        let blendSpearman: Double?
    }

    struct Report: Encodable {
        let source: String
        let scope: String
        let binning: String
        let alpha: Double
        let beta: Double
        let bestBeta: Double
        let cutPoints: [Double]
        let clipsWithDuration: Int
        let clipsWithoutDuration: Int
        let overall: MetricsView
        let durationsByKind: [DurationSpread]
        let bins: ReportRowsJSON
        let durationMarginCorrelation: Correlations
        let finding: String
        /// Unlabelled test clips the scope held and left out (absent when none).
        let unlabelled: Int?
    }

    func run() throws {
        let session = try target.session()
        let analysis = try thresholds.target(source, in: session)
        let (ref, t) = (analysis.source, analysis.thresholds)
        let outcome = try session.durations(analysis, in: scope.selection, binning: binOptions.binning, betas: grid.grid.betas,
                                            settings: uncertainty.settings)
        let (r, left) = (outcome.report, outcome.unlabelled)
        // One report for the text, the JSON rows and `export durations`.
        let table = AnalysisTables.durations(r, source: ref.description, scope: scope.description, intervals: outcome.binIntervals)
        let report = Report(
            source: ref.description, scope: scope.description, binning: binOptions.description,
            alpha: t.alpha, beta: t.beta, bestBeta: r.bestBeta, cutPoints: r.cutPoints,
            clipsWithDuration: r.withDuration, clipsWithoutDuration: r.withoutDuration.count,
            overall: MetricsView(r.metrics), durationsByKind: r.kinds,
            bins: Self.binsJSON(table, report: r, intervals: outcome.binIntervals, settings: uncertainty.settings),
            durationMarginCorrelation: Correlations(pearson: r.marginPearson, spearman: r.marginSpearman,
                                                    blendPearson: r.blendMarginPearson, blendSpearman: r.blendMarginSpearman),
            finding: r.finding, unlabelled: Output.unlabelledField(left))
        if output.json { return try Output.json(report) }
        printTable(report, from: analysis.thresholdOrigin.label, table: table, intervals: outcome.binIntervals)
        Output.unlabelledNote(left)
    }

    private func printTable(_ r: Report, from origin: String, table: ExportTable, intervals: [MetricIntervals?]) {
        let th = Output.threshold
        Output.line("\(r.source) · \(r.scope) · α \(th(r.alpha)) β \(th(r.beta)) (\(origin)) · \(r.binning) · "
                    + "\(r.clipsWithDuration) clips with a duration, best β \(th(r.bestBeta)) at this α")
        // The export's rows under the headers durations has always printed.
        Output.line(TextTable.render(table.projected([
            ViewColumn("bin", "duration"), ViewColumn("clips", "clips"),
            ViewColumn("singles", "single", .percent(of: "clips")), ViewColumn("even_blends", "50/50", .percent(of: "clips")),
            ViewColumn("uneven_blends", "70/30", .percent(of: "clips")),
            ViewColumn("acc_presence", "ACC_P"), ViewColumn("acc_salience", "ACC_S"), ViewColumn("score", "Score"),
            ViewColumn("best_beta", "β*"), ViewColumn("acc_salience_at_best_beta", "ACC_S@β*"),
            ViewColumn("salience_errors", "sal.err", .percent(of: "pairs_found")),
            ViewColumn("reversed", "70/30 rev.", .ratio(of: "uneven_pairs_found")), ViewColumn("median_margin", "margin"),
        ])))
        let kinds = r.durationsByKind.map { k in
            "\(k.kind.rawValue) \(k.median.map { String(format: "%.2f s", $0) } ?? "–") (n \(k.count))"
        }
        Output.line()
        Output.line("median duration by label kind: " + kinds.joined(separator: ", "))
        let c = r.durationMarginCorrelation
        func corr(_ x: Double?) -> String { x.map(Output.signedRate) ?? "–" }
        Output.line("duration vs top-two margin: all clips r \(corr(c.pearson)) ρ \(corr(c.spearman)); "
                    + "blends r \(corr(c.blendPearson)) ρ \(corr(c.blendSpearman))")
        if r.clipsWithoutDuration > 0 {
            Output.line("\(r.clipsWithoutDuration) clips have no duration (no linked video) and are in no bin.")
        }
        Output.line("sal.err: found blend pairs with the wrong salience at α/β; 70/30 rev.: kept 70/30 pairs with the weaker emotion on top.")
        Output.line("finding: \(r.finding)")
        if let ci = intervals.lazy.compactMap({ $0?.settings }).first {
            Output.line("\(Output.percent(ci.level)) intervals: \(ci.replicates) bootstrap replicates of each bin's actors, seed \(ci.seed)")
        }
    }
}
