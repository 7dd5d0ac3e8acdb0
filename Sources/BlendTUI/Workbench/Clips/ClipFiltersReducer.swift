import BlendCore

/// The Clips table's split, fold, emotion and tag filters and "clear all". Each key cycles its
/// filter through its values and back to none, like the kind and right/wrong keys.
extension ClipsReducer {
    /// Runs a filter command; nil when `id` is not one.
    static func runClipFilters(_ clips: inout ClipsState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        var query = clips.query
        switch id {
        case ClipsCommands.split:
            query.split = ClipQuery.cycle(query.split, through: Split.allCases)
        case ClipsCommands.fold:
            query.fold = ClipQuery.cycle(query.fold, through: Array(context.project?.foldSizes.indices ?? 0..<0))
        case ClipsCommands.emotion:
            query.emotion = ClipQuery.cycle(query.emotion, through: Emotion.allCases)
        case ClipsCommands.tag:
            let tags = clips.notes.allTags
            guard !tags.isEmpty || query.tag != nil else {
                return .toast("no clip has a tag yet: t tags the selected clip", .warning)
            }
            query.tag = ClipQuery.cycle(query.tag, through: tags)
        case ClipsCommands.clearFilters:
            query = query.cleared()
            clips.search = nil
            clips.actorScroll = TableScroll()
        default:
            return nil
        }
        guard query != clips.query else { return .nothing }
        clips.query = query
        return ScreenUpdate(effects: rebuildClips(&clips, context))
    }
}
