import Foundation

/// What an encoder looks at. The reference tables spell these `A`, `V` and `AV`.
public enum Modality: String, Sendable, Hashable, Codable, CaseIterable {
    case audio, visual, audiovisual, text, unknown

    /// Accepts the full names and the reference tables' `A`, `V`, `AV`, `T` (any case).
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "a", "audio": self = .audio
        case "v", "visual", "video", "face", "body": self = .visual
        case "av", "audiovisual", "audio-visual": self = .audiovisual
        case "t", "text": self = .text
        case "unknown", "": self = .unknown
        default: return nil
        }
    }

    /// The reference tables' short form (`A`, `V`, `AV`, `T`; `?` when unknown), for narrow
    /// columns.
    public var code: String {
        switch self {
        case .audio: "A"
        case .visual: "V"
        case .audiovisual: "AV"
        case .text: "T"
        case .unknown: "?"
        }
    }
}

/// Where an encoder's outputs come from.
public enum EncoderSource: String, Sendable, Hashable, Codable, CaseIterable {
    case imported, trained, fused
}

/// An encoder as listings show it: identity and what the project holds for it.
public struct EncoderInfo: Sendable, Hashable, Codable {
    public let name: String
    public let modality: Modality
    public let source: EncoderSource
    public let created: Date
    /// JSON settings of a trained or fused encoder; nil for imports.
    public let config: String?
    /// Clips with probabilities from this encoder (0 when only features were imported).
    public let probabilityCount: Int
    /// Feature dimension, nil when the encoder has no features.
    public let featureDimension: Int?
    /// Clips with a feature row.
    public let featureCount: Int
}
