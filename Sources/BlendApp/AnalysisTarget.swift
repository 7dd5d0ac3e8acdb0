import BlendCore
import BlendStore

/// Which of a source's thresholds to decode at when α and β are not both given (`--at`).
public enum ThresholdBasis: String, Sendable, Hashable, CaseIterable {
    /// The ones the source keeps (refused when it keeps none).
    case stored
    /// Its own best on the training split, official grid (α outer, β inner, first maximum).
    case best
}

/// What a front end asks to analyse, as the user gave it: a source by name (or none),
/// thresholds (or none) and which of the source's own to start from (`--at`).
/// `ProjectSession.target(_:)` turns it into an `AnalysisTarget`.
public struct TargetRequest: Sendable, Hashable {
    public var encoder: String?
    public var fusion: String?
    public var alpha: Double?
    public var beta: Double?
    public var at: ThresholdBasis?

    public init(encoder: String? = nil, fusion: String? = nil, alpha: Double? = nil, beta: Double? = nil,
                at: ThresholdBasis? = nil) {
        self.encoder = encoder
        self.fusion = fusion
        self.alpha = alpha
        self.beta = beta
        self.at = at
    }

    /// The request for `source` at its own thresholds.
    public init(_ source: SourceRef, alpha: Double? = nil, beta: Double? = nil, at: ThresholdBasis? = nil) {
        switch source {
        case .encoder(let name): self.init(encoder: name, alpha: alpha, beta: beta, at: at)
        case .fusion(let name): self.init(fusion: name, alpha: alpha, beta: beta, at: at)
        }
    }

    /// The source named, if any (an encoder wins when both are given; the CLI refuses both).
    public var namedSource: SourceRef? { encoder.map { .encoder($0) } ?? fusion.map { .fusion($0) } }
}

/// The source an analysis reads and the thresholds it decodes at, with where each came from.
///
/// This is the one place the rule lives. The source: the one named, else the project's current
/// one. The thresholds belong to that source, never to another: α and β as given; else the
/// ones the source keeps (`use`, the workbench's store key, accepting a fusion; a fusion keeps
/// the ones it was chosen with); else its own best on the training split (official grid).
/// `--at stored|best` picks one of the last two; a single given α or β overrides that half.
public struct AnalysisTarget: Sendable, Hashable {
    /// Where the source came from.
    public enum SourceOrigin: Sendable, Hashable {
        /// `--encoder` / `--fusion`, or a screen's choice.
        case named
        /// The project's current source (`blendscope use`, or the first one imported).
        case current
        /// No current source: the first encoder with probabilities (the workbench only).
        case firstEncoder
    }

    /// Where the thresholds came from.
    public enum ThresholdOrigin: Sendable, Hashable {
        /// Both given (`--alpha` and `--beta`).
        case given
        /// The ones the source keeps.
        case stored
        /// The source's own best on the training split.
        case bestOnTrain
        /// One given, the other the source's stored or best one.
        case mixed
        /// The workbench opening a source that keeps none and has no training clips to choose
        /// them on: the reference system's usual α 0.10, β 0.20 until the user sets some.
        case placeholder

        /// How outputs say it: `α 0.14 β 0.10 · best on train`.
        public var label: String {
            switch self {
            case .given: "given"
            case .stored: "stored"
            case .bestOnTrain: "best on train"
            case .mixed: "partly given"
            case .placeholder: "default, nothing to choose them on"
            }
        }
    }

    public let source: SourceRef
    public let sourceOrigin: SourceOrigin
    public let thresholds: Thresholds
    public let thresholdOrigin: ThresholdOrigin
    /// The source's labelled clips as read to choose its best on train, so that the verb that
    /// asked for the target analyses the same read instead of reading them again (issue 16);
    /// nil when the thresholds needed no read. Not part of the target's identity.
    var decidedOn: ScoredClips? = nil

    public static func == (a: AnalysisTarget, b: AnalysisTarget) -> Bool {
        a.source == b.source && a.sourceOrigin == b.sourceOrigin && a.thresholds == b.thresholds
            && a.thresholdOrigin == b.thresholdOrigin
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(sourceOrigin)
        hasher.combine(thresholds)
        hasher.combine(thresholdOrigin)
    }
}

