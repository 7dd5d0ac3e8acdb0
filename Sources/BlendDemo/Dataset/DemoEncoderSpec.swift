import BlendCore

/// One synthetic encoder of the demo: its identity as published and the knobs that shape its
/// out-of-fold probabilities.
public struct DemoEncoderSpec: Hashable, Sendable {
    /// The input the encoder reads, as the reference table gives it.
    public enum Modality: String, Hashable, Sendable, CaseIterable {
        case audio = "A", video = "V", audioVisual = "AV"
    }

    /// Whether the reference system fine-tuned the encoder for BLEMORE or used it as published.
    public enum Origin: String, Hashable, Sendable, CaseIterable {
        case adapted, baseline
    }

    /// What the encoder looks at; decides which emotions it sees well (see `visibility`).
    public enum View: String, Hashable, Sendable, CaseIterable {
        case face, body, frames, voice, audioVisual

        /// Per class (challenge order) gain on the evidence of the emotions shown. Faces show
        /// happiness and disgust best, bodies anger and fear, voices anger and sadness; whole
        /// frames are a milder face; audio-visual encoders see every class alike. The different
        /// blind spots are what late fusion recovers.
        public var visibility: [Double] {
            switch self {
            case .face: [0.91, 1.11, 0.87, 1.25, 0.95, 1.0]
            case .body: [1.10, 0.85, 1.15, 0.95, 1.00, 1.0]
            case .frames: [0.95, 1.05, 0.90, 1.15, 1.00, 1.0]
            case .voice: [1.18, 0.87, 1.00, 1.00, 1.11, 1.0]
            case .audioVisual: [1.0, 1.0, 1.0, 1.0, 1.0, 1.0]
            }
        }
    }

    /// A short name without spaces, for `--encoder NAME` and file names.
    public let name: String
    /// The row name in the reference system's published table (`paper_encoders.csv`).
    public let referenceName: String
    public let modality: Modality
    public let origin: Origin
    public let view: View
    /// Width of the encoder's synthetic feature rows.
    public let featureDimension: Int
    /// How strongly the logits respond to the emotions shown (multiplies clip intensity).
    public let presenceGain: Double
    /// How well the encoder reads salience, 0...1: it both damps the private noise on the
    /// emotions shown (`focus`) and lets more of the actor's 70/30 margin through
    /// (`salienceSensitivity`). Mainly moves ACC_S; `presenceGain` mainly moves ACC_P.
    public let salienceSkill: Double
    /// ACC_P and ACC_S this encoder is calibrated to reach at its best official-grid thresholds
    /// over the training split (published where `targetIsPublished`).
    public let targetPresence: Double
    public let targetSalience: Double
    public let targetIsPublished: Bool

    public init(name: String, referenceName: String, modality: Modality, origin: Origin, view: View,
                featureDimension: Int, presenceGain: Double, salienceSkill: Double,
                targetPresence: Double, targetSalience: Double, targetIsPublished: Bool) {
        precondition(featureDimension > 0, "an encoder needs at least one feature column")
        precondition(presenceGain > 0, "the presence gain must be positive")
        precondition((0...1).contains(salienceSkill), "the salience skill lies in 0...1")
        self.name = name
        self.referenceName = referenceName
        self.modality = modality
        self.origin = origin
        self.view = view
        self.featureDimension = featureDimension
        self.presenceGain = presenceGain
        self.salienceSkill = salienceSkill
        self.targetPresence = targetPresence
        self.targetSalience = targetSalience
        self.targetIsPublished = targetIsPublished
    }

    /// Share of the private noise kept off the emotions shown (0 = none, 0.9 at full skill).
    public var focus: Double { 0.9 * salienceSkill }

    /// Multiplier on the world's 70/30 margin: 0.5 at no skill, 2.5 at full skill.
    public var salienceSensitivity: Double { 0.5 + 2 * salienceSkill }

    /// The Score the targets imply.
    public var targetScore: Double { 0.5 * targetPresence + 0.5 * targetSalience }
}
