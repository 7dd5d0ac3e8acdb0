import BlendCore

/// The Clips table's split, fold, emotion and tag filters and "clear all". Each key cycles its
/// filter through its values and back to none, like the kind and right/wrong keys.
extension WorkbenchProgram {
    /// Runs a filter command; nil when `id` is not one.
    func runClipFilters(_ state: inout WorkbenchState, _ id: CommandID) -> [Effect<WorkbenchAction>]? {
        var query = state.clips.query
        switch id {
        case ClipsCommands.split:
            query.split = ClipQuery.cycle(query.split, through: Split.allCases)
        case ClipsCommands.fold:
            query.fold = ClipQuery.cycle(query.fold, through: Array(state.project?.foldSizes.indices ?? 0..<0))
        case ClipsCommands.emotion:
            query.emotion = ClipQuery.cycle(query.emotion, through: Emotion.allCases)
        case ClipsCommands.tag:
            let tags = state.clips.notes.allTags
            guard !tags.isEmpty || query.tag != nil else {
                return update(&state, .app(.showToast("no clip has a tag yet: t tags the selected clip", .warning)))
            }
            query.tag = ClipQuery.cycle(query.tag, through: tags)
        case ClipsCommands.clearFilters:
            query = query.cleared()
            state.clips.search = nil
            state.clips.actorScroll = TableScroll()
        default:
            return nil
        }
        guard query != state.clips.query else { return [] }
        state.clips.query = query
        return rebuildClips(&state)
    }
}
