import BlendCore

/// What a use case refuses, one case per kind a front end reacts to (the CLI shows some as
/// usage errors, see `isUsage`). The messages are the ones the verbs have always printed.
public enum AppError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither a source was named nor has the project a current one.
    case noCurrentSource
    /// The clip selection holds no labelled clip with predictions (`unlabelled`: the
    /// unlabelled test clips it holds, never scored).
    case emptySelection(scope: String, unlabelled: Int)
    /// The same for the label review, which reports it as a refusal, not a usage error.
    case emptyReview(scope: String, unlabelled: Int)
    /// A submission with no clip at all.
    case emptySubmission(scope: String)
    /// The source has predictions in fewer than two training folds (`scope` when restricted).
    case tooFewFolds(source: String, scope: String?)
    /// `actors --actor ID` for an actor the source has no predictions for.
    case unknownActor(source: String, actor: String)
    /// Two sources with no clip in common.
    case nothingToCompare(a: String, b: String, scope: String)
    /// No clip of the selection has a duration (videos not linked).
    case noDurations(scope: String, project: String)
    case noSuchNote(clip: String, id: Int64)
    /// A note the screen showed that someone else deleted meanwhile.
    case noteGone
    case noSuchTag(clip: String, tag: String)
    /// The workbench's words for a tag someone else removed meanwhile.
    case tagGone(clip: String, tag: String)
    case emptyTag
    case emptyNote
    /// `cancel` of a job that already ended.
    case jobEnded(id: Int64, status: String, message: String)
    /// A named encoder or fusion the project lacks, with the ones it has, closest first.
    case unknownSource(kind: String, name: String, known: [String])
    /// `--at stored` for a source that keeps no thresholds.
    case noStoredThresholds(source: String)
    /// A source without stored thresholds and without training clips to choose them on.
    case noTrainingClips(source: String)
    /// `fuse --as NAME` without `--replace` for a name taken.
    case fusionExists(String)
    /// `fuse --group NAME=…` naming an encoder that is not fused.
    case groupNotFused(group: String, encoder: String)
    /// A fusion's figure asked of a source that is not a saved fusion (`fusions`: those saved).
    case notAFusion(source: String, fusions: [String])

    /// Whether the CLI reports it as a usage error (with the verb's usage, exit 64): an option
    /// missing or naming the wrong thing. A refusal of the project's state (a job that already
    /// ended, an unknown name) is not.
    public var isUsage: Bool {
        switch self {
        case .noCurrentSource, .emptySelection, .emptySubmission, .fusionExists, .groupNotFused, .notAFusion: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .noCurrentSource:
            "the project has no current source: give --encoder NAME or --fusion NAME (or set one with `blendscope use`)"
        case .emptySelection(let scope, let unlabelled), .emptyReview(let scope, let unlabelled):
            "no labelled clips with predictions in \(scope)" + (ClipScope.unlabelledNote(unlabelled).map { " (\($0))" } ?? "")
        case .emptySubmission(let scope): "no clips with predictions in \(scope)"
        case .tooFewFolds(let source, nil): "\(source) has predictions for fewer than two training folds: nothing to hold out"
        case .tooFewFolds(let source, let scope?): "\(source) has predictions for fewer than two training folds in \(scope)"
        case .unknownActor(let source, let actor): "\(source) has no predictions for actor '\(actor)'"
        case .nothingToCompare(let a, let b, let scope): "\(a) and \(b) share no clip in \(scope): nothing to compare"
        case .noDurations(let scope, let project):
            "no clip in \(scope) has a duration: link the videos first with `blendscope import \(project) --videos DIR`"
        case .unknownSource(let kind, let name, let known):
            "no \(kind) named '\(name)' in the project"
                + (known.isEmpty ? " (it has none)" : " (it has \(known.count == 1 ? "" : "closest first: ")\(Self.list(known)))")
        case .noStoredThresholds(let source):
            "\(source) has no stored thresholds: store them with `blendscope use`, or give --at best"
        case .noTrainingClips(let source):
            "\(source) has no stored thresholds and no training clips to choose them on: give --alpha and --beta"
        case .noSuchNote(let clip, let id): "\(clip) has no note with id \(id)"
        case .noteGone: "that note no longer exists"
        case .noSuchTag(let clip, let tag): "\(clip) has no tag '\(tag)'"
        case .tagGone(let clip, let tag): "\(clip) has no tag \"\(tag)\""
        case .emptyTag: "a tag needs some text"
        case .emptyNote: "a note needs some text"
        case .jobEnded(let id, let status, let message): "job \(id) already ended: \(status) (\(message))"
        case .fusionExists(let name): "a fusion named '\(name)' already exists (add --replace to overwrite it)"
        case .groupNotFused(let group, let encoder): "group '\(group)' names '\(encoder)', which is not among the fused encoders"
        case .notAFusion(let source, let fusions):
            "\(source) is not a fusion: give --fusion NAME ("
                + (fusions.isEmpty ? "none saved yet: make one with `blendscope fuse PROJECT --as NAME`)"
                                   : "saved: \(fusions.joined(separator: ", ")))")
        }
    }
}

extension AppError {
    /// At most eight names, then how many more.
    fileprivate static func list(_ names: [String]) -> String {
        let shown = names.prefix(8).joined(separator: ", ")
        return names.count > 8 ? shown + ", and \(names.count - 8) more" : shown
    }
}
