import BlendApp
import BlendCore
import BlendReport

/// One encoder at its own best thresholds on the official grid over the training split
/// (the challenge's cross-validation setting, as `blendscope open` prints it).
public struct EncoderBest: Hashable, Sendable {
    public let name: String
    /// The modality's short code (`AV`, `V`, …).
    public let modality: String
    public let best: SweepCell
    /// `99/3,050 clips` when it covers only part of the project's labelled clips; nil when all.
    public let coverage: String?
    /// The modality's and the encoder's stored names (`audio-video`, `imported`): the report's
    /// `modality` and `source` columns.
    public let modalityName: String
    public let origin: String
    /// Labelled clips with its probabilities, and the project's labelled clips.
    public let clips: Int
    public let labelledClips: Int
    /// The digest of its training clips and probabilities (`EncoderAtBest.content`), what its
    /// intervals are keyed by.
    public let content: ContentDigest?

    public init(name: String, modality: String, best: SweepCell, coverage: String? = nil, modalityName: String? = nil,
                origin: String = "imported", clips: Int? = nil, labelledClips: Int? = nil, content: ContentDigest? = nil) {
        self.content = content
        self.name = name
        self.modality = modality
        self.best = best
        self.coverage = coverage
        self.modalityName = modalityName ?? modality
        self.origin = origin
        self.clips = clips ?? labelledClips ?? 0
        self.labelledClips = labelledClips ?? clips ?? 0
    }

    /// Every encoder of the project at its own best (`encodersAtOwnBest`, off the UI thread).
    public static func load(_ project: ProjectSnapshot, from access: ProjectAccess) throws -> [EncoderBest] {
        try access.session(project.path).encodersAtOwnBest().map { e in
            EncoderBest(name: e.encoder.name, modality: e.encoder.modality.code, best: e.best,
                        coverage: Format.coverage(e.clips, of: e.labelledClips), modalityName: e.encoder.modality.rawValue,
                        origin: e.encoder.source.rawValue, clips: e.clips, labelledClips: e.labelledClips, content: e.content)
        }
    }

    /// What its intervals are cached under: the encoder, its best thresholds, its training clips' digest.
    public var intervalKey: OverviewIntervalKey {
        OverviewIntervalKey(source: .encoder(name), thresholds: best.thresholds, content: content, scope: .ownBestOnTrain)
    }

    /// Its row of the encoders-at-own-best report (`open`'s table), with `intervals` when known.
    public func reportRow(intervals: MetricIntervals?) -> EncoderBestRow {
        EncoderBestRow(name: name, modality: modalityName, modalityCode: modality, source: origin, clips: clips,
                       labelledClips: labelledClips, cell: best, intervals: intervals)
    }
}
