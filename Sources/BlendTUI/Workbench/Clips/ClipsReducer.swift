import BlendCore

/// The Clips screen's reducer over its own slice (the table, search, actor list, notes and
/// video): what the program composes. The table's rows, the label review, the selected clip's
/// notes and its video follow every change that can move the selection (`clipsFollowUp`).
enum ClipsReducer {
    /// Runs a Clips command (the table's, the notes', the filters'); nil when `id` is not one.
    static func run(_ clips: inout ClipsState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        // The label review and the selected clip's notes follow the table's own commands.
        runClips(&clips, id, context).map { $0 + ScreenUpdate(effects: clipsFollowUp(&clips, context)) }
    }

    /// Runs a video command; nil when `id` is not one.
    static func runVideo(_ clips: inout ClipsState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        runClipVideo(&clips, id, context)
    }

    static func reduce(_ clips: inout ClipsState, _ action: ClipsAction, _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .searching(let chord):
            return clipSearching(&clips, chord, context) + ScreenUpdate(effects: clipsFollowUp(&clips, context))
        case .select(let row):
            selectClip(&clips, row: row, context)
            return ScreenUpdate(effects: clipsFollowUp(&clips, context))
        case .selectActor(let row):
            selectClipActor(&clips, row: row, context)
            return ScreenUpdate(effects: clipsFollowUp(&clips, context))
        case .openCell(let cell):
            return ScreenUpdate(effects: openCell(&clips, cell, context))
        case .openList(let actor, let list):
            return ScreenUpdate(effects: openList(&clips, list, actor: actor, context))
        default:
            return updateClips(&clips, action, context)
        }
    }

    static func reduceVideo(_ clips: inout ClipsState, _ action: ClipVideoAction, _ context: ScreenContext) -> ScreenUpdate {
        ScreenUpdate(effects: updateClipVideo(&clips, action, context))
    }

    /// The rows follow the source and α/β; the actor scores, notes and video follow the screen
    /// coming on show (and its video stops when it goes); a resize asks for a picture of the
    /// new box.
    static func react(_ clips: inout ClipsState, _ event: WorkbenchEvent, _ context: ScreenContext) -> ScreenUpdate {
        var effects: [Effect<WorkbenchAction>] = []
        switch event {
        case .sourceChanged:
            // Another screen's list names clips of the source it came from.
            clips.query.list = nil
            refreshClips(&clips, context)
            if context.isScored { effects += loadClipTags(clips, context) }
            effects += shown(&clips, context)
        case .thresholdsChanged:
            rescoreActorsIfShown(&clips, context)
            effects += clipRowsAfterThresholds(&clips, context)
        case .screenEntered(let screen):
            // Leaving the Clips screen stops its video (entering it, `clipsFollowUp` shows one).
            effects += shown(&clips, context) + (screen == .clips ? [] : followClipVideo(&clips, context))
        case .terminalResized:
            effects += followClipVideo(&clips, context)
        case .jobsChanged:
            break
        }
        return ScreenUpdate(effects: effects)
    }

    /// What the screen needs when it shows: the actors scored at the current α/β, the review,
    /// notes and video of the selection.
    private static func shown(_ clips: inout ClipsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard context.screen == .clips else { return [] }
        rescoreActorsIfShown(&clips, context)
        return clipsFollowUp(&clips, context)
    }

    /// Shows only a confusion cell's clips (the workbench has switched to this screen): the
    /// other filters and the search are dropped (they would hide some of them); an actor scope
    /// keeps its actor.
    private static func openCell(_ clips: inout ClipsState, _ cell: ConfusionCell, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        var query = ClipQuery()
        query.sort = clips.query.sort
        query.cell = cell
        if case .actor(let actor) = cell.scope { query.actor = actor }
        return open(&clips, query, context)
    }

    /// Shows the table under `query` (another screen's way in), its actor selected in the list.
    private static func open(_ clips: inout ClipsState, _ query: ClipQuery, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        let actorRow = query.actor.flatMap { actor in clips.actorScores.firstIndex { $0.actor == actor } }.map { $0 + 1 } ?? 0
        clips.actorScroll.select(actorRow, rowCount: clips.actorScores.count + 1,
                                 visibleRows: Table.visibleRows(in: ClipsLayout(context.app).actorRows))
        clips.query = query
        clips.search = nil
        refreshClips(&clips, context)
        // The filtered table selects its first clip: the video follows it.
        return followClipVideo(&clips, context)
    }

    /// Shows only the clips of `list` (the workbench has switched to this screen): like a
    /// confusion cell, it replaces the other filters and the search, which would hide some.
    private static func openList(_ clips: inout ClipsState, _ list: ClipList, actor: String?,
                                 _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        var query = ClipQuery()
        query.sort = clips.query.sort
        query.actor = actor
        query.list = list
        clips.actorScroll.select(0, rowCount: clips.actorScores.count + 1,
                                 visibleRows: Table.visibleRows(in: ClipsLayout(context.app).actorRows))
        clips.query = query
        clips.search = nil
        refreshClips(&clips, context)
        return followClipVideo(&clips, context)
    }

    /// The clip search's keys (on any screen, before the command keys), the note editor's
    /// (modal: the mouse cannot move the selection under it), then the screen's clicks.
    static func input(_ event: InputEvent, region: String?, state: WorkbenchState) -> [WorkbenchAction]? {
        guard state.app.overlay == nil else { return nil }
        if state.clips.search != nil, case .key(let chord) = event { return [.clips(.searching(chord))] }
        guard state.app.screen == .clips else { return nil }
        if state.clips.notes.editor != nil {
            if case .key(let chord) = event { return [.clips(.editing(chord))] }
            if case .mouse = event { return [] }
        }
        guard case .mouse(let mouse) = event,
              let action = clipVideoMouse(mouse, region: region, state: state) ?? clipsMouse(mouse, region: region, state: state)
        else { return nil }
        return [action]
    }
}

