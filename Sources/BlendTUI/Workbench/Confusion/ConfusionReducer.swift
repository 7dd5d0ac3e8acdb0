import BlendApp
import BlendCore
import Foundation

/// The Confusion screen's part of the workbench reducer: moving the selected cell, counts or
/// rates, the scope, opening a cell's clips on the Clips screen and exporting the table.
extension WorkbenchProgram {
    func updateConfusion(_ state: inout WorkbenchState, _ action: ConfusionAction) -> [Effect<WorkbenchAction>] {
        switch action {
        case .click(let row, let column):
            let sets = LabelSet.all.count
            guard (0..<sets).contains(row), (0..<sets).contains(column) else { return [] }
            // A click on the cell already selected opens it: the terminal reports no double
            // clicks, and the first click of one has just selected the cell.
            if state.confusion.row == row, state.confusion.column == column { return openConfusionCell(&state) }
            state.confusion.row = row
            state.confusion.column = column
            return []
        case .chooserKey(let chord):
            return chooserKey(&state, chord)
        case .chooseFormat(let index):
            return exportConfusion(&state, index)
        case .exported(let path):
            state.confusion.lastExport = path
            return update(&state, .app(.showToast("wrote \(path)", .success)))
        case .exportFailed(let reason):
            return update(&state, .app(.showToast("export failed: \(reason)", .error)))
        }
    }

    /// Runs a Confusion command (and the Clips key that drops the cell filter); nil when `id`
    /// is not one.
    func runConfusion(_ state: inout WorkbenchState, _ id: CommandID) -> [Effect<WorkbenchAction>]? {
        let last = LabelSet.all.count - 1
        switch id {
        case ConfusionCommands.up: state.confusion.row = max(0, state.confusion.row - 1)
        case ConfusionCommands.down: state.confusion.row = min(last, state.confusion.row + 1)
        case ConfusionCommands.left: state.confusion.column = max(0, state.confusion.column - 1)
        case ConfusionCommands.right: state.confusion.column = min(last, state.confusion.column + 1)
        case ConfusionCommands.diagonal: state.confusion.column = state.confusion.row
        case ConfusionCommands.rates: state.confusion.rates.toggle()
        case ConfusionCommands.scope:
            let scopes = WorkbenchProgram.confusionScopes(state)
            let next = scopes.firstIndex(of: state.confusion.scope).map { ($0 + 1) % scopes.count } ?? 0
            state.confusion.scope = scopes[next]
            refreshConfusionIfShown(&state)
        case ConfusionCommands.open: return openConfusionCell(&state)
        case ConfusionCommands.export:
            guard state.confusion.tables != nil else {
                return update(&state, .app(.showToast("no confusion table yet: the project is still loading", .warning)))
            }
            state.confusion.exportChoice = 0
        default:
            return nil
        }
        return []
    }

    /// The scopes `s` cycles through: every clip, each split and training fold present, and
    /// the actor the Clips screen has selected, if any.
    static func confusionScopes(_ state: WorkbenchState) -> [ClipScope] {
        guard let clips = state.project?.scored?.clips else { return [.all] }
        var scopes: [ClipScope] = [.all]
        for split in Split.allCases where clips.contains(where: { $0.split == split }) { scopes.append(.split(split)) }
        scopes += Set(clips.compactMap(\.fold)).sorted().map(ClipScope.fold)
        if let actor = state.clips.query.actor { scopes.append(.actor(actor)) }
        return scopes
    }

    /// Recomputes the tables (O(clips in scope)) when the Confusion screen shows and they are
    /// for other thresholds, another scope or another source.
    func refreshConfusionIfShown(_ state: inout WorkbenchState) {
        guard state.app.screen == .confusion, let scored = state.project?.scored else { return }
        let scope = state.confusion.scope, t = state.thresholds
        let key = ConfusionKey(thresholds: t, scope: scope, source: state.project?.source?.description, clips: scored.count)
        guard key != state.confusion.key else { return }
        let tables = scored.confusionTables(at: t, in: scope)
        state.confusion.tables = tables
        state.confusion.metrics = tables.metrics
        state.confusion.key = key
    }

