/// The frame every screen shares: the tab bar on top, the screen's body, the status bar and
/// key hints at the bottom, and the overlays and toasts over everything.
public struct AppView {
    public var registry: CommandRegistry<AppState>
    /// Right end of the tab bar (project and source, e.g. `demo.sqlite · fusion:greedy-12`).
    public var context: String
    /// Left part of the status bar (α, β and the metrics, once screens provide them).
    public var status: [Span]
    /// Whether the status bar's right end counts `AppState.runningJobs`; off where `status`
    /// already names the jobs.
    public var countsJobs: Bool

    public init(registry: CommandRegistry<AppState>, context: String = "", status: [Span] = [], countsJobs: Bool = true) {
        self.registry = registry
        self.context = context
        self.status = status
        self.countsJobs = countsJobs
    }

    /// Whether the tab bar has room for `context` beside the screens' tabs.
    public static func tabBarShowsContext(_ state: AppState, context: String) -> Bool {
        let tabs = 1 + DisplayWidth.of("blendscope") + 2 + state.screens.reduce(0) { $0 + DisplayWidth.of(" \($1.rawValue) \($1.title) ") }
        return !context.isEmpty && state.terminalWidth - tabs - 2 >= min(DisplayWidth.of(context), 24)
    }

    /// The smallest terminal the layout works in.
    public static let minimumSize = (width: 60, height: 16)

    /// Where a screen draws, for a terminal of this size.
    public static func bodyArea(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 1, width: width, height: height - 3)
    }

    /// Draws the frame around `body`, which draws the current screen into the area it is given.
    public func render(_ state: AppState, into canvas: inout Canvas, body: (inout Canvas, Rect) -> Void) {
        let area = canvas.bounds
        guard !area.isEmpty else { return }
        drawTabs(state, into: &canvas, row: area.row(0))
        body(&canvas, AppView.bodyArea(width: area.width, height: area.height))
        var right: [Span] = []
        if countsJobs, state.runningJobs > 0 {
            right.append(Span("⟳ \(state.runningJobs) job\(state.runningJobs == 1 ? "" : "s") ", Style(fg: .accent, .bold)))
        }
        StatusBar(left: [Span(" ")] + status, right: right).render(into: &canvas, area: area.row(area.height - 2))
        let hints = registry.hints(screen: state.screen, overlay: state.overlay?.kind, context: state)
        KeyHints(hints).render(into: &canvas, area: area.row(area.height - 1).inset(Edges(left: 1)))
        drawOverlay(state, into: &canvas)
        // Inside the panels' borders, above the status bar.
        let toastArea = Rect(x: 2, y: 2, width: area.width - 4, height: area.height - 5)
        // Wide enough for an export's full path on a wide terminal.
        ToastStack(state.toasts.map { ($0.text, $0.kind) }, maxWidth: max(60, toastArea.width))
            .render(into: &canvas, area: toastArea)
    }

    private func drawTabs(_ state: AppState, into canvas: inout Canvas, row: Rect) {
        var x = row.x + 1
        // The name gives way when every screen's tab would not fit beside it (seven at 80 columns).
        let tabsWidth = state.screens.reduce(0) { $0 + DisplayWidth.of(" \($1.rawValue) \($1.title) ") }
        if DisplayWidth.of("blendscope") + 3 + tabsWidth <= row.width {
            x += canvas.draw("blendscope", x: x, y: row.y, style: Style(fg: .accent, .bold), clip: row) + 2
        }
        for screen in state.screens {
            let label = " \(screen.rawValue) \(screen.title) "
            let width = DisplayWidth.of(label)
            guard x + width <= row.maxX else { break }
            let current = screen == state.screen
            let style = current ? Style(fg: .selectionText, bg: .selection, .bold) : Style(fg: .muted)
            canvas.draw(label, x: x, y: row.y, style: style, clip: row)
            canvas.markRegion(Rect(x: x, y: row.y, width: width, height: 1), id: "tab:\(screen.rawValue)")
            x += width
        }
        let room = row.maxX - x - 2
        if AppView.tabBarShowsContext(state, context: context), room >= 6 {
            canvas.draw(context, in: Rect(x: x + 1, y: row.y, width: room, height: 1), alignment: .right,
                        style: Style(fg: .muted))
        }
    }

    private func drawOverlay(_ state: AppState, into canvas: inout Canvas) {
        let area = canvas.bounds
        switch state.overlay {
        case nil:
            break
        case .help(let offset):
            HelpOverlay(sections: registry.helpSections(screen: state.screen, context: state), offset: offset)
                .render(into: &canvas, area: area)
        case .palette(let palette):
            let entries = registry.paletteEntries(query: palette.query, screen: state.screen, context: state)
            CommandPalette(input: palette.input, items: entries.map(\.item), scroll: palette.scroll)
                .render(into: &canvas, area: area)
        case .confirmQuit:
            let box = area.centered(width: 46, height: 5)
            canvas.clear(box, style: Style(bg: .overlay))
            let block = Block(title: "Quit?", focused: true, fill: Style(bg: .overlay))
            block.render(into: &canvas, area: box)
            let inner = block.inner(box).inset(Edges(horizontal: 1, vertical: 0))
            let jobs = state.runningJobs == 1 ? "1 job is" : "\(state.runningJobs) jobs are"
            canvas.draw("\(jobs) still running.", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .text))
            canvas.draw([Span("y", Style(fg: .accent, .bold)), Span(" quit and cancel them   ", Style(fg: .text)),
                         Span("n", Style(fg: .accent, .bold)), Span(" keep working", Style(fg: .text))],
                        x: inner.x, y: inner.y + 2, maxWidth: inner.width)
        }
    }
}
