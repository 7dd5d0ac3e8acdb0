import BlendCore

/// The showcase's state: the shared app state plus what its pages move.
public struct ShowcaseState: Sendable {
    public var app: AppState
    var table = TableScroll()
    var alpha = 0.12
    var beta = 0.20
    var jobProgress: Double?
    var jobsFinished = 0

    public init(app: AppState) { self.app = app }
}

/// What can happen in the showcase.
public enum ShowcaseAction: Sendable {
    case app(AppAction)
    case jobProgress(Double)
    case jobFinished
}

/// A try-out of the whole foundation on made-up data: the tab bar, status bar, key hints,
/// help, palette, toasts, the widgets on five pages, mouse input, a background job with
/// progress and cancel, resize and the too-small message. The screens proper replace it.
public struct ShowcaseProgram: Program {
    public let reducer: AppReducer

    public init(registry: CommandRegistry<AppState> = ShowcaseProgram.registry()) {
        reducer = AppReducer(registry: registry)
    }

    /// The shared commands plus the showcase's own.
    public static func registry() -> CommandRegistry<AppState> {
        CommandRegistry(AppCommands.all + ShowcaseCommands.all)
    }

    public var minimumSize: (width: Int, height: Int) { AppView.minimumSize }

    public func shouldQuit(_ state: ShowcaseState) -> Bool { state.app.quitting }

    // MARK: Update

    public func update(_ state: inout ShowcaseState, _ action: ShowcaseAction) -> [Effect<ShowcaseAction>] {
        switch action {
        case .app(let appAction):
            let result = reducer.reduce(&state.app, appAction)
            var effects = result.effects.map { $0.map(ShowcaseAction.app) }
            if let id = result.unhandled { effects += run(&state, id) }
            return effects
        case .jobProgress(let fraction):
            state.jobProgress = fraction
            return []
        case .jobFinished:
            state.jobProgress = nil
            state.jobsFinished += 1
            return toast(&state, "demo job finished", .success) + app(&state, .jobsRunning(0))
        }
    }

    private func run(_ state: inout ShowcaseState, _ id: CommandID) -> [Effect<ShowcaseAction>] {
        let visible = Table.visibleRows(in: ShowcaseLayout(state.app).clipTable)
        let count = ShowcaseData.rowCount
        switch id {
        case ShowcaseCommands.toast:
            return toast(&state, "a toast: it goes away by itself", .info)
        case ShowcaseCommands.down: state.table.move(by: 1, rowCount: count, visibleRows: visible)
        case ShowcaseCommands.up: state.table.move(by: -1, rowCount: count, visibleRows: visible)
        case ShowcaseCommands.pageDown: state.table.page(1, rowCount: count, visibleRows: visible)
        case ShowcaseCommands.pageUp: state.table.page(-1, rowCount: count, visibleRows: visible)
        case ShowcaseCommands.top: state.table.select(0, rowCount: count, visibleRows: visible)
        case ShowcaseCommands.bottom: state.table.select(count - 1, rowCount: count, visibleRows: visible)
        case ShowcaseCommands.alphaUp: state.alpha = step(state.alpha, 0.01)
        case ShowcaseCommands.alphaDown: state.alpha = step(state.alpha, -0.01)
        case ShowcaseCommands.betaUp: state.beta = step(state.beta, 0.01)
        case ShowcaseCommands.betaDown: state.beta = step(state.beta, -0.01)
        case ShowcaseCommands.alphaUpCoarse: state.alpha = step(state.alpha, 0.1)
        case ShowcaseCommands.alphaDownCoarse: state.alpha = step(state.alpha, -0.1)
        case ShowcaseCommands.startJob:
            state.jobProgress = 0
            return app(&state, .jobsRunning(1)) + [.run(key: "demo-job") { send in
                for step in 1...50 {
                    do {
                        try await Task.sleep(for: .milliseconds(100))
                    } catch {
                        return
                    }
                    send(.jobProgress(Double(step) / 50))
                }
                send(.jobFinished)
            }]
        case ShowcaseCommands.cancelJob:
            state.jobProgress = nil
            return [.cancel("demo-job")] + toast(&state, "demo job cancelled", .warning) + app(&state, .jobsRunning(0))
        default:
            break
        }
        return []
    }

    private func step(_ value: Double, _ delta: Double) -> Double {
        min(0.95, max(0.05, ((value + delta) * 100).rounded() / 100))
    }

    private func app(_ state: inout ShowcaseState, _ action: AppAction) -> [Effect<ShowcaseAction>] {
        update(&state, .app(action))
    }

    private func toast(_ state: inout ShowcaseState, _ text: String, _ kind: ToastKind) -> [Effect<ShowcaseAction>] {
        app(&state, .showToast(text, kind))
    }

    // MARK: Input

    public func actions(for event: InputEvent, region: String?, state: ShowcaseState) -> [ShowcaseAction] {
        guard state.app.overlay == nil, case .mouse(let mouse) = event else { return [.app(.input(event, region: region))] }
        let layout = ShowcaseLayout(state.app)
        switch (state.app.screen, mouse.action) {
        case (.clips, .wheelDown) where layout.clipTable.contains(x: mouse.x, y: mouse.y):
            return Array(repeating: .app(.run(ShowcaseCommands.down)), count: 3)
        case (.clips, .wheelUp) where layout.clipTable.contains(x: mouse.x, y: mouse.y):
            return Array(repeating: .app(.run(ShowcaseCommands.up)), count: 3)
        case (.clips, .press(.left)):
            if let region, region.hasPrefix("clip:"), let row = Int(region.dropFirst(5)) {
                let delta = row - (state.table.selected ?? 0)
                let id = delta >= 0 ? ShowcaseCommands.down : ShowcaseCommands.up
                return Array(repeating: .app(.run(id)), count: abs(delta))
            }
        case (.thresholds, .press(.left)):
            for (slider, rect, up, down) in [(layout.alphaSlider(state), layout.alphaRow, ShowcaseCommands.alphaUp, ShowcaseCommands.alphaDown),
                                             (layout.betaSlider(state), layout.betaRow, ShowcaseCommands.betaUp, ShowcaseCommands.betaDown)]
            where rect.contains(x: mouse.x, y: mouse.y) {
                guard let target = slider.value(atColumn: mouse.x, in: rect) else { return [] }
                let steps = Int(((target - slider.value) * 100).rounded())
                return Array(repeating: .app(.run(steps >= 0 ? up : down)), count: abs(steps))
            }
        default:
            break
        }
        return [.app(.input(event, region: region))]
    }

    // MARK: View

    public func view(_ state: ShowcaseState, into canvas: inout Canvas) {
        let status = [
            Span("α ", Style(fg: .muted)), Span(Format.decimal(state.alpha), Style(.bold)),
            Span("  β ", Style(fg: .muted)), Span(Format.decimal(state.beta), Style(.bold)),
            Span("   Score ", Style(fg: .muted)),
            Span(Format.fraction(ShowcaseData.score(alpha: state.alpha, beta: state.beta)), Style(.bold)),
            Span("   showcase: made-up data", Style(fg: .muted)),
        ]
        let view = AppView(registry: reducer.registry, context: "widget showcase", status: status)
        view.render(state.app, into: &canvas) { canvas, _ in
            ShowcasePages(state: state).render(into: &canvas)
        }
    }
}
