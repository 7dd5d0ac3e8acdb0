import BlendCore

/// The Clips screen's part of the workbench reducer: moving through the table, the filters,
/// sort and search. The row list is rebuilt only here, when something it depends on changes.
extension WorkbenchProgram {
    /// Runs a Clips command and returns the effects it asks for; nil when `id` is not one.
    func runClips(_ state: inout WorkbenchState, _ id: CommandID) -> [Effect<WorkbenchAction>]? {
        if let effects = runClipNotes(&state, id) ?? runClipFilters(&state, id) { return effects }
        if state.app.focusedPane == ClipsLayout.actorPane, state.app.screen == .clips, moveActor(&state, id) { return [] }
        let count = state.clips.rows.count
        let visible = Table.visibleRows(in: ClipsLayout(state.app).tableRows)
        switch id {
        case WorkbenchCommands.clipDown: state.clips.scroll.move(by: 1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipUp: state.clips.scroll.move(by: -1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipPageDown: state.clips.scroll.page(1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipPageUp: state.clips.scroll.page(-1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipFirst: state.clips.scroll.select(0, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipLast: state.clips.scroll.select(count - 1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipSearch: state.clips.search = TextInput(state.clips.query.search)
        case WorkbenchCommands.clipKind:
            state.clips.query.kind = state.clips.query.kind.next(unlabelled: (state.project?.unlabelled.count ?? 0) > 0)
            return rebuildClips(&state)
        case WorkbenchCommands.clipOutcome:
            state.clips.query.outcome = state.clips.query.outcome.next
            return rebuildClips(&state)
        case WorkbenchCommands.clipSort:
            state.clips.query.sort = state.clips.query.sort.next
            return rebuildClips(&state)
        case ClipsCommands.back:
            // Esc undoes the latest way in: the full view, else the Confusion screen's cell.
            if state.clips.video.fullView {
                state.clips.video.fullView = false
            } else if state.clips.query.cell != nil {
                state.clips.query.cell = nil
                return rebuildClips(&state)
            }
        default:
            return nil
        }
        return []
    }

    /// The movement keys while the actor list has the focus; false for any other command.
    private func moveActor(_ state: inout WorkbenchState, _ id: CommandID) -> Bool {
        let count = state.clips.actorScores.count + 1
        let visible = Table.visibleRows(in: ClipsLayout(state.app).actorRows)
        var scroll = state.clips.actorScroll
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
        let count = state.clips.actorScores.count + 1
        state.clips.actorScroll.select(row, rowCount: count, visibleRows: Table.visibleRows(in: ClipsLayout(state.app).actorRows))
        let selected = state.clips.actorScroll.selected ?? 0
        let actor = selected == 0 ? nil : state.clips.actorScores[selected - 1].actor
        guard actor != state.clips.query.actor else { return }
        state.clips.query.actor = actor
        refreshClips(&state)
    }

    /// Rescores the actors at the current α/β (O(clips)) when the Clips screen is showing and
    /// the scores are for other thresholds.
    func rescoreActorsIfShown(_ state: inout WorkbenchState) {
        guard state.app.screen == .clips, state.clips.actorScoresThresholds != state.thresholds,
              let scored = state.project?.scored else { return }
        state.clips.actorScores = ActorScore.all(scored, at: state.thresholds)
        state.clips.actorScoresThresholds = state.thresholds
    }

    func selectClip(_ state: inout WorkbenchState, row: Int) {
        state.clips.scroll.select(row, rowCount: state.clips.rows.count,
                                visibleRows: Table.visibleRows(in: ClipsLayout(state.app).tableRows))
    }

    /// Edits the search; every edit filters at once, Enter keeps the search, Esc clears it.
    func clipSearching(_ state: inout WorkbenchState, _ chord: KeyChord) -> [Effect<WorkbenchAction>] {
        guard var input = state.clips.search else { return [] }
        switch chord.key {
        case .enter:
            state.clips.search = nil
            return []
        case .escape:
            state.clips.search = nil
            input.set("")
        default:
            _ = input.handle(chord)
            state.clips.search = input
        }
        guard input.text != state.clips.query.search else { return [] }
        state.clips.query.search = input.text
        return rebuildClips(&state)
    }

    /// Rebuilds the table's rows from the query at the current α/β, keeping the selected clip
    /// when it still passes the filters (else the selection goes to the first row). A rebuild
    /// still running off the UI thread is superseded. Until the label review arrives (see
    /// `clipsFollowUp`), the dispute order falls back to clip names.
    func refreshClips(_ state: inout WorkbenchState) {
        state.clips.pending.rows = nil
        guard let scored = state.project?.scored else {
            state.clips.rows = []
            state.clips.scroll = TableScroll(selected: nil)
            return
        }
        showClipRows(&state, state.clips.query.rows(scored, unlabelled: state.project?.unlabelled ?? .empty,
                                                   at: state.thresholds, review: state.clips.labelReview,
                                                   tags: state.clips.notes.tagMap))
    }

    /// Shows `rows` in the table, keeping the selected clip when it is still listed.
    func showClipRows(_ state: inout WorkbenchState, _ rows: [Int]) {
        let previous = state.clips.selected
        state.clips.rows = rows
        let kept = previous.flatMap { clip in state.clips.rows.firstIndex(of: clip) }
        // The kept clip stays on its screen line, so a β step does not make the table jump.
        let line = (state.clips.scroll.selected ?? 0) - state.clips.scroll.offset
        state.clips.scroll = TableScroll(selected: state.clips.rows.isEmpty ? nil : 0, offset: kept.map { max(0, $0 - line) } ?? 0)
        selectClip(&state, row: kept ?? 0)
    }

    /// The wheel over the clip table and clicks on its rows.
    func clipsMouse(_ mouse: MouseEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        let layout = ClipsLayout(state.app), table = layout.table
        switch mouse.action {
        case .wheelDown where layout.actors.contains(x: mouse.x, y: mouse.y):
            return .selectClipActor((state.clips.actorScroll.selected ?? 0) + 1)
        case .wheelUp where layout.actors.contains(x: mouse.x, y: mouse.y):
            return .selectClipActor(max(0, (state.clips.actorScroll.selected ?? 0) - 1))
        case .wheelDown where table.contains(x: mouse.x, y: mouse.y): return .app(.run(WorkbenchCommands.clipDown))
        case .wheelUp where table.contains(x: mouse.x, y: mouse.y): return .app(.run(WorkbenchCommands.clipUp))
        case .press(.left):
            switch region.flatMap(ClickTarget.init(region:)) {
            case .clip(let row): return .selectClip(row)
            case .clipActor(let row): return .selectClipActor(row)
            default: return nil
            }
        default:
            return nil
        }
    }
}