extension ProjectSession {
    /// The source and thresholds `request` means in this project.
    ///
    /// - Throws: `AppError.noCurrentSource` when no source is named and the project has none;
    ///   `.noStoredThresholds` for `--at stored` on a source that keeps none;
    ///   `.noTrainingClips` when the source's best is needed and it has no training clips;
    ///   `StoreError.unknownEncoder` / `.unknownFusion`.
    public func target(_ request: TargetRequest) throws -> AnalysisTarget {
        let (source, origin) = try self.source(request)
        let decided = try decide(for: source, alpha: request.alpha, beta: request.beta, at: request.at)
        return AnalysisTarget(source: source, sourceOrigin: origin, thresholds: decided.thresholds,
                              thresholdOrigin: decided.origin, decidedOn: decided.read)
    }

    /// The source `request` means, and where it came from: the first half of `target(_:)`, for
    /// verbs that decode at no thresholds (`sweep`, `folds`, `review`), so they never choose any.
    ///
    /// - Throws: `AppError.noCurrentSource`, `AppError.unknownSource`.
    public func source(_ request: TargetRequest) throws -> (source: SourceRef, origin: AnalysisTarget.SourceOrigin) {
        if let named = request.namedSource {
            try checkExists(named)
            return (named, .named)
        }
        guard let current = try store.settings().currentSource else { throw AppError.noCurrentSource }
        return (current, .current)
    }

    /// The thresholds `source` is decoded at under the rule of `AnalysisTarget`, and where they came from.
    public func thresholds(for source: SourceRef, alpha: Double? = nil, beta: Double? = nil,
                           at choice: ThresholdBasis? = nil) throws -> (Thresholds, AnalysisTarget.ThresholdOrigin) {
        let decided = try decide(for: source, alpha: alpha, beta: beta, at: choice)
        return (decided.thresholds, decided.origin)
    }

    /// `thresholds(for:…)`, with the source's clips when they were read to choose its best.
    private func decide(for source: SourceRef, alpha: Double?, beta: Double?, at choice: ThresholdBasis?) throws
        -> (thresholds: Thresholds, origin: AnalysisTarget.ThresholdOrigin, read: ScoredClips?) {
        if let alpha, let beta { return (Thresholds(alpha: alpha, beta: beta), .given, nil) }
        let base: Thresholds, from: AnalysisTarget.ThresholdOrigin
        var read: ScoredClips?
        switch (choice, try store.storedThresholds(for: source)) {
        case (.best, _), (nil, nil):
            let scored = try store.scoredClips(source: source)
            (base, from, read) = (try bestOnTrain(scored, of: source), .bestOnTrain, scored)
        case (.stored, let stored?), (nil, let stored?):
            (base, from) = (stored, .stored)
        case (.stored, nil):
            throw AppError.noStoredThresholds(source: source.description)
        }
        if alpha == nil && beta == nil { return (base, from, read) }
        return (Thresholds(alpha: alpha ?? base.alpha, beta: beta ?? base.beta), .mixed, read)
    }

    /// Refuses a source the project lacks, listing the ones it has (closest first).
    func checkExists(_ source: SourceRef) throws {
        // One indexed lookup on every verb's start; the names are read only to word a refusal.
        if try store.hasSource(source) { return }
        let known: [String]
        switch source {
        case .encoder: known = try store.encoders().filter { $0.probabilityCount > 0 }.map(\.name)
        case .fusion: known = try store.fusions().map(\.spec.name)
        }
        throw AppError.unknownSource(kind: source.kind, name: source.name,
                                     known: NameSuggestions.closestFirst(to: source.name, among: known))
    }

    /// The source's own best thresholds on its training clips, official grid.
    ///
    /// - Throws: `AppError.noTrainingClips` when it has none.
    public func bestOnTrain(_ source: SourceRef) throws -> Thresholds {
        try bestOnTrain(store.scoredClips(source: source), of: source)
    }

    /// The best on train of `scored`, the labelled clips of `source`.
    func bestOnTrain(_ scored: ScoredClips, of source: SourceRef) throws -> Thresholds {
        let train = scored.filter { $0.split == .train }
        guard train.count > 0 else { throw AppError.noTrainingClips(source: source.description) }
        return ownBestSweep(source, train: train).best.thresholds
    }

