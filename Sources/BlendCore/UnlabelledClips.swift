/// A test clip without a label or an actor: the challenge's anonymised `test_0001.mov`.
///
/// Deliberately not a `ClipInfo`: every analysis (metrics, sweeps, folds, actors, confusion,
/// review, durations, fusion search) takes `ScoredClips`, whose clips all have a label, so no
/// metric can count an unlabelled clip by accident. Unlabelled clips travel beside them, in
/// `UnlabelledScores`, to the views that decode without scoring (the Clips screen, the
/// submission) and to the outputs that say how many clips a scope left out.
public struct UnlabelledClip: Hashable, Sendable, Codable {
    /// The stem (`test_0001`): the key every importer matches by.
    public let name: String
    /// The file name as imported (`test_0001.mov`): the clip's key in a submission.
    public let file: String

    public init(name: String, file: String) {
        self.name = name
        self.file = file
    }

    /// Unlabelled clips are test clips, always.
    public var split: Split { .test }
}

/// Unlabelled clips with one source's class probabilities, row-major N×6.
public struct UnlabelledScores: Sendable {
    public let clips: [UnlabelledClip]
    public let probabilities: [Double]

    public static let empty = UnlabelledScores(clips: [], probabilities: [])

    public init(clips: [UnlabelledClip], probabilities: [Double]) {
        precondition(probabilities.count == clips.count * Emotion.count, "N×6 probabilities expected")
        self.clips = clips
        self.probabilities = probabilities
    }

    public var count: Int { clips.count }
}

extension UnlabelledScores: ProbabilityRows {}

extension ClipScope {
    /// Whether this scope would hold the project's unlabelled clips: they are test clips
    /// with no fold and no actor, so only `all` and `test` do.
    public var holdsUnlabelled: Bool {
        switch self {
        case .all, .split(.test): true
        case .split(.train), .fold, .actor: false
        }
    }

    /// "594 unlabelled test clips not scored", or nil when there are none.
    public static func unlabelledNote(_ count: Int) -> String? {
        guard count > 0 else { return nil }
        return "\(count) unlabelled test clip\(count == 1 ? "" : "s") not scored"
    }
}
