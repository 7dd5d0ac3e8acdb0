import BlendCore
import BlendStore

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

    /// Sweeps every encoder of `project` (read from its store, off the UI thread).
    public static func load(_ project: ProjectSnapshot, from access: ProjectAccess = .files) throws -> [EncoderBest] {
        let store = try access.open(project.path)
        return try project.encoders.map { encoder in
            let train = try store.scoredClips(encoder: encoder.name).filter { $0.split == .train }
            return EncoderBest(name: encoder.name, modality: encoder.modality.code,
                               best: SweepIndex(train).sweep(grid: .official).best)
        }
    }
}
