import ArgumentParser
import BlendCore
import BlendStore
import Foundation

/// What `blendscope export` can write.
enum ExportKind: String, ExpressibleByArgument, CaseIterable {
    case confusion, salience, emotions, actors, folds, encoders, notes, review, durations, compare, submission

    /// Kinds computed from one source's predictions.
    var needsSource: Bool { self != .encoders && self != .notes }
}

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a table (CSV, Markdown, LaTeX, JSON) or a CodaBench submission.",
        discussion: """
            blendscope export demo.sqlite folds --encoder HiCMAE --format tex --out folds.tex
            blendscope export demo.sqlite confusion --fusion greedy-12 --split test --rates --format md
            blendscope export demo.sqlite submission --split test --out predictions.json
            Tables: confusion (presence, 16 × 16), salience (3 × 3), emotions (P/R/F1), actors
            (best β per actor), folds (per-fold and nested selection), encoders (every encoder on
            the training split), notes (notes and tags), review (label review), durations (clips
            binned by video duration, --bins/--edges), compare (the paired comparison of the
            source with --encoder-b/--fusion-b, B at --alpha-b/--beta-b). Folds, actors and compare
            carry intervals (--ci, --replicates, --seed): CSV and JSON as KEY_lo, KEY_hi columns,
            Markdown and LaTeX as .207 [.188, .226]. The format comes
            from --format, else from the --out extension, else CSV. The submission decodes the
            split's clips at --alpha/--beta (default: the project's current thresholds) into the
            challenge's predictions.json. Without --out the result goes to standard output; a
            file is written whole or not at all.
            """)

    @OptionGroup var target: ProjectOptions

    @Argument(help: "confusion, salience, emotions, actors, folds, encoders, notes, review, durations, compare or submission.")
    var kind: ExportKind

    @OptionGroup var source: SourceOptions

    @Option(help: "csv, md, tex or json (default: from --out's extension, else csv).")
    var format: ExportFormat?

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @Option(help: "Presence threshold α for confusion, salience, emotions, actors, durations and submission (default: the project's current).")
    var alpha: Double?

    @Option(help: "Salience threshold β for confusion, salience, emotions, durations and submission (default: the project's current).")
    var beta: Double?

    @Option(help: "Grid for folds, actors and durations (β*): official or a step such as 0.01.")
    var grid: GridChoice = .official

    @Flag(help: "Row-normalised rates instead of counts (confusion, salience).")
    var rates = false

    @Option(help: "Only the first N clips of the label review.")
    var top: Int?

    @Option(name: .customLong("encoder-b"), help: "For compare: source B, an encoder.")
    var encoderB: String?

    @Option(name: .customLong("fusion-b"), help: "For compare: source B, a saved fusion.")
    var fusionB: String?

    @Option(name: .customLong("alpha-b"), help: "For compare: B's α (default: --alpha, else the project's current).")
    var alphaB: Double?

    @Option(name: .customLong("beta-b"), help: "For compare: B's β (default: --beta, else the project's current).")
    var betaB: Double?

    @OptionGroup var scope: ScopeOptions
    @OptionGroup var durationBins: DurationBinOptions
    @OptionGroup var uncertainty: UncertaintyOptions

    func validate() throws {
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
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if top != nil && kind != .review { throw ValidationError("--top goes with review") }
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

    func run() throws {
        let store = try target.open()
        let text: String
        var summary: String
        if kind.needsSource {
            let ref = try source.resolve(in: store)
            var chosen = scope
            // A submission covers the test split unless told otherwise.
            if kind == .submission && chosen.scopes.isEmpty { chosen.split = .test }
            let clips = try chosen.restrict(store.scoredClips(source: ref))
            let t = try store.thresholds(alpha: alpha, beta: beta)
            (text, summary) = try sourceExport(store: store, ref: ref, clips: clips, scopeName: chosen.description, thresholds: t)
        } else {
            let table = kind == .encoders
                ? AnalysisTables.encoders(try store.encoderSummaries(grid: grid.grid))
                : AnalysisTables.notes(try store.annotations())
            text = resolvedFormat.render(table)
            summary = "\(table.rows.count) rows"
        }
        guard let out else { return FileHandleOutput.write(text) }
        try AtomicFile.write(text, to: URL(fileURLWithPath: out))
        Output.line("wrote \(out) (\(kind == .submission ? "CodaBench JSON" : resolvedFormat.rawValue), \(summary))")
    }

    private func sourceExport(store: ProjectStore, ref: SourceRef, clips: ScoredClips, scopeName: String,
                              thresholds t: Thresholds) throws -> (String, String) {
        let name = ref.description
        let table: ExportTable
        switch kind {
        case .submission:
            let submission = Submission(clips: clips, thresholds: t)
            return (submission.json(), "\(submission.predictions.count) clips of \(scopeName), \(name) at α \(Output.threshold(t.alpha)) β \(Output.threshold(t.beta))")
        case .confusion:
            table = AnalysisTables.presence(clips.confusionTables(at: t), source: name, scope: scopeName, rates: rates)
        case .salience:
            table = AnalysisTables.salience(clips.confusionTables(at: t), source: name, scope: scopeName, rates: rates)
        case .emotions:
            table = AnalysisTables.emotions(clips.confusionTables(at: t), source: name, scope: scopeName)
        case .actors:
            let index = SweepIndex(clips)
            let report = index.actorBetas(alpha: t.alpha, betas: grid.grid.betas)
            var intervals = [String: ActorUncertainty]()
            for a in report.actors {
                intervals[a.actor] = index.actorUncertainty(actor: a.actor, members: a.clips, alpha: t.alpha, betas: report.betas,
                                                            bestBeta: a.bestBeta, globalBeta: report.bestBeta,
                                                            settings: uncertainty.settings)
            }
            table = AnalysisTables.actors(report, clips: clips.clips, source: name, intervals: intervals,
                                          settings: uncertainty.settings)
        case .folds:
            let index = SweepIndex(clips)
            guard let report = index.plan(grid.grid).foldReport() else {
                throw StoreError.invalid("\(ref) has predictions for fewer than two training folds in \(scopeName)")
            }
            table = AnalysisTables.folds(report, source: name, intervals: index.foldIntervals(report, settings: uncertainty.settings))
        case .compare:
            let b: SourceRef = encoderB.map { .encoder($0) } ?? .fusion(fusionB ?? "")
            let clipsB = try scope.restrict(store.scoredClips(source: b))
            let tb = try store.thresholds(alpha: alphaB ?? alpha, beta: betaB ?? beta)
            guard let c = PairedComparison(a: clips, at: t, b: clipsB, at: tb, settings: uncertainty.settings) else {
                throw StoreError.invalid("\(ref) and \(b) share no clip in \(scopeName): nothing to compare")
            }
            table = AnalysisTables.compare(c, a: name, at: t, b: b.description, at: tb, scope: scopeName)
        case .durations:
            let report = try DurationReport.make(store: store, project: target.project, clips: clips,
                                                 binning: durationBins.binning, thresholds: t, betas: grid.grid.betas,
                                                 scope: scopeName)
            table = AnalysisTables.durations(report, source: name, scope: scopeName)
        case .review:
            let chosen = scope.scopes
            let result = try store.labelReview(source: ref) { clip in chosen.allSatisfy { $0.contains(clip) } }
            table = AnalysisTables.review(result.review, clips: result.clips.clips, source: name, top: top)
        case .encoders, .notes:
            preconditionFailure("\(kind) needs no source")
        }
        return (resolvedFormat.render(table), "\(table.rows.count) rows")
    }
}

/// Text to standard output as is (the rendered file already ends in a line break).
enum FileHandleOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
