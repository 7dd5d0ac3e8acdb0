import BlendCore
import BlendStore

/// What a front end asks to analyse, as the user gave it: a source by name (or none) and
/// thresholds (or none). `ProjectSession.target(_:)` turns it into an `AnalysisTarget`.
public struct TargetRequest: Sendable, Hashable {
    public var encoder: String?
    public var fusion: String?
    public var alpha: Double?
    public var beta: Double?

    public init(encoder: String? = nil, fusion: String? = nil, alpha: Double? = nil, beta: Double? = nil) {
        self.encoder = encoder
        self.fusion = fusion
        self.alpha = alpha
        self.beta = beta
    }

    /// The source named, if any (an encoder wins when both are given; the CLI refuses both).
    public var namedSource: SourceRef? { encoder.map { .encoder($0) } ?? fusion.map { .fusion($0) } }
}

/// The source an analysis reads and the thresholds it decodes at, with where each came from.
///
/// This is the one place the rule lives (issue 14 will change it here): the source named,
/// else the project's current one; each threshold given, else the project's stored one.
public struct AnalysisTarget: Sendable, Hashable {
    /// Where the source came from.
    public enum SourceOrigin: Sendable, Hashable {
        /// `--encoder` / `--fusion`, or a screen's choice.
        case named
        /// The project's current source (`blendscope use`).
        case current
        /// No current source: the first encoder with probabilities (the workbench only).
        case firstEncoder
    }

    /// Where a threshold came from.
    public enum ThresholdOrigin: Sendable, Hashable {
        /// Both given (`--alpha` and `--beta`).
        case given
        /// Both the project's stored ones.
        case stored
        /// One given, the other stored.
        case mixed
    }

    public let source: SourceRef
    public let sourceOrigin: SourceOrigin
    public let thresholds: Thresholds
    public let thresholdOrigin: ThresholdOrigin
}

extension ProjectSession {
    /// The source and thresholds `request` means in this project.
    ///
    /// - Throws: `AppError.noCurrentSource` when no source is named and the project has none.
    public func target(_ request: TargetRequest) throws -> AnalysisTarget {
        let settings = try store.settings()
        let source: SourceRef, origin: AnalysisTarget.SourceOrigin
        if let named = request.namedSource {
            (source, origin) = (named, .named)
        } else if let current = settings.currentSource {
            (source, origin) = (current, .current)
        } else {
            throw AppError.noCurrentSource
        }
        return AnalysisTarget(source: source, sourceOrigin: origin,
                              thresholds: Self.thresholds(request.alpha, request.beta, over: settings.thresholds),
                              thresholdOrigin: Self.origin(request.alpha, request.beta))
    }

    /// The thresholds `alpha`/`beta` mean: each given one, else the project's stored one
    /// (the other half of the rule of `target(_:)`, for verbs that need no source).
    public func thresholds(alpha: Double? = nil, beta: Double? = nil) throws -> Thresholds {
        Self.thresholds(alpha, beta, over: try store.settings().thresholds)
    }

    /// The project's current source and thresholds; with `fallback`, a project without a
    /// current source opens on its first encoder with probabilities (the workbench's rule).
    /// Nil when there is no source at all.
    public func currentTarget(fallback: Bool) throws -> AnalysisTarget? {
        let settings = try store.settings()
        if let current = settings.currentSource {
            return AnalysisTarget(source: current, sourceOrigin: .current, thresholds: settings.thresholds, thresholdOrigin: .stored)
        }
        guard fallback, let first = try store.encoders().first(where: { $0.probabilityCount > 0 }) else { return nil }
        return AnalysisTarget(source: .encoder(first.name), sourceOrigin: .firstEncoder, thresholds: settings.thresholds,
                              thresholdOrigin: .stored)
    }

    private static func thresholds(_ alpha: Double?, _ beta: Double?, over stored: Thresholds) -> Thresholds {
        Thresholds(alpha: alpha ?? stored.alpha, beta: beta ?? stored.beta)
    }

    private static func origin(_ alpha: Double?, _ beta: Double?) -> AnalysisTarget.ThresholdOrigin {
        switch (alpha, beta) {
        case (nil, nil): .stored
        case (.some, .some): .given
        default: .mixed
        }
    }
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
}
