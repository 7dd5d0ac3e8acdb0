import BlendApp
import BlendCore
import Foundation

/// The Thresholds screen's part of the workbench reducer: stepping and typing α/β, the
/// heatmap metric, the actor table, storing the thresholds, and the screen's clicks.
extension WorkbenchProgram {
    /// Runs a Thresholds command; nil when `id` is not one.
    func runThresholds(_ state: inout WorkbenchState, _ id: CommandID) -> [Effect<WorkbenchAction>]? {
        switch id {
        case WorkbenchCommands.increase: return step(&state, WorkbenchCommands.fineStep)
        case WorkbenchCommands.decrease: return step(&state, -WorkbenchCommands.fineStep)
        case WorkbenchCommands.increaseCoarse: return step(&state, WorkbenchCommands.coarseStep)
        case WorkbenchCommands.decreaseCoarse: return step(&state, -WorkbenchCommands.coarseStep)
        case WorkbenchCommands.selectAlpha: state.thresholdsScreen.knob = .alpha
        case WorkbenchCommands.selectBeta: state.thresholdsScreen.knob = .beta
        case WorkbenchCommands.heatmapMetric: state.thresholdsScreen.heatmapMetric = state.thresholdsScreen.heatmapMetric.next
        case WorkbenchCommands.type:
            let value = state.thresholdsScreen.knob == .alpha ? state.thresholds.alpha : state.thresholds.beta
            state.thresholdsScreen.typing = TextInput(Format.decimal(value))
        case WorkbenchCommands.apply:
            let path = state.path, thresholds = state.thresholds, access = project
            return [.task(.apply) {
                do {
                    try access.session(path).use(TargetRequest(alpha: thresholds.alpha, beta: thresholds.beta))
                    return .applied(thresholds)
                } catch {
                    return .applyFailed("\(error)")
                }
            }]
        case WorkbenchCommands.actorDown, WorkbenchCommands.actorUp:
            let rows = ThresholdsLayout(state.app).actorTable
            state.thresholdsScreen.actorScroll.move(by: id == WorkbenchCommands.actorDown ? 1 : -1,
                                                    rowCount: state.thresholdsScreen.actorRanking.count,
                                                    visibleRows: Table.visibleRows(in: rows))
        default:
            return nil
        }
        return []
    }

    /// Moves the selected knob by `delta`, on the hundredths grid, within 0…1.
    func step(_ state: inout WorkbenchState, _ delta: Double) -> [Effect<WorkbenchAction>] {
        let current = state.thresholdsScreen.knob == .alpha ? state.thresholds.alpha : state.thresholds.beta
        return set(&state, ((current + delta) * 100).rounded() / 100)
    }

    /// Edits the typed value; Enter sets it, Esc drops it, anything unreadable says so.
    func typed(_ state: inout WorkbenchState, _ chord: KeyChord) -> [Effect<WorkbenchAction>] {
        guard var input = state.thresholdsScreen.typing else { return [] }
        switch chord.key {
        case .escape:
            state.thresholdsScreen.typing = nil
        case .enter:
            state.thresholdsScreen.typing = nil
            guard let value = Double(input.text.trimmingCharacters(in: .whitespaces)), (0...1).contains(value) else {
                return app(&state, .showToast("\"\(input.text)\" is not a threshold between 0 and 1", .warning))
            }
            return set(&state, value)
        default:
            _ = input.handle(chord)
            state.thresholdsScreen.typing = input
        }
        return []
    }

    /// Clicks on the sliders, heatmap cells and actor rows; the wheel over the actor table.
    func thresholdsMouse(_ mouse: MouseEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
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
                return slider.value(atColumn: mouse.x, in: row).map { .setKnob(knob, $0) }
            }
            switch region.flatMap(ClickTarget.init(region:)) {
            case .heatCell(let row, let column):
                guard let grid = state.analysis?.grid else { return nil }
                let rows = ThresholdsScreen.betaRows(count: grid.betas.count, height: ThresholdsScreen.heatmapArea(layout).height)
                guard row < rows.count, column < grid.alphas.count else { return nil }
                return .setThresholds(Thresholds(alpha: grid.alphas[column], beta: grid.betas[rows[row]]))
            case .thresholdsActor(let row): return .selectActor(row)
            default: return nil
            }
        default:
            return nil
        }
    }
}
