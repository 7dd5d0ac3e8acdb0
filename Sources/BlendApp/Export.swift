import BlendCore
import BlendReport
import BlendStore
import Foundation

/// A table `export` computes from one source's clips.
public enum SourceTable: Sendable, Hashable {
    case confusion(rates: Bool)
    case salience(rates: Bool)
    case emotions
    /// Presence per emotion in each training fold the clips cover.
    case emotionFolds
    /// ACC_P and ACC_S per label kind.
    case kinds
    case actors(grid: ThresholdGrid)
    case folds(grid: ThresholdGrid)
    /// The paired comparison with source `b` at `thresholds`.
    case compare(b: SourceRef, thresholds: Thresholds)
    case durations(binning: DurationBinning, grid: ThresholdGrid)
    case review(top: Int?)
}

/// Writing exports: whole or not at all (`AtomicFile`).
public enum ExportFile {
    /// Refuses a path that cannot be written (a directory, a FIFO, …) before any work.
    public static func check(_ path: String) throws { _ = try AtomicFile.target(of: URL(fileURLWithPath: path)) }

    /// Writes `text` into a temporary file beside `path`, then renames it over `path`.
    public static func write(_ text: String, to path: String) throws { try AtomicFile.write(text, to: URL(fileURLWithPath: path)) }
}

extension ProjectSession {
    /// One of `export`'s source tables over `clips` (the source's clips in `selection`).
    public func table(_ kind: SourceTable, source: SourceRef, clips: ScoredClips, selection: ClipSelection,
                      thresholds t: Thresholds, settings: BootstrapSettings = .standard) throws -> ExportTable {
        let name = source.description, scope = selection.description
        switch kind {
        case .confusion(let rates):
            return AnalysisTables.presence(clips.confusionTables(at: t), source: name, scope: scope, rates: rates)
        case .salience(let rates):
            return AnalysisTables.salience(clips.confusionTables(at: t), source: name, scope: scope, rates: rates)
        case .emotions:
            return AnalysisTables.emotions(clips.confusionTables(at: t), source: name, scope: scope,
                                           intervals: clips.emotionIntervals(at: t, settings: settings))
        case .emotionFolds:
            let folds = Set(clips.clips.compactMap(\.fold)).sorted().map { fold in
                FoldPresence(fold: fold, scores: clips.confusionTables(at: t, in: .fold(fold)).perEmotion)
            }
            return AnalysisTables.emotionFolds(folds, source: name, scope: scope, thresholds: t)
        case .kinds:
            let metrics = Dictionary(uniqueKeysWithValues: Label.Kind.allCases.map { kind in
                (kind, SweepIndex(clips.filter { $0.label.kind == kind }).metrics(at: t))
            })
            return AnalysisTables.kinds(metrics, source: name, scope: scope, thresholds: t)
        case .actors(let grid):
            let index = SweepIndex(clips)
            let report = index.actorBetas(alpha: t.alpha, betas: grid.betas)
            var intervals = [String: ActorUncertainty]()
            for row in Self.rows(index: index, report: report, alpha: t.alpha, settings: settings) {
                intervals[row.actor.actor] = row.uncertainty
            }
            return AnalysisTables.actors(report, clips: clips.clips, source: name, intervals: intervals, settings: settings)
        case .folds(let grid):
            let (report, intervals, _) = try Self.folds(clips, source: source, scope: scope, grid: grid, settings: settings)
            return AnalysisTables.folds(report, source: name, intervals: intervals)
        case .compare(let b, let tb):
            let clipsB = try selection.restrict(store.scoredClips(source: b))
            let c = try Self.compare(clips, source, at: t, with: clipsB, b, at: tb, scope: scope, settings: settings)
            return AnalysisTables.compare(c, a: name, at: t, b: b.description, at: tb, scope: scope)
        case .durations(let binning, let grid):
            let report = try durationReport(clips, binning: binning, thresholds: t, betas: grid.betas, scope: scope)
            return AnalysisTables.durations(report, source: name, scope: scope)
        case .review(let top):
            let result = try store.labelReview(source: source, keep: selection.contains)
            return AnalysisTables.review(result.review, clips: result.clips.clips, source: name, top: top)
        }
    }

    /// `export encoders`: every encoder on the training split; with `settings`, each with its
    /// actor-bootstrap intervals (at its best thresholds, and of the honest Score).
    public func encodersTable(grid: ThresholdGrid = .official, settings: BootstrapSettings? = nil) throws -> ExportTable {
        let summaries = try store.encoderSummaries(grid: grid)
        guard let settings else { return AnalysisTables.encoders(summaries) }
        var intervals = [String: EncoderIntervals]()
        for s in summaries {
            guard let summary = s.summary else { continue }
            let index = SweepIndex(try store.scoredClips(encoder: s.info.name).filter { $0.split == .train })
            intervals[s.info.name] = EncoderIntervals(
                metrics: index.intervals(at: summary.best.thresholds, settings: settings),
                honestScore: summary.folds.map { index.foldIntervals($0, settings: settings).honestScore })
        }
        return AnalysisTables.encoders(summaries, intervals: intervals, settings: settings)
    }

    /// `export predictions`: every encoder's probabilities per clip in long form, as the
    /// project file's `predictions` view holds them.
    public func predictionsTable() throws -> ExportTable { try store.predictionsTable() }

    /// `export notes`: every note and tag.
    public func notesTable() throws -> ExportTable { AnalysisTables.notes(try store.annotations()) }

    /// `export submission`: the selection's labelled `clips` and, when it holds them, the
    /// source's unlabelled test clips, decoded at `thresholds`.
    public func submission(_ source: SourceRef, clips: ScoredClips, selection: ClipSelection,
                           thresholds: Thresholds) throws -> (submission: Submission, unlabelled: Int) {
        let unlabelled = selection.holdsUnlabelled ? try store.unlabelledScores(source: source) : .empty
        return (Submission(clips: clips, unlabelled: unlabelled, thresholds: thresholds), unlabelled.count)
    }
}
