import BlendCore

/// The label review of one source over a selection.
public struct ReviewOutcome: Sendable {
    public let source: SourceRef
    /// The source's thresholds (the predicted label sets are decoded there).
    public let thresholds: Thresholds
    public let review: LabelReview
    /// The clips reviewed (the review's clip indices point into them).
    public let clips: ScoredClips
    /// Every tagged clip's tags, by clip name.
    public let tags: [String: [String]]
    public let unlabelled: Int
}

extension ProjectSession {
    /// `review`: the clips whose label the evidence disputes, ranked.
    ///
    /// - Throws: `AppError.emptyReview` when the selection holds no labelled clip.
    public func review(_ source: SourceRef, in selection: ClipSelection = .all) throws -> ReviewOutcome {
        let t = try thresholds(for: source).0
        let result = try store.labelReview(source: source, keep: selection.contains)
        let left = try unlabelledCount(in: selection)
        guard result.clips.count > 0 else { throw AppError.emptyReview(scope: selection.description, unlabelled: left) }
        return ReviewOutcome(source: source, thresholds: t, review: result.review, clips: result.clips,
                             tags: try tagsByClip(), unlabelled: left)
    }

    /// Every tagged clip's tags, by clip name, in the order they were given.
    public func tagsByClip() throws -> [String: [String]] {
        var tags = [String: [String]]()
        for tag in try store.tags() { tags[tag.clip, default: []].append(tag.tag) }
        return tags
    }
}
