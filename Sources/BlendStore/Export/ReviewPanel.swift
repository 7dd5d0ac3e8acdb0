import BlendCore

extension ProbabilityTable {
    /// The encoders' probabilities aligned to `clips` (matched by name), for label review.
    ///
    /// - Parameter excluding: an encoder left out, normally the reviewed source itself, which
    ///   would otherwise always agree with itself.
    public func panel(aligningTo clips: [ClipInfo], excluding: String? = nil) -> EncoderPanel {
        var position = [String: Int]()
        for (i, c) in self.clips.enumerated() { position[c.name] = i }
        let rows = clips.map { position[$0.name] }
        let members = encoders.indices.filter { encoders[$0] != excluding }
        var values = [[Double]]()
        var present = [[Bool]]()
        for m in members {
            var v = [Double](repeating: 0, count: clips.count * Emotion.count)
            var has = [Bool](repeating: false, count: clips.count)
            for (n, row) in rows.enumerated() {
                guard let i = row, self.present[m][i] else { continue }
                has[n] = true
                for k in 0..<Emotion.count { v[n * Emotion.count + k] = self.values[m][i * Emotion.count + k] }
            }
            values.append(v)
            present.append(has)
        }
        return EncoderPanel(names: members.map { encoders[$0] }, values: values, present: present)
    }
}

/// A source's clips and their label review, with every other encoder of the project voting.
public struct SourceReview: Sendable {
    public let clips: ScoredClips
    public let review: LabelReview
}

extension ProjectStore {
    /// Reviews the labels of `source`'s clips. The panel is every encoder of the project but
    /// the source itself when it is an encoder (a fusion's encoders all vote). Class thresholds
    /// are means over the clips that `keep` retains.
    public func labelReview(source: SourceRef, keep: (ClipInfo) -> Bool = { _ in true }) throws -> SourceReview {
        let clips = try scoredClips(source: source).filter(keep)
        let excluded: String? = if case .encoder(let name) = source { name } else { nil }
        let panel = try allProbabilities().panel(aligningTo: clips.clips, excluding: excluded)
        return SourceReview(clips: clips, review: clips.labelReview(panel: panel))
    }
}
