import ArgumentParser
import BlendApp
import BlendCore
import BlendReport

struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "Why an actor's best salience threshold β differs from everyone's.",
        discussion: HelpText.reflow("""
            blendscope actors demo.sqlite --encoder HiCMAE
            blendscope actors demo.sqlite --fusion greedy-12 --actor A229 --alpha 0.12
            At a fixed α (the project's current one unless given), each actor's best β for its
            own blends, ranked by how far it lies from the whole set's. With --actor: that actor's
            ACC_S against β beside the whole set's, the top-2 margins |p1 − p2| of its 50/50 and
            70/30 blends against all actors', a computed explanation and the clips that flip
            between right and wrong as β moves from the global best to the actor's.
            """))

    @OptionGroup var target: ProjectOptions
    @OptionGroup var source: SourceOptions

    @Option(help: "Show this actor in detail (e.g. A229).")
    var actor: String?

    @Option(help: "The fixed presence threshold α (default: the source's own, see --at).")
    var alpha: Double?

    @OptionGroup var choice: ThresholdBasisOption

    @Option(help: "The β values: official (the challenge's 20) or a step such as 0.01.")
    var grid: GridChoice = .official

    @Flag(help: "Test whether the actors' best β spread more than random groups of the same make-up give.")
    var test = false

    @Option(help: "For --test: only actors with at least this many blends count toward the spread.")
    var minBlends = 10

    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try validateThresholds(alpha: alpha)
        try grid.validate()
        if minBlends < 1 { throw ValidationError("--min-blends must be at least 1, got \(minBlends)") }
    }

    struct TestView: Encodable {
        let alpha: Double
        let statistic: Double
        let pValue: Double
        let permutations: Int
        let actors: Int
        let minBlends: Int
        let actorBetas: [String: Double]
        let sentence: String

        init(_ t: ActorHeterogeneityTest) {
            alpha = t.alpha
            statistic = t.statistic
            pValue = t.pValue
            permutations = t.permutations
            actors = t.actors
            minBlends = t.minBlends
            actorBetas = t.actorBetas
            sentence = t.sentence
        }
    }

    /// The rows of the export's `actors` report as `--json` has always shown them: the
    /// distance under `distance`, the explanation and the interval's sentence apart, and in
    /// each row's `ci` what was resampled and whether the β* interval covers the global β.
    static func rowsJSON(_ table: ExportTable, report r: ActorBetaReport, uncertainty: [String: ActorUncertainty],
                         settings: BootstrapSettings) -> ReportRowsJSON {
        let extras = r.actors.map { a -> ReportRowsJSON.RowExtras in
            let u = uncertainty[a.actor]
            return ReportRowsJSON.RowExtras(
                fields: ["explanation": .value(.text(a.explanation)),
                         "interval_explanation": .value(u.map { ExportValue.text($0.sentence) } ?? .missing)],
                ci: ["resampled": .value(u.map { ExportValue.text("the actor's \($0.clips) clips") } ?? .missing),
                     "covers_global_beta": .flag(u?.coversGlobal)])
        }
        return ReportRowsJSON(table, .init(ci: settings, omitting: ["explanation"], renaming: ["beta_distance": "distance"],
                                           extras: extras))
    }

    struct CurvePoint: Encodable {
        let beta: Double
        let accSalience: Double
        let salienceHits: Int
        let allAccSalience: Double
    }

    struct FlipView: Encodable {
        let clip: String
        let label: String
        let atGlobal: String
        let atActor: String
        let becomesCorrect: Bool
    }

    struct Detail: Encodable {
        let row: ReportRowsJSON.Row
        let curve: [CurvePoint]
        let evenMargins: MarginDistribution
        let unevenMargins: MarginDistribution
        let flips: [FlipView]
    }

    struct Report: Encodable {
        let source: String
        let alpha: Double
        let betas: [Double]
        let bestBeta: Double
        let accSalienceAtBest: Double
        let blends: Int
        let evenMargins: MarginDistribution
        let unevenMargins: MarginDistribution
        let actors: ReportRowsJSON?
        let actor: Detail?
        /// Unlabelled test clips of the project, which have no actor (absent when none).
        let unlabelled: Int?
        let test: TestView?
    }

    func run() throws {
        let session = try target.session()
        let analysis = try source.target(in: session, alpha: self.alpha, at: choice.at)
        let (ref, alpha) = (analysis.source, analysis.thresholds.alpha)
        let settings = uncertainty.settings
        let outcome = try session.actors(ref, alpha: alpha, betas: grid.grid.betas, actor: actor, test: test,
                                         minBlends: minBlends, settings: settings)
        let (scored, r) = (outcome.scored, outcome.report)
        let clips = scored.clips
        let intervals = Dictionary(outcome.rows.map { ($0.actor.actor, $0.uncertainty) }, uniquingKeysWith: { a, _ in a })
        // One report for the text, the JSON rows and `export actors`.
        let table = AnalysisTables.actors(r, clips: clips, source: ref.description, intervals: intervals, settings: settings)
        let rows = Self.rowsJSON(table, report: r, uncertainty: intervals, settings: settings)
        var detail: Detail?
        if let d = outcome.detail, let i = r.actors.firstIndex(where: { $0.actor == d.actor.actor }) {
            let a = d.actor
            let flips = a.flips.map { f in
                FlipView(clip: clips[f.clip].name, label: clips[f.clip].label.short,
                         atGlobal: scored.prediction(of: f.clip, Thresholds(alpha: alpha, beta: r.bestBeta)).short,
                         atActor: scored.prediction(of: f.clip, Thresholds(alpha: alpha, beta: a.bestBeta ?? r.bestBeta)).short,
                         becomesCorrect: f.becomesCorrect)
            }
            let curve = r.betas.indices.map {
                CurvePoint(beta: r.betas[$0], accSalience: a.curve[$0].accSalience, salienceHits: a.curve[$0].salienceHits,
                           allAccSalience: r.curve[$0].accSalience)
            }
            detail = Detail(row: rows.row(i), curve: curve, evenMargins: a.evenMargins, unevenMargins: a.unevenMargins, flips: flips)
        }
        let report = Report(source: ref.description, alpha: alpha, betas: r.betas, bestBeta: r.bestBeta,
                            accSalienceAtBest: r.curve[r.bestBetaIndex].accSalience, blends: r.curve[r.bestBetaIndex].blends,
                            evenMargins: r.evenMargins, unevenMargins: r.unevenMargins,
                            actors: detail == nil ? rows : nil,
                            actor: detail, unlabelled: Output.unlabelledField(outcome.unlabelled),
                            test: outcome.test.map(TestView.init))
        if output.json { return try Output.json(report) }
        if let detail, let d = outcome.detail {
            printDetail(detail, d, fold: AnalysisTables.fold(of: d.actor, in: clips), report: report, ref: ref)
        } else {
            printRanking(report, table: table, rows: outcome.rows, ref: ref)
        }
        Output.unlabelledNote(report.unlabelled ?? 0)
        Output.line()
        Output.line("\(Output.percent(settings.level)) intervals: \(settings.replicates) bootstrap replicates of each actor's own clips, seed \(settings.seed)")
        if test {
            Output.line(report.test.map { "Actor test at α* \(Output.threshold($0.alpha)) (\($0.permutations) permutations, actors with ≥ \($0.minBlends) blends): \($0.sentence)." }
                        ?? "Actor test: fewer than two actors have \(minBlends) blends.")
        }
    }

    private func margins(_ d: MarginDistribution) -> String {
        "n \(d.count), median \(d.median.map { Output.rate($0) } ?? "–")"
    }

    /// The ranking: the export's `actors` report under the headers `actors` has always printed.
    private func printRanking(_ r: Report, table: ExportTable, rows: [ActorRowData], ref: SourceRef) {
        let th = Output.threshold, rate = Output.rate
        Output.line("\(ref) · α \(th(r.alpha)) · global best β \(th(r.bestBeta)) (ACC_S \(rate(r.accSalienceAtBest)) over \(r.blends) blends)")
        Output.line(TextCharts.trimmed("margins |p1 − p2| of the blends β decides, all actors:  50/50 \(margins(r.evenMargins)) "
                    + "\(TextCharts.sparkline(r.evenMargins.bins))   70/30 \(margins(r.unevenMargins)) \(TextCharts.sparkline(r.unevenMargins.bins))"))
        Output.line()
        Output.line(TextTable.render(table.projected([
            ViewColumn("actor", "actor"), ViewColumn("fold", "fold"), ViewColumn("blends", "blends"),
            ViewColumn("best_beta", "β*", .point), ViewColumn("best_beta", "β* interval", .interval),
            ViewColumn("beta_distance", "|Δβ|"), ViewColumn("acc_salience_at_best", "ACC_S@β*"),
            ViewColumn("acc_salience_at_global", "ACC_S@β"), ViewColumn("median_margin_even", "margin 50/50"),
            ViewColumn("median_margin_uneven", "margin 70/30"), ViewColumn("flips", "flips"),
        ])))
        let far = rows.filter { ($0.actor.distance ?? 0) > 0 }.prefix(5)
        if !far.isEmpty {
            Output.line()
            for a in far { Output.line("\(a.actor.explanation) \(a.uncertainty.sentence)") }
        }
    }

    private func printDetail(_ d: Detail, _ data: ActorRowData, fold: String, report r: Report, ref: SourceRef) {
        let th = Output.threshold, rate = Output.rate
        let a = data.actor
        Output.line("\(ref) · \(a.actor) (\(fold == "test" ? "test" : "fold \(fold)")) · \(a.clips.count) clips, \(a.blends) blends · α \(th(r.alpha))")
        Output.line("best β \(a.bestBeta.map(th) ?? "none") for \(a.actor) against \(th(r.bestBeta)) for all"
                    + (a.distance.map { " (|Δβ| \(th($0)))" } ?? ""))
        Output.line(a.explanation + " " + data.uncertainty.sentence)
        Output.line()
        // Bars share one scale, the highest ACC_S of either curve, so the two compare.
        let top = d.curve.map { max($0.accSalience, $0.allAccSalience) }.max() ?? 0
        func bar(_ x: Double) -> String { TextCharts.bar(top > 0 ? x / top : 0, width: 16) }
        Output.line(TextCharts.pad("β", 9) + TextCharts.pad("ACC_S \(a.actor)", 23) + "ACC_S all")
        for p in d.curve {
            var marks = [String]()
            if p.beta == a.bestBeta { marks.append(a.actor) }
            if p.beta == r.bestBeta { marks.append("all") }
            Output.line(TextCharts.trimmed(TextCharts.pad(th(p.beta), 9)
                        + TextCharts.pad("\(rate(p.accSalience)) \(bar(p.accSalience))", 23)
                        + TextCharts.pad("\(rate(p.allAccSalience)) \(bar(p.allAccSalience))", 22)
                        + (marks.isEmpty ? "" : "◀ best for " + marks.joined(separator: " and "))))
        }
        Output.line()
        Output.line("Margins |p1 − p2| of the blends β decides (share of each group per bin):")
        for line in TextCharts.histograms([
            ("\(a.actor) 50/50 (\(margins(d.evenMargins)))", d.evenMargins),
            ("all 50/50 (\(margins(r.evenMargins)))", r.evenMargins),
        ]) { Output.line(line) }
        Output.line()
        for line in TextCharts.histograms([
            ("\(a.actor) 70/30 (\(margins(d.unevenMargins)))", d.unevenMargins),
            ("all 70/30 (\(margins(r.unevenMargins)))", r.unevenMargins),
        ]) { Output.line(line) }
        Output.line()
        guard !d.flips.isEmpty else { return Output.line("No clip of \(a.actor) flips between the two β.") }
        Output.line("Clips that flip as β moves from \(th(r.bestBeta)) to \(a.bestBeta.map(th) ?? "–"):")
        let rows = d.flips.map { f in
            [f.clip, f.label, f.atGlobal, f.atActor, f.becomesCorrect ? "✗ → ✓" : "✓ → ✗"]
        }
        Output.line(Output.table(["clip", "label", "at global β", "at \(a.actor)'s β", ""], rows))
    }
}
