import BlendApp
import BlendCore
import BlendReport
import Foundation

/// The Confusion screen's reducer over its own slice: clicks on cells, the export chooser and
/// the export's outcome. Opening a cell's clips changes the Clips screen too, so it is asked
/// of the workbench (`openCell`).
enum ConfusionReducer {
    static func reduce(_ confusion: inout ConfusionState, _ action: ConfusionAction, _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .click(let row, let column):
            let sets = LabelSet.all.count
            guard (0..<sets).contains(row), (0..<sets).contains(column) else { return .nothing }
            // A click on the cell already selected opens it: the terminal reports no double
            // clicks, and the first click of one has just selected the cell.
            if confusion.row == row, confusion.column == column { return ScreenUpdate(then: [.confusion(.openCell)]) }
            confusion.row = row
            confusion.column = column
            return .nothing
        case .openCell:
            return openCell(confusion, context)
        case .chooserKey(let chord):
            return chooserKey(&confusion, chord, context)
        case .chooseFormat(let index):
            return export(&confusion, index, context)
        case .intervalsComputed(let key, let intervals):
            confusion.intervalCache.store(intervals, for: key)
            return .nothing
        case .intervalsFailed(let key, let why):
            confusion.intervalCache.fail(key, why)
            return .nothing
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
        guard let choice = confusion.exportChoice else { return .nothing }
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
        return .nothing
    }

    /// Writes the presence table, as shown (scope, counts or rates, α/β), off the UI thread,
    /// through the export use case: the file `blendscope export PROJECT confusion` writes for
    /// the same source, scope and thresholds, provenance included.
    private static func export(_ confusion: inout ConfusionState, _ index: Int, _ context: ScreenContext) -> ScreenUpdate {
        confusion.exportChoice = nil
        guard let tables = confusion.tables, let request = context.targetRequest,
              ExportFormat.allCases.indices.contains(index) else { return .nothing }
        let format = ExportFormat.allCases[index]
        let source = context.project?.source, rates = confusion.rates
        let url = ConfusionExport.url(projectPath: context.path, source: source, scope: tables.scope,
                                      thresholds: tables.thresholds, rates: rates, format: format)
        let selection = ScreenTarget.selection(tables.scope), access = context.access, path = context.path
        return ScreenUpdate(effects: [.task(.confusionExport) {
            do {
                let session = try access.session(path)
                let export = try session.sourceExport(.confusion(rates: rates), request: request, selection: selection,
                                                      format: format, context: .now(project: path))
                return .confusion(.exported(try ConfusionExport.write(export.text, to: url)))
            } catch let error as ExportError {
                return .confusion(.exportFailed(error.description))
            } catch let error as ConfusionExport.FolderError {
                return .confusion(.exportFailed(error.description))
            } catch let error as CustomStringConvertible {
                return .confusion(.exportFailed(error.description))
            } catch {
                return .confusion(.exportFailed("\(url.path): \(error.localizedDescription)"))
            }
        }])
    }
}

extension ConfusionReducer {
    /// Runs a Confusion command; nil when `id` is not one.
    static func run(_ confusion: inout ConfusionState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        let last = LabelSet.all.count - 1
        switch id {
        case ConfusionCommands.up: confusion.row = max(0, confusion.row - 1)
        case ConfusionCommands.down: confusion.row = min(last, confusion.row + 1)
        case ConfusionCommands.left: confusion.column = max(0, confusion.column - 1)
        case ConfusionCommands.right: confusion.column = min(last, confusion.column + 1)
        case ConfusionCommands.diagonal: confusion.column = confusion.row
        case ConfusionCommands.rates: confusion.rates.toggle()
        case ConfusionCommands.scope:
            let scopes = scopes(context)
            let next = scopes.firstIndex(of: confusion.scope).map { ($0 + 1) % scopes.count } ?? 0
            confusion.scope = scopes[next]
            return ScreenUpdate(effects: refreshIfShown(&confusion, context))
        case ConfusionCommands.open: return openCell(confusion, context)
        case ConfusionCommands.export:
            guard confusion.tables != nil else {
                return .toast("no confusion table yet: the project is still loading", .warning)
            }
            confusion.exportChoice = 0
        default:
            return nil
        }
        return ScreenUpdate.nothing
    }

