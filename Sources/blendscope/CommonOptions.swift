import ArgumentParser
import BlendApp
import BlendCore
import Foundation

/// The project file every verb but `bench` works on.
struct ProjectOptions: ParsableArguments {
    @Argument(help: "The project file (SQLite), e.g. demo/demo.sqlite.")
    var project: String

    /// Opens the project once for the verb; verbs that create one pass `create: true`.
    func session(create: Bool = false) throws -> ProjectSession {
        try ProjectSession(path: project, create: create)
    }
}

/// `--encoder NAME` or `--fusion NAME`; neither means the project's current source.
struct SourceOptions: ParsableArguments {
    @Option(help: "Evaluate this encoder's probabilities.")
    var encoder: String?

    @Option(help: "Evaluate this saved fusion.")
    var fusion: String?

    func validate() throws {
        if encoder != nil && fusion != nil { throw ValidationError("give --encoder or --fusion, not both") }
    }

    /// The source and thresholds to analyse (the rule lives in `ProjectSession.target`).
    func target(in session: ProjectSession, alpha: Double? = nil, beta: Double? = nil,
                at: ThresholdBasis? = nil) throws -> AnalysisTarget {
        try session.target(TargetRequest(encoder: encoder, fusion: fusion, alpha: alpha, beta: beta, at: at))
    }

    /// The source alone, for verbs that choose no thresholds (sweep, folds, review).
    func source(in session: ProjectSession) throws -> SourceRef {
        try session.source(TargetRequest(encoder: encoder, fusion: fusion)).source
    }
}

/// `--alpha`, `--beta` and `--at` over the source's own thresholds (eval, confusion, durations).
struct ThresholdOptions: ParsableArguments {
    @Option(help: "Presence threshold α (default: the source's own).")
    var alpha: Double?

    @Option(help: "Salience threshold β (default: the source's own).")
    var beta: Double?

    @OptionGroup var choice: ThresholdBasisOption

    func validate() throws {
        try validateThresholds(alpha: alpha, beta: beta)
    }

    /// `source` and these thresholds over the project's current ones.
    func target(_ source: SourceOptions, in session: ProjectSession) throws -> AnalysisTarget {
        try source.target(in: session, alpha: alpha, beta: beta, at: choice.at)
    }
}

/// `--at stored|best`: which of the source's own thresholds a verb that decodes starts from.
struct ThresholdBasisOption: ParsableArguments {
    @Option(help: ArgumentHelp("Which of the source's own thresholds: stored, or best (on train, official grid).",
                               discussion: "Default: stored when the source keeps some, else best."))
    var at: ThresholdBasis?
}

/// `--split`, `--fold`, `--actor`: a part of the clips. All given must hold.
struct ScopeOptions: ParsableArguments {
    @Option(help: "Only clips of this split (train or test).")
    var split: Split?

    @Option(help: "Only clips of this training fold (0–4).")
    var fold: Int?

    @Option(help: "Only clips of this actor (e.g. A229).")
    var actor: String?

    func validate() throws {
        if let fold, !(0...4).contains(fold) { throw ValidationError("--fold must be 0–4, got \(fold)") }
    }

    var scopes: [ClipScope] {
        var s: [ClipScope] = []
        if let split { s.append(.split(split)) }
        if let fold { s.append(.fold(fold)) }
        if let actor { s.append(.actor(actor)) }
        return s
    }

    var selection: ClipSelection { ClipSelection(scopes) }

    /// `all`, or the scopes joined: `train · fold 2`.
    var description: String { selection.description }

    /// Whether every scope holds unlabelled test clips (`all` and `test` do; a fold, an actor
    /// or the training split never does).
    var holdsUnlabelled: Bool { selection.holdsUnlabelled }
}

extension Split: ExpressibleByArgument {}
extension ThresholdBasis: ExpressibleByArgument {}

/// `--json`: one JSON document instead of text.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON for scripts.")
    var json = false
}

/// `--ci LEVEL`, `--replicates R`, `--seed S`: how every interval and test is drawn.
struct UncertaintyOptions: ParsableArguments {
    @Option(name: .customLong("ci"), help: "Interval level, strictly between 0 and 1.")
    var level: Double = BootstrapSettings.standard.level

    @Option(help: "Bootstrap replicates, or permutations for --test (100–100000).")
    var replicates: Int = BootstrapSettings.standard.replicates

    @Option(help: "Seed of the draws (0–18446744073709551615); the same seed gives the same intervals.")
    var seed: UInt64 = BootstrapSettings.standard.seed

    func validate() throws {
        guard level.isFinite, level > 0, level < 1 else {
            throw ValidationError("--ci must be a level strictly between 0 and 1 (e.g. 0.95), got \(level)")
        }
        let range = BootstrapSettings.replicateRange
        guard range.contains(replicates) else {
            throw ValidationError("--replicates must be \(range.lowerBound)–\(range.upperBound), got \(replicates)")
        }
    }

    var settings: BootstrapSettings { BootstrapSettings(level: level, replicates: replicates, seed: seed) }
}