    /// The official grid swept over `train`, the training clips of `source`: made once per
    /// session for the same clips (the Overview's encoder table and the source picker share it).
    func ownBestSweep(_ source: SourceRef, train: ScoredClips) -> SweepResult {
        sweeps.result(for: source, train: train)
    }

    /// The project's current source at its thresholds; with `fallback`, a project without a
    /// current source opens on its first encoder with probabilities (the workbench's rule).
    /// Nil when there is no source at all.
    public func currentTarget(fallback: Bool) throws -> AnalysisTarget? {
        let source: SourceRef, origin: AnalysisTarget.SourceOrigin
        if let current = try store.settings().currentSource {
            (source, origin) = (current, .current)
        } else if fallback, let first = try store.encoders().first(where: { $0.probabilityCount > 0 }) {
            (source, origin) = (.encoder(first.name), .firstEncoder)
        } else {
            return nil
        }
        do {
            let (thresholds, from) = try thresholds(for: source)
            return AnalysisTarget(source: source, sourceOrigin: origin, thresholds: thresholds, thresholdOrigin: from)
        } catch AppError.noTrainingClips {
            return AnalysisTarget(source: source, sourceOrigin: origin, thresholds: Self.placeholderThresholds,
                                  thresholdOrigin: .placeholder)
        }
    }

    /// What the workbench shows a source with nothing to choose thresholds on.
    public static let placeholderThresholds = Thresholds(alpha: 0.1, beta: 0.2)
}

/// A part of the project's clips: every scope given must hold (none: all clips).
public struct ClipSelection: Sendable, Hashable {
    public var scopes: [ClipScope]

    public init(_ scopes: [ClipScope] = []) {
        self.scopes = scopes
    }

    public static let all = ClipSelection()

    /// `all`, or the scopes joined: `train · fold 2`.
    public var description: String { scopes.isEmpty ? "all" : scopes.map(\.description).joined(separator: " · ") }

    public func contains(_ clip: ClipInfo) -> Bool { scopes.allSatisfy { $0.contains(clip) } }

    /// Whether every scope holds unlabelled test clips (`all` and `test` do; a fold, an actor
    /// or the training split never does).
    public var holdsUnlabelled: Bool { scopes.allSatisfy(\.holdsUnlabelled) }

    /// The labelled clips of `scored` in the selection.
    ///
    /// - Throws: `AppError.emptySelection` when there are none, unless `allowEmpty`.
    public func restrict(_ scored: ScoredClips, unlabelled: Int = 0, allowEmpty: Bool = false) throws -> ScoredClips {
        let part = scored.filter(contains)
        if part.count == 0 && !allowEmpty { throw AppError.emptySelection(scope: description, unlabelled: unlabelled) }
        return part
    }
}

extension ProjectSession {
    /// How many of the project's unlabelled test clips `selection` holds: what a scored
    /// output leaves out ("594 unlabelled test clips not scored").
    public func unlabelledCount(in selection: ClipSelection = .all) throws -> Int {
        selection.holdsUnlabelled ? try store.unlabelledCount() : 0
    }

    /// The source's labelled clips with their probabilities.
    public func scoredClips(_ source: SourceRef) throws -> ScoredClips {
        try store.scoredClips(source: source)
    }

    /// The source's labelled clips in `selection`, and how many unlabelled clips it left out.
    ///
    /// - Throws: `AppError.emptySelection` when none is left, unless `allowEmpty`.
    public func scoredClips(_ source: SourceRef, in selection: ClipSelection,
                            allowEmpty: Bool = false) throws -> (clips: ScoredClips, unlabelled: Int) {
        let left = try unlabelledCount(in: selection)
        return (try selection.restrict(store.scoredClips(source: source), unlabelled: left, allowEmpty: allowEmpty), left)
    }

    /// The same for `target`'s source, reusing the clips its thresholds were chosen on when
    /// choosing them read the clips (a target lives for one verb or one load; the workbench
    /// asks for a new one when the project changes).
    public func scoredClips(_ target: AnalysisTarget, in selection: ClipSelection,
                            allowEmpty: Bool = false) throws -> (clips: ScoredClips, unlabelled: Int) {
        guard let read = target.decidedOn else { return try scoredClips(target.source, in: selection, allowEmpty: allowEmpty) }
        let left = try unlabelledCount(in: selection)
        return (try selection.restrict(read, unlabelled: left, allowEmpty: allowEmpty), left)
    }
}
