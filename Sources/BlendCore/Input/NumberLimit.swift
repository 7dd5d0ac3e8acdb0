/// The range a number typed by a user must lie in, checked where it enters (a command-line
/// option, a TUI field) before anything is computed or written. Every bound is finite, so a
/// limit also refuses NaN and ±infinity; the bounds keep memory and time bounded (a grid step
/// of 1e-300 would ask for 10^300 points).
public struct NumberLimit<Value: LimitValue>: Sendable {
    public let range: ClosedRange<Value>

    public init(_ range: ClosedRange<Value>) {
        self.range = range
    }

    /// Whether `value` may be used: inside the range (NaN never is).
    public func admits(_ value: Value) -> Bool {
        range.contains(value)
    }

    /// `value`, or the error naming `name` (e.g. `--alpha`) and the allowed range.
    public func check(_ value: Value, name: String) throws(NumberLimitError) {
        guard admits(value) else { throw NumberLimitError(message(name, got: value.limitText)) }
    }

    /// `--alpha must be a number in [0, 1], got nan`.
    public func message(_ name: String, got: String) -> String {
        "\(name) must be \(Value.kindText) in \(rangeText), got \(got)"
    }

    /// `[0, 1]`.
    public var rangeText: String { "[\(range.lowerBound.limitText), \(range.upperBound.limitText)]" }
}

/// A number type a `NumberLimit` can bound, with its plain text for messages.
public protocol LimitValue: Comparable, Sendable {
    /// `0.5`, `1`, `nan`, `1e-300`.
    var limitText: String { get }
    /// `a number`, `a whole number`.
    static var kindText: String { get }
}

extension Double: LimitValue {
    public var limitText: String {
        // Whole numbers print as integers (`[0, 1]`, not `[0.0, 1.0]`).
        if isFinite, self == rounded(), Swift.abs(self) < 1e15 { return String(Int(self)) }
        return "\(self)"
    }

    public static var kindText: String { "a number" }
}

extension Int: LimitValue {
    public var limitText: String { String(self) }
    public static var kindText: String { "a whole number" }
}

/// A number outside its limit; the text names where it came from and the range.
public struct NumberLimitError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The documented bounds of every number a user can give blendscope (README, "What
/// blendscope refuses"). One table so the CLI and the TUI refuse the same things.
public enum UserLimits {
    /// α and β: probabilities.
    public static let probability = NumberLimit(0.0...1.0)
    /// `--grid STEP`: 0–1 in steps of STEP; 0.001 is 1001 × 1001 cells.
    public static let gridStep = NumberLimit(0.001...0.5)
    /// `fuse --step`: the simplex grid step or coordinate ascent's first step. (The simplex's
    /// point count grows as steps shrink; its own time estimate refuses what would not finish.)
    public static let fusionStep = NumberLimit(0.001...1.0)
    /// `fuse --rounds`: greedy selection's rounds (each a pass over the encoders).
    public static let fusionRounds = NumberLimit(1...100_000)
    /// A fusion weight typed by hand (relative; renormalised to sum to 1).
    public static let fusionWeight = NumberLimit(0.0...1_000_000.0)
    /// `--edges`: a cut point in seconds (a day at most).
    public static let durationEdge = NumberLimit(0.0...86_400.0)
    /// `--edges`: how many cut points.
    public static let durationEdgeCount = NumberLimit(1...99)
    /// `media frame --at`, seconds from the start (a day at most).
    public static let mediaTime = NumberLimit(0.0...86_400.0)
    /// `--top N` of the label review.
    public static let top = NumberLimit(1...1_000_000)
    /// Training: epochs per fold.
    public static let epochs = NumberLimit(1...10_000)
    /// Training: batch size.
    public static let batchSize = NumberLimit(1...65_536)
    /// Training: Adam's learning rate.
    public static let learningRate = NumberLimit(1e-12...10.0)
    /// Training: L2 weight decay.
    public static let weightDecay = NumberLimit(0.0...10.0)
    /// Training: dropout probability (1 would drop everything).
    public static let dropout = NumberLimit(0.0...0.99)
    /// Training: epochs without improvement before a fold stops (0: never stop early).
    public static let patience = NumberLimit(0...10_000)
    /// OpenBLAS (and PyTorch) threads.
    public static let threads = NumberLimit(1...256)
    /// `bench --clips`: synthetic clips swept (0 skips).
    public static let benchClips = NumberLimit(0...1_000_000)
    /// `bench --repeats`: timed runs per figure.
    public static let benchRepeats = NumberLimit(1...1000)
}
