import BlendCore

/// Every encoder's probabilities aligned to one clip order, for fusion and comparisons:
/// `values[e]` is N×6 row-major for encoder `encoders[e]`, zero where `present[e]` is false.
public struct ProbabilityTable: Sendable {
    /// All clips of the project, in the project's order (import order).
    public let clips: [ClipInfo]
    /// Encoder names, in the project's order (creation order).
    public let encoders: [String]
    public let values: [[Double]]
    public let present: [[Bool]]

    public init(clips: [ClipInfo], encoders: [String], values: [[Double]], present: [[Bool]]) {
        precondition(values.count == encoders.count && present.count == encoders.count, "one array per encoder")
        precondition(values.allSatisfy { $0.count == clips.count * Emotion.count }, "N×6 values per encoder")
        precondition(present.allSatisfy { $0.count == clips.count }, "one presence flag per clip")
        self.clips = clips
        self.encoders = encoders
        self.values = values
        self.present = present
    }

    /// The position of encoder `name`, if the table has it.
    public func index(of name: String) -> Int? { encoders.firstIndex(of: name) }

    /// One encoder's probabilities over the clips it has, in clip order.
    public func scoredClips(encoder e: Int) -> ScoredClips {
        var clips: [ClipInfo] = []
        var p: [Double] = []
        p.reserveCapacity(values[e].count)
        for i in self.clips.indices where present[e][i] {
            clips.append(self.clips[i])
            p.append(contentsOf: values[e][(i * Emotion.count)..<((i + 1) * Emotion.count)])
        }
        return ScoredClips(clips: clips, probabilities: p)
    }
}

/// `ProbabilityTable`'s counterpart for the unlabelled test clips, which no analysis counts.
struct UnlabelledTable: Sendable {
    let clips: [UnlabelledClip]
    /// Per encoder (the labelled table's order): N×6 row-major, zero where `present` is false.
    let values: [[Double]]
    let present: [[Bool]]

    func scores(encoder e: Int) -> UnlabelledScores {
        var kept: [UnlabelledClip] = [], p: [Double] = []
        for i in clips.indices where present[e][i] {
            kept.append(clips[i])
            p.append(contentsOf: values[e][(i * Emotion.count)..<((i + 1) * Emotion.count)])
        }
        return UnlabelledScores(clips: kept, probabilities: p)
    }
}