    /// The tables follow α/β and the source while the screen shows, and catch up when it comes
    /// on show.
    static func react(_ confusion: inout ConfusionState, _ event: WorkbenchEvent, _ context: ScreenContext) -> ScreenUpdate {
        switch event {
        case .sourceChanged, .thresholdsChanged, .screenEntered: return ScreenUpdate(effects: refreshIfShown(&confusion, context))
        case .jobsChanged, .terminalResized: return .nothing
        }
    }

    /// The scopes `s` cycles through: every clip, each split and training fold present, and
    /// the actor the Clips screen has selected, if any.
    static func scopes(_ context: ScreenContext) -> [ClipScope] {
        scopes(context.project, clipsActor: context.clipsActor)
    }

    static func scopes(_ project: ProjectSnapshot?, clipsActor: String?) -> [ClipScope] {
        guard let clips = project?.scored?.clips else { return [.all] }
        var scopes: [ClipScope] = [.all]
        for split in Split.allCases where clips.contains(where: { $0.split == split }) { scopes.append(.split(split)) }
        scopes += Set(clips.compactMap(\.fold)).sorted().map(ClipScope.fold)
        if let actor = clipsActor { scopes.append(.actor(actor)) }
        return scopes
    }

    /// Recomputes the tables (O(clips in scope)) when the Confusion screen shows and they are
    /// for other thresholds, another scope or another source, and asks for their intervals.
    static func refreshIfShown(_ confusion: inout ConfusionState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard context.screen == .confusion, let scored = context.project?.scored else { return [] }
        let scope = confusion.scope, t = context.thresholds
        let key = ConfusionKey(thresholds: t, scope: scope, source: context.project?.source?.description, clips: scored.count)
        if key != confusion.key {
            let tables = scored.confusionTables(at: t, in: scope)
            confusion.tables = tables
            confusion.metrics = tables.metrics
            confusion.key = key
        }
        return requestIntervals(&confusion, context)
    }

    /// The intervals the tables on show need.
    static func intervalKey(_ confusion: ConfusionState, _ context: ScreenContext) -> ConfusionIntervalKey? {
        guard let source = context.project?.source, let scored = context.project?.scored else { return nil }
        return ConfusionIntervalKey(source: source, thresholds: context.thresholds, scope: confusion.scope, clips: scored.count)
    }

    /// Asks the `confusion` use case for the intervals at the current key unless they are
    /// cached (or already asked for), off the UI thread: a newer request supersedes the
    /// running one, so a β step never waits for a bootstrap, and an answer is filed under the
    /// key it was computed for.
    static func requestIntervals(_ confusion: inout ConfusionState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard let key = intervalKey(confusion, context), confusion.intervalCache.want(key) else { return [] }
        let access = context.access, path = context.path
        return [.task(.screen(.confusion, "intervals")) {
            do {
                let session = try access.session(path)
                let t = key.thresholds, settings = BootstrapSettings.standard
                let target = try session.target(TargetRequest(key.source, alpha: t.alpha, beta: t.beta))
                let outcome = try session.confusion(target, in: ScreenTarget.selection(key.scope), settings: settings)
                return .confusion(.intervalsComputed(key, ConfusionIntervals(emotions: outcome.emotionIntervals,
                                                                             metrics: outcome.evaluation.intervals,
                                                                             settings: settings)))
            } catch {
                return .confusion(.intervalsFailed(key, "\(error)"))
            }
        }]
    }

    /// Shows the Clips screen with only the selected cell's clips, its table focused: asked of
    /// the workbench, since it changes the screen and the Clips screen's filters.
    static func openCell(_ confusion: ConfusionState, _ context: ScreenContext) -> ScreenUpdate {
        guard context.project?.scored != nil, let tables = confusion.tables else { return .nothing }
        let cell = confusion.cell
        // An empty list on another screen says less than a word here.
        guard tables.presence.count(row: confusion.row, column: confusion.column) > 0 else {
            return .toast("no clip in \(cell.title)", .info)
        }
        return .ask(.app(.run(AppCommands.show(.clips))), .focus(.clips, pane: 0), .clips(.openCell(cell)))
    }

    /// Keys while the format chooser is open, clicks on cells and formats, the wheel over the table.
    static func input(_ event: InputEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
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
