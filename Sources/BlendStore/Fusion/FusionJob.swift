import BlendCore
import Foundation

/// What a fusion re-optimisation records as a job, whoever starts it (`blendscope fuse`, the
/// Fusion screen): one kind and one config shape, so `jobs` and the Jobs screen read them alike.
public enum FusionJob {
    public static let kind = "fuse"

    /// The settings as JSON (snake-case keys, sorted): the method and its parameters, the
    /// encoders fused, the name it is saved under and what started it, where given.
    public static func config(settings: FusionSettings, encoders: [String], saveAs: String? = nil,
                              madeBy: String? = nil) throws -> String {
        struct Config: Encodable {
            let settings: FusionSettings
            let encoders: [String]
            let saveAs: String?
            let madeBy: String?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let config = Config(settings: settings, encoders: encoders, saveAs: saveAs, madeBy: madeBy)
        return String(decoding: try encoder.encode(config), as: UTF8.self)
    }
}