    /// Shows the Clips screen with only the selected cell's clips: the other filters and the
    /// search are dropped (they would hide some of them); an actor scope keeps its actor.
    func openConfusionCell(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        guard state.project?.scored != nil, let tables = state.confusion.tables else { return [] }
        let cell = state.confusion.cell
        // An empty list on another screen says less than a word here.
        guard tables.presence.count(row: state.confusion.row, column: state.confusion.column) > 0 else {
            return update(&state, .app(.showToast("no clip in \(cell.title)", .info)))
        }
        let effects = update(&state, .app(.run(AppCommands.show(.clips))))
        var query = ClipQuery()
        query.sort = state.clips.query.sort
        query.cell = cell
        if case .actor(let actor) = cell.scope { query.actor = actor }
        let actorRow = query.actor.flatMap { actor in state.clips.actorScores.firstIndex { $0.actor == actor } }.map { $0 + 1 } ?? 0
        state.clips.actorScroll.select(actorRow, rowCount: state.clips.actorScores.count + 1,
                                     visibleRows: Table.visibleRows(in: ClipsLayout(state.app).actorRows))
        state.clips.query = query
        state.clips.search = nil
        state.app.focus[.clips] = 0
        refreshClips(&state)
        // The filtered table selects its first clip: the video follows it.
        return effects + followClipVideo(&state)
    }

    /// The format chooser: ↑↓/jk move, Enter writes, Esc closes; any other key closes it and
    /// does what it does anywhere else (so `q`, `?` and the screen keys still work).
    private func chooserKey(_ state: inout WorkbenchState, _ chord: KeyChord) -> [Effect<WorkbenchAction>] {
        guard let choice = state.confusion.exportChoice else { return [] }
        let count = ExportFormat.allCases.count
        switch chord.key {
        case .up, .character("k"): state.confusion.exportChoice = (choice + count - 1) % count
        case .down, .character("j"): state.confusion.exportChoice = (choice + 1) % count
        case .enter: return exportConfusion(&state, choice)
        case .escape: state.confusion.exportChoice = nil
        default:
            state.confusion.exportChoice = nil
            return update(&state, .app(.input(.key(chord), region: nil)))
        }
        return []
    }

    /// Writes the presence table, as shown (scope, counts or rates, α/β), off the UI thread.
    private func exportConfusion(_ state: inout WorkbenchState, _ index: Int) -> [Effect<WorkbenchAction>] {
        state.confusion.exportChoice = nil
        guard let tables = state.confusion.tables, ExportFormat.allCases.indices.contains(index) else { return [] }
        let format = ExportFormat.allCases[index]
        let source = state.project?.source, rates = state.confusion.rates
        let url = ConfusionExport.url(projectPath: state.path, source: source, scope: tables.scope,
                                      thresholds: tables.thresholds, rates: rates, format: format)
        let table = ConfusionExport.table(tables, source: source, rates: rates)
        return [.task(.confusionExport) {
            do {
                return .confusion(.exported(try ConfusionExport.write(table, format: format, to: url)))
            } catch let error as ExportError {
                return .confusion(.exportFailed(error.description))
            } catch let error as ConfusionExport.FolderError {
                return .confusion(.exportFailed(error.description))
            } catch {
                return .confusion(.exportFailed("\(url.path): \(error.localizedDescription)"))
            }
        }]
    }

    /// Keys while the format chooser is open, clicks on cells and formats, the wheel over the table.
    func confusionInput(_ event: InputEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        guard state.app.overlay == nil, state.app.screen == .confusion else { return nil }
        switch event {
        case .key(let chord) where state.confusion.exportChoice != nil:
            return .confusion(.chooserKey(chord))
        case .mouse(let mouse) where mouse.action == .wheelDown || mouse.action == .wheelUp:
            guard ConfusionLayout(state.app).presence.contains(x: mouse.x, y: mouse.y) else { return nil }
            return .app(.run(mouse.action == .wheelDown ? ConfusionCommands.down : ConfusionCommands.up))
        case .mouse(let mouse) where mouse.action == .press(.left):
            switch region.flatMap(ClickTarget.init(region:)) {
            case .confusionFormat(let index): return .confusion(.chooseFormat(index))
            case .confusionCell(let row, let column): return .confusion(.click(row: row, column: column))
            default: return nil
            }
        default:
            return nil
        }
    }
}
