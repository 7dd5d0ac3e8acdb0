import BlendCore

/// The Clips screen's part of the workbench reducer: moving through the table, the filters,
/// sort and search. The row list is rebuilt only here, when something it depends on changes.
extension WorkbenchProgram {
    /// Runs a Clips command and returns the effects it asks for; nil when `id` is not one.
    func runClips(_ state: inout WorkbenchState, _ id: CommandID) -> [Effect<WorkbenchAction>]? {
        if let effects = runClipNotes(&state, id) ?? runClipFilters(&state, id) { return effects }
        if state.app.focusedPane == ClipsLayout.actorPane, state.app.screen == .clips, moveActor(&state, id) { return [] }
        let count = state.clipRows.count
        let visible = Table.visibleRows(in: ClipsLayout(state.app).tableRows)
        switch id {
        case WorkbenchCommands.clipDown: state.clipScroll.move(by: 1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipUp: state.clipScroll.move(by: -1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipPageDown: state.clipScroll.page(1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipPageUp: state.clipScroll.page(-1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipFirst: state.clipScroll.select(0, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipLast: state.clipScroll.select(count - 1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipSearch: state.clipSearch = TextInput(state.clipQuery.search)
        case WorkbenchCommands.clipKind:
            state.clipQuery.kind = state.clipQuery.kind.next(unlabelled: (state.project?.unlabelled.count ?? 0) > 0)
            return rebuildClips(&state)
        case WorkbenchCommands.clipOutcome:
            state.clipQuery.outcome = state.clipQuery.outcome.next
            return rebuildClips(&state)
        case WorkbenchCommands.clipSort:
            state.clipQuery.sort = state.clipQuery.sort.next
            return rebuildClips(&state)
        case ClipsCommands.back:
            // Esc undoes the latest way in: the full view, else the Confusion screen's cell.
            if state.video.fullView {
                state.video.fullView = false
            } else if state.clipQuery.cell != nil {
                state.clipQuery.cell = nil
                return rebuildClips(&state)
            }
        default:
            return nil
        }
        return []
    }

    /// The movement keys while the actor list has the focus; false for any other command.
    private func moveActor(_ state: inout WorkbenchState, _ id: CommandID) -> Bool {
        let count = state.actorScores.count + 1
        let visible = Table.visibleRows(in: ClipsLayout(state.app).actorRows)
        var scroll = state.clipActorScroll
        switch id {
        case WorkbenchCommands.clipDown: scroll.move(by: 1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipUp: scroll.move(by: -1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipPageDown: scroll.page(1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipPageUp: scroll.page(-1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipFirst: scroll.select(0, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipLast: scroll.select(count - 1, rowCount: count, visibleRows: visible)
        default: return false
        }
        selectClipActor(&state, row: scroll.selected ?? 0)
        return true
    }

    /// Selects an actor list row and filters the clip table to that actor (row 0: every actor).
    func selectClipActor(_ state: inout WorkbenchState, row: Int) {
        let count = state.actorScores.count + 1
        state.clipActorScroll.select(row, rowCount: count, visibleRows: Table.visibleRows(in: ClipsLayout(state.app).actorRows))
        let selected = state.clipActorScroll.selected ?? 0
        let actor = selected == 0 ? nil : state.actorScores[selected - 1].actor
        guard actor != state.clipQuery.actor else { return }
        state.clipQuery.actor = actor
        refreshClips(&state)
    }

    /// Rescores the actors at the current α/β (O(clips)) when the Clips screen is showing and
    /// the scores are for other thresholds.
    func rescoreActorsIfShown(_ state: inout WorkbenchState) {
        guard state.app.screen == .clips, state.actorScoresThresholds != state.thresholds,
              let scored = state.project?.scored else { return }
        state.actorScores = ActorScore.all(scored, at: state.thresholds)
        state.actorScoresThresholds = state.thresholds
    }

    func selectClip(_ state: inout WorkbenchState, row: Int) {
        state.clipScroll.select(row, rowCount: state.clipRows.count,
                                visibleRows: Table.visibleRows(in: ClipsLayout(state.app).tableRows))
    }

    /// Edits the search; every edit filters at once, Enter keeps the search, Esc clears it.
    func clipSearching(_ state: inout WorkbenchState, _ chord: KeyChord) -> [Effect<WorkbenchAction>] {
        guard var input = state.clipSearch else { return [] }
        switch chord.key {
        case .enter:
            state.clipSearch = nil
            return []
        case .escape:
            state.clipSearch = nil
            input.set("")
        default:
            _ = input.handle(chord)
            state.clipSearch = input
        }
        guard input.text != state.clipQuery.search else { return [] }
        state.clipQuery.search = input.text
        return rebuildClips(&state)
    }

    /// Rebuilds the table's rows from the query at the current α/β, keeping the selected clip
    /// when it still passes the filters (else the selection goes to the first row). A rebuild
    /// still running off the UI thread is superseded. Until the label review arrives (see
    /// `clipsFollowUp`), the dispute order falls back to clip names.
    func refreshClips(_ state: inout WorkbenchState) {
        state.clipPending.rows = nil
        guard let scored = state.project?.scored else {
            state.clipRows = []
            state.clipScroll = TableScroll(selected: nil)
            return
        }
        showClipRows(&state, state.clipQuery.rows(scored, unlabelled: state.project?.unlabelled ?? .empty,
                                                   at: state.thresholds, review: state.labelReview,
                                                   tags: state.clipNotes.tagMap))
    }

    /// Shows `rows` in the table, keeping the selected clip when it is still listed.
    func showClipRows(_ state: inout WorkbenchState, _ rows: [Int]) {
        let previous = state.selectedClip
        state.clipRows = rows
        let kept = previous.flatMap { clip in state.clipRows.firstIndex(of: clip) }
        // The kept clip stays on its screen line, so a β step does not make the table jump.
        let line = (state.clipScroll.selected ?? 0) - state.clipScroll.offset
        state.clipScroll = TableScroll(selected: state.clipRows.isEmpty ? nil : 0, offset: kept.map { max(0, $0 - line) } ?? 0)
        selectClip(&state, row: kept ?? 0)
    }
}
