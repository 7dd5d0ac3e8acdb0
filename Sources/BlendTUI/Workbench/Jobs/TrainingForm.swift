import BlendApp
import BlendCore

/// The Jobs screen's retraining form: which encoder's features to retrain on, the model,
/// epochs and seed, and whether to replace an earlier result of the same name. Everything
/// else keeps `blendscope train`'s defaults, so the job is the one that command would run.
public struct TrainingForm: Hashable, Sendable {
    /// The form's rows, in the order the arrows move through them.
    public enum Field: Int, CaseIterable, Sendable {
        case encoder, model, epochs, seed, replace

        var title: String {
            switch self {
            case .encoder: "encoder"
            case .model: "model"
            case .epochs: "epochs"
            case .seed: "seed"
            case .replace: "replace"
            }
        }
    }

    /// Encoders with features, in the project's order.
    public let encoders: [String]
    public var encoder: Int
    public var architecture: Architecture
    /// Typed digits (so that a field can be emptied while editing).
    public var epochs: String
    public var seed: String
    public var replace = false
    public var field = Field.encoder

    /// A form with `train`'s defaults, on `preferred` if it has features.
    public init(encoders: [String], preferred: String?) {
        let defaults = TrainingConfig()
        self.encoders = encoders
        encoder = preferred.flatMap { encoders.firstIndex(of: $0) } ?? 0
        architecture = defaults.architecture
        epochs = String(defaults.epochs)
        seed = String(defaults.seed)
    }

    /// The request the form describes, or why it cannot be run.
    public func request() -> Result<TrainingRequest, FormProblem> {
        guard encoder < encoders.count else { return .failure(FormProblem("no encoder has features to retrain")) }
        guard let epochs = Int(epochs), UserLimits.epochs.admits(epochs) else {
            return .failure(FormProblem(UserLimits.epochs.message("epochs", got: epochs.isEmpty ? "nothing" : epochs)))
        }
        guard let seed = UInt64(seed) else { return .failure(FormProblem("the seed must be a whole number")) }
        var config = TrainingConfig()
        config.architecture = architecture
        config.epochs = epochs
        config.seed = seed
        return .success(TrainingRequest(encoder: encoders[encoder], config: config, replace: replace))
    }

    /// The name the trained encoder will get.
    public var outputName: String {
        guard encoder < encoders.count else { return "" }
        return "\(encoders[encoder])-\(architecture.rawValue)"
    }

    /// Applies a key; returns false for keys the form leaves alone (Enter, Esc).
    mutating func handle(_ chord: KeyChord) -> Bool {
        switch chord.key {
        case .up, .backTab: field = Field(rawValue: (field.rawValue + Field.allCases.count - 1) % Field.allCases.count)!
        case .down, .tab: field = Field(rawValue: (field.rawValue + 1) % Field.allCases.count)!
        case .left: step(-1)
        case .right, .character(" "): step(1)
        case .backspace:
            if field == .epochs { epochs = String(epochs.dropLast()) }
            if field == .seed { seed = String(seed.dropLast()) }
        case .character(let c) where c.isASCII && c.isNumber:
            // Long enough for any UInt64 seed; more digits than that cannot be meant.
            if field == .epochs, epochs.count < 6 { epochs = epochs == "0" ? String(c) : epochs + String(c) }
            if field == .seed, seed.count < 19 { seed = seed == "0" ? String(c) : seed + String(c) }
        default:
            return false
        }
        return true
    }

    /// ←/→ on the selected row: cycle the choices, or count up and down.
    private mutating func step(_ delta: Int) {
        switch field {
        case .encoder:
            guard !encoders.isEmpty else { return }
            encoder = (encoder + delta + encoders.count) % encoders.count
        case .model:
            let all = Architecture.allCases
            let i = all.firstIndex(of: architecture) ?? 0
            architecture = all[(i + delta + all.count) % all.count]
        case .epochs: epochs = String(max(1, (Int(epochs) ?? 0) + delta))
        case .seed: seed = String(max(0, (Int(seed) ?? 0) + delta))
        case .replace: replace.toggle()
        }
    }
}

/// Why the form's values cannot start a job.
public struct FormProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
