import BlendApp
import BlendCore

/// One encoder at its own best thresholds on the official grid over the training split
/// (the challenge's cross-validation setting, as `blendscope open` prints it).
public struct EncoderBest: Hashable, Sendable {
    public let name: String
    public let modality: String
    public let best: SweepCell

    public init(name: String, modality: String, best: SweepCell) {
        self.name = name
        self.modality = modality
        self.best = best
    }

    /// Every encoder of the project at its own best (`encodersAtOwnBest`, off the UI thread).
    public static func load(_ project: ProjectSnapshot, from access: ProjectAccess) throws -> [EncoderBest] {
        try access.session(project.path).encodersAtOwnBest().map { e in
            EncoderBest(name: e.encoder.name, modality: e.encoder.modality.code, best: e.best)
        }
    }
}
