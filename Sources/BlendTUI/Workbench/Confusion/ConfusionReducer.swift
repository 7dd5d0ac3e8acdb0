import BlendApp
import BlendCore
import BlendReport
import Foundation

/// The Confusion screen's reducer over its own slice: clicks on cells, the export chooser and
/// the export's outcome. Opening a cell's clips changes the Clips screen too, so it is asked
/// of the workbench (`ConfusionAction.openCell`).
enum ConfusionReducer {
    static func reduce(_ confusion: inout ConfusionState, _ action: ConfusionAction, _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .click(let row, let column):
            let sets = LabelSet.all.count
            guard (0..<sets).contains(row), (0..<sets).contains(column) else { return .none }
            // A click on the cell already selected opens it: the terminal reports no double
            // clicks, and the first click of one has just selected the cell.
            if confusion.row == row, confusion.column == column { return ScreenUpdate(then: [.confusion(.openCell)]) }
            confusion.row = row
            confusion.column = column
            return .none
        case .openCell:
            // The workbench opens it (`WorkbenchProgram.openConfusionCell`).
            return .none
        case .chooserKey(let chord):
            return chooserKey(&confusion, chord, context)
        case .chooseFormat(let index):
            return export(&confusion, index, context)
        case .exported(let path):
            confusion.lastExport = path
            return .toast("wrote \(path)", .success)
        case .exportFailed(let reason):
            return .toast("export failed: \(reason)", .error)
        }
    }

    /// The format chooser: ↑↓/jk move, Enter writes, Esc closes; any other key closes it and
    /// does what it does anywhere else (so `q`, `?` and the screen keys still work).
    private static func chooserKey(_ confusion: inout ConfusionState, _ chord: KeyChord, _ context: ScreenContext) -> ScreenUpdate {
        guard let choice = confusion.exportChoice else { return .none }
        let count = ExportFormat.allCases.count
        switch chord.key {
        case .up, .character("k"): confusion.exportChoice = (choice + count - 1) % count
        case .down, .character("j"): confusion.exportChoice = (choice + 1) % count
        case .enter: return export(&confusion, choice, context)
        case .escape: confusion.exportChoice = nil
        default:
            confusion.exportChoice = nil
            return ScreenUpdate(then: [.app(.input(.key(chord), region: nil))])
        }
        return .none
    }

    /// Writes the presence table, as shown (scope, counts or rates, α/β), off the UI thread.
    private static func export(_ confusion: inout ConfusionState, _ index: Int, _ context: ScreenContext) -> ScreenUpdate {
        confusion.exportChoice = nil
        guard let tables = confusion.tables, ExportFormat.allCases.indices.contains(index) else { return .none }
        let format = ExportFormat.allCases[index]
        let source = context.project?.source, rates = confusion.rates
        let url = ConfusionExport.url(projectPath: context.path, source: source, scope: tables.scope,
                                      thresholds: tables.thresholds, rates: rates, format: format)
        let table = ConfusionExport.table(tables, source: source, rates: rates)
        return ScreenUpdate(effects: [.task(.confusionExport) {
            do {
                return .confusion(.exported(try ConfusionExport.write(table, format: format, to: url)))
            } catch let error as ExportError {
                return .confusion(.exportFailed(error.description))
            } catch let error as ConfusionExport.FolderError {
                return .confusion(.exportFailed(error.description))
            } catch {
                return .confusion(.exportFailed("\(url.path): \(error.localizedDescription)"))
            }
        }])
    }
}

/// The Confusion screen's commands and what reaches beyond its slice: the scope list (it
/// offers the Clips screen's actor), the tables recomputed for the shared α/β, and opening a
/// cell's clips on the Clips screen.
extension WorkbenchProgram {
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
