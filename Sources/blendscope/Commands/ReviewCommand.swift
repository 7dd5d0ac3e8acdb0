import ArgumentParser
import BlendApp
import BlendCore
import BlendReport

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Rank clips whose label the evidence disputes (label review).",
        discussion: HelpText.reflow("""
            blendscope review demo.sqlite --fusion greedy-12 --top 20
            blendscope review demo.sqlite --encoder HiCMAE --split train --json
            For each clip: the source's probability of its weakest labelled emotion (its
            self-confidence) against the strongest unlabelled one (margin > 0: disputed); how far
            the self-confidence falls below its label set's mean (confident learning's per-class
            threshold); and how many other encoders dispute it in favour of the same emotion.
            score = ((margin + 1)/2 + agreeing/voters + shortfall) / 3, in [0, 1].
            """))

    @OptionGroup var target: ProjectOptions
    @OptionGroup var source: SourceOptions

    @Option(help: "How many clips to list.")
    var top: Int = 20

    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try UserLimits.top.validate(top, "--top")
    }

    /// The review report's rows as `--json` has always shown them: each clip's rank, name,
    /// label, prediction and tags, its actor, and the review's whole entry under `entry` (the
    /// columns the report copies from it stand there only).
    static func rowsJSON(_ table: ExportTable, ranked: [LabelReviewEntry], clips: [ClipInfo],
                         tags: [String: [String]]) -> ReportRowsJSON {
        let extras = ranked.map { e -> ReportRowsJSON.RowExtras in
            let clip = clips[e.clip]
            return ReportRowsJSON.RowExtras(fields: ["actor": .value(.text(clip.actor)), "entry": .encoded(e),
                                                     "tags": .encoded(tags[clip.name] ?? [])])
        }
        return ReportRowsJSON(table, .init(omitting: [
            "weakest_labelled", "self_confidence", "class_threshold", "alternative", "alternative_probability", "margin",
            "agreeing", "voters", "score",
        ], extras: extras))
    }

    struct Report: Encodable {
        let source: String
        let scope: String
        let alpha: Double
        let beta: Double
        let clips: Int
        let disputed: Int
        let encoders: [String]
        let thresholds: [ClassThreshold]
        let ranking: ReportRowsJSON
        /// Unlabelled test clips the scope held and left out (absent when none).
        let unlabelled: Int?
    }

    func run() throws {
        let session = try target.session()
        let ref = try source.source(in: session)
        let result = try session.review(ref, in: scope.selection)
        let (t, left, tags) = (result.thresholds, result.unlabelled, result.tags)
        let r = result.review, clips = result.clips
        // One report for the text table, the JSON rows and `export review`.
        let table = AnalysisTables.review(r, clips: clips.clips, source: ref.description, top: top,
                                          predicted: { clips.prediction(of: $0, t).short }, tags: tags)
        let report = Report(source: ref.description, scope: scope.description, alpha: t.alpha, beta: t.beta,
                            clips: clips.count, disputed: r.disputedCount, encoders: r.encoders,
                            thresholds: r.thresholds,
                            ranking: Self.rowsJSON(table, ranked: r.top(top), clips: clips.clips, tags: tags),
                            unlabelled: Output.unlabelledField(left))
        if output.json { return try Output.json(report) }

        let voters = switch r.encoders.count {
        case 0: "no other encoder votes"
        case 1: "1 other encoder votes"
        default: "\(r.encoders.count) other encoders vote"
        }
        Output.line("\(ref) · \(scope.description) · \(clips.count) clips, \(r.disputedCount) disputed (an unlabelled emotion above a labelled one) · \(voters)")
        Output.unlabelledNote(left)
        // The export's rows with the predictions and tags, under the headers review has always printed.
        Output.line(TextTable.render(table.projected([
            ViewColumn("rank", "#"), ViewColumn("clip", "clip"), ViewColumn("label", "label"), ViewColumn("predicted", "pred"),
            ViewColumn("weakest_labelled", "weakest", .followed(by: "self_confidence")),
            ViewColumn("alternative", "alternative", .followed(by: "alternative_probability")),
            ViewColumn("margin", "margin"), ViewColumn("class_threshold", "class thr"),
            ViewColumn("agreeing", "agree", .ratio(of: "voters"), left: true), ViewColumn("score", "score"),
            ViewColumn("tags", "tags"),
        ])))
    }
}
