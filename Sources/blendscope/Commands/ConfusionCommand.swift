import ArgumentParser
import BlendApp
import BlendCore
import BlendReport

struct ConfusionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confusion",
        abstract: "Presence and salience confusion tables and per-emotion precision, recall and F1.",
        discussion: HelpText.reflow("""
            blendscope confusion demo.sqlite --encoder HiCMAE --alpha 0.15 --beta 0.1 --split test
            blendscope confusion demo.sqlite --fold 2 --rates --json
            Presence: true label set × predicted set over the 16 sets (six classes alone, ten
            blend pairs). Salience: for blends whose pair was found, true 50/50, 70/30 or 30/70
            (saliences in class order) × predicted. With --json every non-empty cell lists its clips.
            """))

    @OptionGroup var target: ProjectOptions
    @OptionGroup var source: SourceOptions

    @OptionGroup var thresholds: ThresholdOptions

    @OptionGroup var scope: ScopeOptions

    @Flag(help: "Row-normalised rates instead of counts.")
    var rates = false

    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var output: OutputOptions

    struct CellClips: Encodable {
        let truth: String
        let predicted: String
        let count: Int
        let rate: Double
        let clips: [String]

        enum CodingKeys: String, CodingKey { case truth = "true", predicted, count, rate, clips }
    }

    struct TableView: Encodable {
        let rows: [String]
        let columns: [String]
        let counts: [[Int]]
        let rates: [[Double]]
        /// Non-empty cells only, with their clips.
        let cells: [CellClips]

        init<C>(_ t: ConfusionTable<C>, names: [String], label: (C) -> String) {
            rows = t.rows.map(label)
            columns = t.columns.map(label)
            counts = t.rows.indices.map { r in t.columns.indices.map { t.count(row: r, column: $0) } }
            rates = t.rows.indices.map { r in t.columns.indices.map { t.rate(row: r, column: $0) } }
            cells = t.rows.indices.flatMap { r in
                t.columns.indices.compactMap { c -> CellClips? in
                    let clips = t.clips(row: r, column: c)
                    guard !clips.isEmpty else { return nil }
                    return CellClips(truth: label(t.rows[r]), predicted: label(t.columns[c]), count: clips.count,
                                    rate: t.rate(row: r, column: c), clips: clips.map { names[$0] })
                }
            }
        }
    }

    struct Report: Encodable {
        let source: String
        let scope: String
        let alpha: Double
        let beta: Double
        let metrics: MetricsView
        let presence: TableView
        let salience: TableView
        /// The `emotions` report's rows, each with its `ci`.
        let perEmotion: ReportRowsJSON
        let ci: CIView
        /// Unlabelled test clips the scope held and left out (absent when none).
        let unlabelled: Int?
    }

    func run() throws {
        let session = try target.session()
        let analysis = try thresholds.target(source, in: session)
        let (ref, t) = (analysis.source, analysis.thresholds)
        let settings = uncertainty.settings
        let outcome = try session.confusion(analysis, in: scope.selection, settings: settings)
        let e = outcome.evaluation
        let (left, tables, emotionCI, overall) = (e.unlabelled, outcome.tables, outcome.emotionIntervals, e.intervals)
        let names = e.clips.clips.map(\.name)
        let emotions = AnalysisTables.emotions(tables, source: ref.description, scope: scope.description, intervals: emotionCI)
        let report = Report(
            source: ref.description, scope: scope.description, alpha: t.alpha, beta: t.beta,
            metrics: MetricsView(e.metrics),
            presence: TableView(tables.presence, names: names, label: \.description),
            salience: TableView(tables.salience, names: names, label: \.rawValue),
            perEmotion: ReportRowsJSON(emotions, ci: settings),
            ci: CIView(overall), unlabelled: Output.unlabelledField(left))
        if output.json { return try Output.json(report) }

        let m = report.metrics
        Output.line("\(ref) · \(scope.description) · \(m.clips) clips, \(m.blends) blends · α \(Output.threshold(t.alpha)) β \(Output.threshold(t.beta)) · \(analysis.thresholdOrigin.label)"
                    + "   ACC_P \(Output.rateCI(m.accPresence, overall.accPresence))  ACC_S \(Output.rateCI(m.accSalience, overall.accSalience))  Score \(Output.rateCI(m.score, overall.score))")
        Output.unlabelledNote(left)
        Output.line()
        Output.line("Presence: true label set (rows) × predicted (columns), \(rates ? "row rates" : "counts")")
        Output.line(text(tables.presence, header: tables.presence.columns.map(\.short), label: \.description))
        Output.line("pairs: a ang, d disg, f fea, h hap, s sad")
        Output.line()
        Output.line("Salience of blends whose pair was found: true (rows) × predicted, \(rates ? "row rates" : "counts")")
        Output.line(text(tables.salience, header: tables.salience.columns.map(\.rawValue), label: \.rawValue))
        Output.line()
        Output.line("Presence per emotion")
        Output.line(TextTable.render(emotions))
        Output.line(Output.intervalNote(overall))
    }

    /// A table of counts (`.` for none) or rates, with row totals.
    private func text<C>(_ t: ConfusionTable<C>, header: [String], label: (C) -> String) -> String {
        let rows = t.rows.indices.map { r -> [String] in
            [label(t.rows[r])] + t.columns.indices.map { c -> String in
                let n = t.count(row: r, column: c)
                if n == 0 { return "." }
                return rates ? Output.rate(t.rate(row: r, column: c)) : String(n)
            } + [String(t.rowTotal(r))]
        }
        return Output.table(["true"] + header + ["n"], rows, rightAligned: Set(1...(header.count + 1)))
    }
}

extension LabelSet {
    /// `ang`, or a pair by initials (`a+h`), so the 16 columns fit a terminal.
    var short: String {
        isPair ? emotions.map { String($0.code.prefix(1)) }.joined(separator: "+") : description
    }
}