/// Moving through the Clips table, the filters, sort and search. The row list is rebuilt only here, when something it depends on changes.
extension ClipsReducer {
    /// Runs a Clips command and returns the effects it asks for; nil when `id` is not one.
    static func runClips(_ clips: inout ClipsState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        if let update = runClipNotes(&clips, id, context) ?? runClipFilters(&clips, id, context) { return update }
        if context.app.focusedPane == ClipsLayout.actorPane, context.app.screen == .clips, moveActor(&clips, id, context) { return .nothing }
        let count = clips.rows.count
        let visible = Table.visibleRows(in: ClipsLayout(context.app).tableRows)
        switch id {
        case WorkbenchCommands.clipDown: clips.scroll.move(by: 1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipUp: clips.scroll.move(by: -1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipPageDown: clips.scroll.page(1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipPageUp: clips.scroll.page(-1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipFirst: clips.scroll.select(0, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipLast: clips.scroll.select(count - 1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipSearch: clips.search = TextInput(clips.query.search)
        case WorkbenchCommands.clipKind:
            clips.query.kind = clips.query.kind.next(unlabelled: (context.project?.unlabelled.count ?? 0) > 0)
            return ScreenUpdate(effects: rebuildClips(&clips, context))
        case WorkbenchCommands.clipOutcome:
            clips.query.outcome = clips.query.outcome.next
            return ScreenUpdate(effects: rebuildClips(&clips, context))
        case WorkbenchCommands.clipSort:
            clips.query.sort = clips.query.sort.next
            return ScreenUpdate(effects: rebuildClips(&clips, context))
        case ClipsCommands.back:
            // Esc undoes the latest way in: the full view, else the Confusion screen's cell or
            // the Compare screen's list.
            if clips.video.fullView {
                clips.video.fullView = false
            } else if clips.query.cell != nil || clips.query.list != nil {
                clips.query.cell = nil
                clips.query.list = nil
                return ScreenUpdate(effects: rebuildClips(&clips, context))
            }
        default:
            return nil
        }
        return .nothing
    }

    /// The movement keys while the actor list has the focus; false for any other command.
    private static func moveActor(_ clips: inout ClipsState, _ id: CommandID, _ context: ScreenContext) -> Bool {
        let count = clips.actorScores.count + 1
        let visible = Table.visibleRows(in: ClipsLayout(context.app).actorRows)
        var scroll = clips.actorScroll
        switch id {
        case WorkbenchCommands.clipDown: scroll.move(by: 1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipUp: scroll.move(by: -1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipPageDown: scroll.page(1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipPageUp: scroll.page(-1, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipFirst: scroll.select(0, rowCount: count, visibleRows: visible)
        case WorkbenchCommands.clipLast: scroll.select(count - 1, rowCount: count, visibleRows: visible)
        default: return false
        }
        selectClipActor(&clips, row: scroll.selected ?? 0, context)
        return true
    }

    /// Selects an actor list row and filters the clip table to that actor (row 0: every actor).
    static func selectClipActor(_ clips: inout ClipsState, row: Int, _ context: ScreenContext) {
        let count = clips.actorScores.count + 1
        clips.actorScroll.select(row, rowCount: count, visibleRows: Table.visibleRows(in: ClipsLayout(context.app).actorRows))
        let selected = clips.actorScroll.selected ?? 0
        let actor = selected == 0 ? nil : clips.actorScores[selected - 1].actor
        guard actor != clips.query.actor else { return }
        clips.query.actor = actor
        refreshClips(&clips, context)
    }

    /// Rescores the actors at the current α/β (O(clips)) when the Clips screen is showing and
    /// the scores are for other thresholds.
    static func rescoreActorsIfShown(_ clips: inout ClipsState, _ context: ScreenContext) {
        guard context.app.screen == .clips, clips.actorScoresThresholds != context.thresholds,
              let scored = context.project?.scored else { return }
        clips.actorScores = ActorScore.all(scored, at: context.thresholds)
        clips.actorScoresThresholds = context.thresholds
    }

    static func selectClip(_ clips: inout ClipsState, row: Int, _ context: ScreenContext) {
        clips.scroll.select(row, rowCount: clips.rows.count,
                                visibleRows: Table.visibleRows(in: ClipsLayout(context.app).tableRows))
    }

    /// Edits the search; every edit filters at once, Enter keeps the search, Esc clears it.
    static func clipSearching(_ clips: inout ClipsState, _ chord: KeyChord, _ context: ScreenContext) -> ScreenUpdate {
        guard var input = clips.search else { return .nothing }
        switch chord.key {
        case .enter:
            clips.search = nil
            return .nothing
        case .escape:
            clips.search = nil
            input.set("")
        default:
            _ = input.handle(chord)
            clips.search = input
        }
        guard input.text != clips.query.search else { return .nothing }
        clips.query.search = input.text
        return ScreenUpdate(effects: rebuildClips(&clips, context))
    }

    /// Rebuilds the table's rows from the query at the current α/β, keeping the selected clip
    /// when it still passes the filters (else the selection goes to the first row). A rebuild
    /// still running off the UI thread is superseded. Until the label review arrives (see
    /// `clipsFollowUp`), the dispute order falls back to clip names.
    static func refreshClips(_ clips: inout ClipsState, _ context: ScreenContext) {
        clips.pending.rows = nil
        guard let scored = context.project?.scored else {
            clips.rows = []
            clips.scroll = TableScroll(selected: nil)
            return
        }
        showClipRows(&clips, clips.query.rows(scored, unlabelled: context.project?.unlabelled ?? .empty,
                                                   at: context.thresholds, review: clips.labelReview,
                                                   tags: clips.notes.tagMap), context)
    }

    /// Shows `rows` in the table, keeping the selected clip when it is still listed.
    static func showClipRows(_ clips: inout ClipsState, _ rows: [Int], _ context: ScreenContext) {
        let previous = clips.selected
        clips.rows = rows
        let kept = previous.flatMap { clip in clips.rows.firstIndex(of: clip) }
        // The kept clip stays on its screen line, so a β step does not make the table jump.
        let line = (clips.scroll.selected ?? 0) - clips.scroll.offset
        clips.scroll = TableScroll(selected: clips.rows.isEmpty ? nil : 0, offset: kept.map { max(0, $0 - line) } ?? 0)
        selectClip(&clips, row: kept ?? 0, context)
    }

    /// The wheel over the clip table and clicks on its rows.
    static func clipsMouse(_ mouse: MouseEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        let layout = ClipsLayout(state.app), table = layout.table
        switch mouse.action {
        case .wheelDown where layout.actors.contains(x: mouse.x, y: mouse.y):
            return .clips(.selectActor((state.clips.actorScroll.selected ?? 0) + 1))
        case .wheelUp where layout.actors.contains(x: mouse.x, y: mouse.y):
            return .clips(.selectActor(max(0, (state.clips.actorScroll.selected ?? 0) - 1)))
        case .wheelDown where table.contains(x: mouse.x, y: mouse.y): return .app(.run(WorkbenchCommands.clipDown))
        case .wheelUp where table.contains(x: mouse.x, y: mouse.y): return .app(.run(WorkbenchCommands.clipUp))
        case .press(.left):
            switch region.flatMap(ClickTarget.init(region:)) {
            case .clip(let row): return .clips(.select(row))
            case .clipActor(let row): return .clips(.selectActor(row))
            default: return nil
            }
        default:
            return nil
        }
    }
}
