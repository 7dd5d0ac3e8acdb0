import BlendApp
import BlendCore

/// One encoder at its own best thresholds on the official grid over the training split
/// (the challenge's cross-validation setting, as `blendscope open` prints it).
public struct EncoderBest: Hashable, Sendable {
    public let name: String
    public let modality: String
    public let best: SweepCell
    /// `99/3,050 clips` when it covers only part of the project's labelled clips; nil when all.
    public let coverage: String?

    public init(name: String, modality: String, best: SweepCell, coverage: String? = nil) {
        self.name = name
        self.modality = modality
        self.best = best
        self.coverage = coverage
    }

    /// Every encoder of the project at its own best (`encodersAtOwnBest`, off the UI thread).
    public static func load(_ project: ProjectSnapshot, from access: ProjectAccess) throws -> [EncoderBest] {
        let session = try access.session(project.path)
        return try session.encodersAtOwnBest().map { e in
            let (covered, total) = try session.coverage(of: .encoder(e.encoder.name))
            return EncoderBest(name: e.encoder.name, modality: e.encoder.modality.code, best: e.best,
                               coverage: Format.coverage(covered, of: total))
        }
    }
}
