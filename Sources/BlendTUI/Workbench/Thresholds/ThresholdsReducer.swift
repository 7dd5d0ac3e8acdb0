import BlendApp
import BlendCore
import Foundation

/// The Thresholds screen's reducer over its own slice: stepping and typing α/β, the heatmap
/// metric, the actor table and storing the thresholds. The thresholds themselves are the
/// workbench's: a move is asked of it (`WorkbenchAction.moveThreshold`), which raises
/// `thresholdsChanged` for every feature.
enum ThresholdsReducer {
    /// Runs a Thresholds command; nil when `id` is not one.
    static func run(_ screen: inout ThresholdsState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        switch id {
        case WorkbenchCommands.increase: return step(screen, WorkbenchCommands.fineStep, context)
        case WorkbenchCommands.decrease: return step(screen, -WorkbenchCommands.fineStep, context)
        case WorkbenchCommands.increaseCoarse: return step(screen, WorkbenchCommands.coarseStep, context)
        case WorkbenchCommands.decreaseCoarse: return step(screen, -WorkbenchCommands.coarseStep, context)
        case WorkbenchCommands.selectAlpha: screen.knob = .alpha
        case WorkbenchCommands.selectBeta: screen.knob = .beta
        case WorkbenchCommands.heatmapMetric:
            screen.heatmapMetric = screen.heatmapMetric.next
            return ScreenUpdate(effects: requestBestCell(&screen, context))
        case WorkbenchCommands.type:
            let value = screen.knob == .alpha ? context.thresholds.alpha : context.thresholds.beta
            screen.typing = TextInput(Format.decimal(value))
        case WorkbenchCommands.apply:
            // Stored for the source on show, by name: it also becomes the project's current one, so
            // the CLI's next verb decodes it at what this screen shows.
            guard let source = context.project?.source else { return .toast("nothing to store: no source", .warning) }
            let path = context.path, thresholds = context.thresholds, access = context.access
            return ScreenUpdate(effects: [.task(.apply) {
                do {
                    try access.session(path).use(TargetRequest(source, alpha: thresholds.alpha, beta: thresholds.beta))
                    return .thresholds(.applied(thresholds, source))
                } catch {
                    return .thresholds(.applyFailed("\(error)"))
                }
            }])
        case WorkbenchCommands.actorClips:
            return flippingClips(screen, context)
        case WorkbenchCommands.actorDown, WorkbenchCommands.actorUp:
            let rows = ThresholdsLayout(context.app).actorTable
            screen.actorScroll.move(by: id == WorkbenchCommands.actorDown ? 1 : -1, rowCount: screen.actorRanking.count,
                                    visibleRows: Table.visibleRows(in: rows))
            return ScreenUpdate(effects: requestBand(&screen, context))
        default:
            return nil
        }
        return ScreenUpdate.nothing
    }

