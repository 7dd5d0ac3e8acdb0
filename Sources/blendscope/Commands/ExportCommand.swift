import ArgumentParser
import BlendApp
import BlendCore
import BlendReport
import Foundation

/// What `blendscope export` can write.
enum ExportKind: String, ExpressibleByArgument, CaseIterable {
    case confusion, salience, emotions, kinds, actors, folds, encoders, notes, review, durations, compare, submission
    case emotionFolds = "emotion-folds"
    case predictions

    /// Kinds computed from one source's predictions.
    var needsSource: Bool { self != .encoders && self != .notes && self != .predictions }
}

extension ExportFormat: ExpressibleByArgument {}
extension TableWidth: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a table (CSV, Markdown, LaTeX, JSON) or a CodaBench submission.",
        discussion: HelpText.reflow("""
            blendscope export demo.sqlite folds --encoder HiCMAE --format tex --out folds.tex
            blendscope export demo.sqlite confusion --fusion greedy-12 --split test --rates --format md
            blendscope export demo.sqlite confusion --format tex --width column --caption "Presence confusion." --out confusion.tex
            blendscope export demo.sqlite predictions --out predictions.csv
            blendscope export demo.sqlite submission --split test --out predictions.json
            blendscope export p.sqlite submission --template submission_template.json --out predictions.json
            blendscope export p.sqlite submission --check predictions.json --template submission_template.json
            Tables: confusion (presence, 16 × 16), salience (3 × 3), emotions (P/R/F1),
            emotion-folds (presence F1 per emotion in each training fold), kinds (ACC_P and ACC_S per
            label kind: single, 50/50, 70/30), actors (best β per actor), folds (per-fold and nested selection), encoders (every encoder on
            the training split), notes (notes and tags), review (label review), durations (clips
            binned by video duration, --bins/--edges), compare (the paired comparison of the
            source with --encoder-b/--fusion-b, B at --alpha-b/--beta-b). Folds, actors and compare
            carry intervals (--ci, --replicates, --seed): CSV and JSON as KEY_lo, KEY_hi columns,
            Markdown and LaTeX as .207 [.188, .226]. predictions (every encoder's six probabilities
            per clip in long form, as the project file's predictions view holds them; CSV or JSON).
            Every table records its provenance (project, source, thresholds and how they were chosen,
            scope, grid, bootstrap settings when intervals appear, blendscope version, UTC time;
            SOURCE_DATE_EPOCH fixes the time): JSON as a top-level "provenance" object beside
            "rows", CSV as "# key: value" lines before the header (pandas: comment="#";
            --no-comments omits them), Markdown in an HTML comment, LaTeX in % comments. LaTeX
            compiles with booktabs (and longtable for tables over 40 rows) and fits the text width
            of a one-column article, or with --width column one column of a two-column article
            (229.9 pt; IEEEtran's 252 pt column holds it too): the font size and
            column gap are chosen to fit, wide tables are set in column groups, the confusion
            table uses one-letter class names with a legend. The format comes
            from --format, else from the --out extension, else CSV. The submission decodes the
            split's clips at --alpha/--beta (default: the source's own: the ones it keeps, else its best on the training split) into the
            challenge's predictions.json, labelled and unlabelled (test_0001.mov …) alike, each
            under its file name as imported (a labelled clip as STEM.mov). --template refuses
            a submission whose names are not exactly the template's (listing the missing and
            extra ones); --check validates an existing submission file (its structure, and its
            names against --template, else against the project's submission). --unlabelled
            writes only the unlabelled test clips (the demo keeps its labelled test clips beside
            their anonymised copies: `export demo.sqlite submission --unlabelled --template
            demo.files/challenge/submission_template.json`). Without --out the result goes to standard output; a
            file is written whole or not at all.
            """))

    @OptionGroup var target: ProjectOptions

    @Argument(help: "confusion, salience, emotions, emotion-folds, kinds, actors, folds, encoders, notes, review, durations, compare, predictions or submission.")
    var kind: ExportKind

    @OptionGroup var source: SourceOptions

    @Option(help: "csv, md, tex or json (default: from --out's extension, else csv).")
    var format: ExportFormat?

    @Option(help: ArgumentHelp("Write to this file instead of standard output (- or /dev/stdout: standard output).",
                               discussion: """
                                   The file is written whole or not at all: into a temporary file in its folder, \
                                   then renamed over it. A symbolic link is followed and its target replaced; an \
                                   existing file keeps its permissions. A directory, FIFO, socket or device is \
                                   refused (/dev/null discards).
                                   """))
    var out: String?

    @Option(help: "Presence threshold α for confusion, salience, emotions, actors, durations and submission (default: the source's own, see --at).")
    var alpha: Double?

    @OptionGroup var choice: ThresholdBasisOption

    @Option(help: "Salience threshold β for confusion, salience, emotions, durations and submission (default: the source's own, see --at).")
    var beta: Double?

    @Option(help: "Grid for folds, actors and durations (β*): official or a step such as 0.01.")
    var grid: GridChoice = .official

    @Flag(help: "Row-normalised rates instead of counts (confusion, salience).")
    var rates = false

    @Option(help: "Only the first N rows of the label review or the actors table.")
    var top: Int?

    @Option(help: "LaTeX: the page width the table must fit, text (a one-column article, 345 pt) or column (article[twocolumn]'s 229.9 pt, so IEEEtran's 252 pt too).")
    var width: TableWidth = .text

    @Option(help: "LaTeX: the caption (default: the table's title).")
    var caption: String?

    @Option(help: "LaTeX: the label (default: tab:KIND).")
    var label: String?

    @Flag(name: .customLong("no-comments"), help: "CSV: no '#' provenance lines before the header.")
    var noComments = false

    @Option(name: .customLong("encoder-b"), help: "For compare: source B, an encoder.")
    var encoderB: String?

    @Option(name: .customLong("fusion-b"), help: "For compare: source B, a saved fusion.")
    var fusionB: String?

    @Option(name: .customLong("alpha-b"), help: "For compare: B's α (default: --alpha, else B's own).")
    var alphaB: Double?

    @Option(name: .customLong("beta-b"), help: "For compare: B's β (default: --beta, else B's own).")
    var betaB: Double?

    @OptionGroup var scope: ScopeOptions
    @OptionGroup var durationBins: DurationBinOptions
    @OptionGroup var uncertainty: UncertaintyOptions

    @Option(help: "submission: the challenge's submission_template.json; refuse unless the names are exactly its keys.")
    var template: String?

    @Option(help: "submission: validate this submission file instead of writing one.")
    var check: String?

    @Flag(name: .customLong("unlabelled"),
          help: "submission: only the unlabelled test clips (test_0001.mov …), as the challenge's test set holds them.")
    var unlabelledOnly = false

    func validate() throws {
        try validateThresholds(alpha: alpha, beta: beta)
        try grid.validate()
        try UserLimits.top.validate(top, "--top")
        if !kind.needsSource && (source.encoder != nil || source.fusion != nil) {
            throw ValidationError("\(kind.rawValue) does not take --encoder or --fusion")
        }
        if !kind.needsSource && !scope.scopes.isEmpty {
            throw ValidationError("\(kind.rawValue) does not take --split, --fold or --actor")
        }
        if rates && kind != .confusion && kind != .salience {
            throw ValidationError("--rates goes with confusion or salience")
        }
        if kind == .submission, let format, format != .json {
            throw ValidationError("a submission is JSON (the challenge's predictions.json)")
        }
        if (template != nil || check != nil) && kind != .submission {
            throw ValidationError("--template and --check go with submission")
        }
        if unlabelledOnly && kind != .submission { throw ValidationError("--unlabelled goes with submission") }
        if unlabelledOnly && !scope.holdsUnlabelled {
            throw ValidationError("--unlabelled takes the test split (unlabelled clips are never in a fold, an actor or train)")
        }
        if check != nil && out != nil { throw ValidationError("--check reads a submission; it does not take --out") }
        if top != nil && kind != .review && kind != .actors { throw ValidationError("--top goes with review or actors") }
        if kind == .predictions && resolvedFormat != .csv && resolvedFormat != .json {
            throw ValidationError("predictions is data: CSV or JSON, not \(resolvedFormat.rawValue)")
        }
        if (caption != nil || label != nil || width != .text) && resolvedFormat != .tex {
            throw ValidationError("--caption, --label and --width go with LaTeX (--format tex)")
        }
        if noComments && resolvedFormat != .csv { throw ValidationError("--no-comments goes with CSV") }
        if kind == .compare {
            guard (encoderB == nil) != (fusionB == nil) else {
                throw ValidationError("compare needs source B: --encoder-b NAME or --fusion-b NAME (one of them)")
            }
        } else if encoderB != nil || fusionB != nil || alphaB != nil || betaB != nil {
            throw ValidationError("--encoder-b, --fusion-b, --alpha-b and --beta-b go with compare")
        }
        if kind != .durations && (durationBins.bins != nil || durationBins.edges != nil) {
            throw ValidationError("--bins and --edges go with durations")
        }
    }

    /// --format, else the output file's extension, else CSV.
    var resolvedFormat: ExportFormat {
        if kind == .submission { return .json }
        if let format { return format }
        return out.flatMap { ExportFormat(pathExtension: URL(fileURLWithPath: $0).pathExtension) } ?? .csv
    }

    /// `--out -` and `--out /dev/stdout` write to standard output directly.
    private var toStandardOutput: Bool { out == nil || out == "-" || out == "/dev/stdout" }

    func run() throws {
        // A target that cannot be written is refused before any work.
        if let out, !toStandardOutput { try ExportFile.check(out) }
        let session = try target.session()
        let text: String
        var summary: String
        if kind.needsSource {
            let analysis = try source.target(in: session, alpha: alpha, beta: beta, at: choice.at)
            let (ref, t) = (analysis.source, analysis.thresholds)
            var chosen = scope
            // A submission covers the test split unless told otherwise.
            if kind == .submission && chosen.scopes.isEmpty { chosen.split = .test }
            // A submission may hold only unlabelled clips (the real test set has no labels).
            let (scored, left) = try session.scoredClips(ref, in: chosen.selection, allowEmpty: kind == .submission)
            // `--unlabelled`: the labelled test clips (the demo keeps them beside their
            // anonymised copies) stay out, so the names can be exactly the challenge template's.
            let clips = scored.filter { _ in !unlabelledOnly }
            if kind == .submission {
                let (submission, unlabelledCount) = try session.submission(ref, clips: clips, selection: chosen.selection, thresholds: t)
                guard !submission.predictions.isEmpty else { throw AppError.emptySubmission(scope: chosen.description) }
                if let check { return try checkSubmission(check, against: submission) }
                if let template {
                    let keys = try SubmissionFile(path: template, template: true).keys
                    try SubmissionFile.checkKeys(submission.keys, against: keys, file: "the submission of \(ref) (\(chosen.description))",
                                                 what: "template \(template)")
                }
                text = submission.json()
                summary = "\(submission.predictions.count) clips of \(chosen.description)"
                    + (unlabelledCount > 0 ? " (\(unlabelledCount) unlabelled)" : "")
                    + ", \(ref) at α \(Output.threshold(t.alpha)) β \(Output.threshold(t.beta))"
                    + (template != nil ? ", names as in the template" : "")
                guard let out else { return FileHandleOutput.write(text) }
                try ExportFile.write(text, to: out)
                return Output.line("wrote \(out) (CodaBench JSON, \(summary))")
            }
            let (body, what) = try sourceExport(session: session, analysis: analysis, clips: clips, selection: chosen.selection)
            text = body
            summary = what + (ClipScope.unlabelledNote(left).map { "; \($0)" } ?? "")
        } else {
            let table: ExportTable, provenance: Provenance
            switch kind {
            case .encoders:
                table = try session.encodersTable(grid: grid.grid, settings: uncertainty.settings)
                provenance = .export(table, context: context, thresholds: .chosen("each encoder's best on the training split"),
                                     scope: ClipSelection([.split(.train)]), grid: grid.description, settings: uncertainty.settings)
            case .predictions:
                table = try session.predictionsTable()
                provenance = .export(table, context: context)
            default:
                table = try session.notesTable()
                provenance = .export(table, context: context)
            }
            text = resolvedFormat.render(table, options(provenance))
            summary = "\(table.rows.count) rows"
        }
        guard let out, !toStandardOutput else { return FileHandleOutput.write(text) }
        try ExportFile.write(text, to: out)
        Output.line("wrote \(out) (\(kind == .submission ? "CodaBench JSON" : resolvedFormat.rawValue), \(summary))")
    }

    /// The provenance's clock: `SOURCE_DATE_EPOCH` when set, else now (`ExportContext.now`).
    private var context: ExportContext { .now(project: target.project) }

    private func options(_ provenance: Provenance?) -> ExportOptions {
        ExportOptions(provenance: provenance, comments: !noComments, caption: caption, label: label, width: width)
    }

    private func sourceExport(session: ProjectSession, analysis: AnalysisTarget, clips: ScoredClips,
                              selection: ClipSelection) throws -> (String, String) {
        let kind: SourceTable
        switch self.kind {
        case .confusion: kind = .confusion(rates: rates)
        case .salience: kind = .salience(rates: rates)
        case .emotions: kind = .emotions
        case .emotionFolds: kind = .emotionFolds
        case .kinds: kind = .kinds
        case .actors: kind = .actors(grid: grid.grid)
        case .folds: kind = .folds(grid: grid.grid)
        case .compare:
            let sourceB: SourceRef = encoderB.map { .encoder($0) } ?? .fusion(fusionB ?? "")
            let tb = try session.thresholds(for: sourceB, alpha: alphaB ?? alpha, beta: betaB ?? beta).0
            kind = .compare(b: sourceB, thresholds: tb)
        case .durations: kind = .durations(binning: durationBins.binning, grid: grid.grid)
        case .review: kind = .review(top: top)
        case .encoders, .notes, .predictions:
            preconditionFailure("\(self.kind) needs no source")
        case .submission:
            preconditionFailure("a submission is written by run()")
        }
        let request = TargetRequest(encoder: source.encoder, fusion: source.fusion, alpha: alpha, beta: beta)
        let export = try session.sourceExport(kind, target: analysis, request: request, clips: clips, selection: selection,
                                              format: resolvedFormat, options: options(nil), context: context,
                                              grid: grid.description, settings: uncertainty.settings, top: top)
        return (export.text, "\(export.table.rows.count) rows")
    }

    /// `--check FILE`: the file has the template's structure, every prediction is a valid
    /// label, and its names are the template's (with `--template`) or else the ones this
    /// project would submit for the scope.
    private func checkSubmission(_ path: String, against own: Submission) throws {
        let file = try SubmissionFile(path: path, template: false)
        let expected: [String], what: String
        if let template {
            expected = try SubmissionFile(path: template, template: true).keys
            what = "template \(template)"
        } else {
            expected = own.keys
            what = "the project's submission"
        }
        try SubmissionFile.checkKeys(file.keys, against: expected, file: path, what: what)
        let differ = own.predictions.filter { p in file.labels[p.file].map { $0 != p.label } ?? false }.count
        Output.line("\(path): a valid submission, \(file.keys.count) names as in \(what)"
                    + (differ > 0 ? "; \(differ) predictions differ from this project's decoding" : ""))
    }
}

/// Text to standard output as is (the rendered file already ends in a line break).
enum FileHandleOutput {
    /// On a terminal, CSV cells are shown escaped like any other text (Markdown, LaTeX and
    /// JSON are escaped for their own readers already); into a pipe or a file, as data.
    static func write(_ text: String) {
        let shown = isatty(STDOUT_FILENO) == 1 ? SafeText.terminal(text) : text
        FileHandle.standardOutput.write(Data(shown.utf8))
    }
}