    static func reduce(_ screen: inout ThresholdsState, _ action: ThresholdsAction, _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .typing(let chord):
            return typed(&screen, chord)
        case .setThresholds(let t):
            // α first, then β: the knob ends on β, as after a β step.
            screen.knob = .beta
            return .ask(.moveThreshold(.alpha, t.alpha), .moveThreshold(.beta, t.beta))
        case .setKnob(let knob, let value):
            screen.knob = knob
            return .ask(.moveThreshold(knob, (value * 100).rounded() / 100))
        case .selectActor(let row):
            screen.actorScroll.select(row, rowCount: screen.actorRanking.count,
                                      visibleRows: Table.visibleRows(in: ThresholdsLayout(context.app).actorTable))
            return ScreenUpdate(effects: requestBand(&screen, context))
        case .actorsAnalysed(let report):
            let previous = screen.selectedActor?.actor
            screen.actorReport = report
            screen.reportAwaited = false
            screen.actorRanking = report.actors.indices.sorted { a, b in
                let da = report.actors[a].distance ?? -1, db = report.actors[b].distance ?? -1
                return da != db ? da > db : report.actors[a].actor < report.actors[b].actor
            }
            let keep = previous.flatMap { name in screen.actorRanking.firstIndex { report.actors[$0].actor == name } }
            screen.actorScroll.selected = keep ?? (screen.actorRanking.isEmpty ? nil : 0)
            return ScreenUpdate(effects: requestBand(&screen, context))
        case .applied(let thresholds, let source):
            return ScreenUpdate(then: [
                .thresholdsStored(thresholds),
                .app(.showToast("stored α \(Format.decimal(thresholds.alpha)) β \(Format.decimal(thresholds.beta)) for \(source)", .success)),
            ])
        case .applyFailed(let message):
            return .toast("apply failed: \(message)", .error)
        case .bandComputed(let key, let band):
            screen.intervals.bands.store(band, for: key)
            return .nothing
        case .bestCellComputed(let key, let result):
            screen.intervals.bestCells.store(result, for: key)
            return .nothing
        }
    }

    /// The per-actor β depend on α only: they are asked for when the source is read and when
    /// α moves. The intervals are asked for while the screen shows (a β step asks for nothing:
    /// neither the band nor the best cell depends on β).
    static func react(_ screen: inout ThresholdsState, _ event: WorkbenchEvent, _ context: ScreenContext) -> ScreenUpdate {
        switch event {
        case .sourceChanged:
            screen.reportAwaited = true
            guard context.isScored else { return .nothing }
            return ScreenUpdate(effects: analyseActors(context) + requestBestCell(&screen, context))
        case .thresholdsChanged(alphaMoved: true):
            return ScreenUpdate(effects: analyseActors(context))
        case .screenEntered(.thresholds):
            return ScreenUpdate(effects: requestBestCell(&screen, context) + requestBand(&screen, context))
        default:
            return .nothing
        }
    }

    /// Asks for the per-actor β at the current α, off the UI thread.
    static func analyseActors(_ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard let index = context.project?.index else { return [] }
        let alpha = context.thresholds.alpha
        return [.task(.actors) { .thresholds(.actorsAnalysed(index.actorBetas(alpha: alpha))) }]
    }

    /// The Clips screen, filtered to the selected actor's clips whose salience verdict flips
    /// between the global best β and the actor's own (what `blendscope actors` details).
    static func flippingClips(_ screen: ThresholdsState, _ context: ScreenContext) -> ScreenUpdate {
        guard let actor = screen.selectedActor else { return .toast("no actor selected yet", .info) }
        guard !actor.flips.isEmpty else {
            return .toast("\(actor.actor): no clip changes verdict between β*all and its own β*", .info)
        }
        let clips = context.project?.scored?.clips ?? []
        let names = actor.flips.compactMap { clips.indices.contains($0.clip) ? clips[$0.clip].name : nil }
        let list = ClipList(title: "\(actor.actor)'s \(actor.flips.count) β flips", names: Set(names))
        return .ask(.app(.run(AppCommands.show(.clips))), .focus(.clips, pane: 0), .clips(.openList(actor: actor.actor, list)))
    }

    /// Moves the selected knob by `delta`, on the hundredths grid (the workbench keeps it in 0…1).
    private static func step(_ screen: ThresholdsState, _ delta: Double, _ context: ScreenContext) -> ScreenUpdate {
        let current = screen.knob == .alpha ? context.thresholds.alpha : context.thresholds.beta
        return .ask(.moveThreshold(screen.knob, ((current + delta) * 100).rounded() / 100))
    }

    /// Edits the typed value; Enter sets it, Esc drops it, anything unreadable says so.
    private static func typed(_ screen: inout ThresholdsState, _ chord: KeyChord) -> ScreenUpdate {
        guard var input = screen.typing else { return .nothing }
        switch chord.key {
        case .escape:
            screen.typing = nil
        case .enter:
            screen.typing = nil
            guard let value = Double(input.text.trimmingCharacters(in: .whitespaces)), (0...1).contains(value) else {
                return .toast("\"\(input.text)\" is not a threshold between 0 and 1", .warning)
            }
            return .ask(.moveThreshold(screen.knob, value))
        default:
            _ = input.handle(chord)
            screen.typing = input
        }
        return .nothing
    }

    /// The Thresholds screen's raw input: keys while a value is typed (on any screen, before
    /// the command keys), then its clicks.
    static func input(_ event: InputEvent, region: String?, state: WorkbenchState) -> [WorkbenchAction]? {
        if state.thresholdsScreen.typing != nil, state.app.overlay == nil, case .key(let chord) = event {
            return [.thresholds(.typing(chord))]
        }
        guard state.app.overlay == nil, state.app.screen == .thresholds, case .mouse(let mouse) = event,
              let action = mouseAction(mouse, region: region, state: state) else { return nil }
        return [action]
    }

    /// Clicks on the sliders, heatmap cells and actor rows; the wheel over the actor table.
    static func mouseAction(_ mouse: MouseEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        let layout = ThresholdsLayout(state.app)
        switch mouse.action {
        case .wheelDown where layout.actors.contains(x: mouse.x, y: mouse.y):
            return .app(.run(WorkbenchCommands.actorDown))
        case .wheelUp where layout.actors.contains(x: mouse.x, y: mouse.y):
            return .app(.run(WorkbenchCommands.actorUp))
        case .press(.left):
            let sliderArea = Block().inner(layout.sliders).inset(Edges(horizontal: 1, vertical: 0))
            for (knob, row) in [(ThresholdKnob.alpha, sliderArea.row(0)), (.beta, sliderArea.row(1))]
            where row.contains(x: mouse.x, y: mouse.y) {
                let value = knob == .alpha ? state.thresholds.alpha : state.thresholds.beta
                let slider = Slider(label: " α", value: value, range: 0...1)
                return slider.value(atColumn: mouse.x, in: row).map { .thresholds(.setKnob(knob, $0)) }
            }
            switch region.flatMap(ClickTarget.init(region:)) {
            case .heatCell(let row, let column):
                guard let grid = state.analysis?.grid else { return nil }
                let rows = ThresholdsScreen.heatmapRows(state)
                guard row < rows.count, column < grid.alphas.count else { return nil }
                return .thresholds(.setThresholds(Thresholds(alpha: grid.alphas[column], beta: grid.betas[rows[row]])))
            case .thresholdsActor(let row): return .thresholds(.selectActor(row))
            default: return nil
            }
        default:
            return nil
        }
    }
}
