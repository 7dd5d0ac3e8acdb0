/// The shared part of the app's update: keys to commands, screens, focus, overlays, toasts,
/// quitting. Screen reducers handle their own commands; commands this one does not know
/// come back unchanged for them (see `reduce`).
public struct AppReducer: Sendable {
    public var registry: CommandRegistry<AppState>
    /// How long a toast stays.
    public var toastDuration: Duration = .seconds(4)
    /// Toasts kept at most; older ones go first.
    public static let maxToasts = 4

    public init(registry: CommandRegistry<AppState> = AppCommands.registry()) {
        self.registry = registry
    }

    /// Applies `action`. Returns the effects to start, and the command id when the action ran
    /// a command this reducer does not handle (a screen's), so the caller can pass it on.
    public func reduce(_ state: inout AppState, _ action: AppAction) -> (effects: [Effect<AppAction>], unhandled: CommandID?) {
        switch action {
        case .input(let event, let region):
            return input(&state, event, region: region)
        case .run(let id):
            return run(&state, id)
        case .showToast(let text, let kind):
            return (toast(&state, text, kind), nil)
        case .dismissToast(let id):
            state.toasts.removeAll { $0.id == id }
            return ([], nil)
        case .jobsRunning(let count):
            state.runningJobs = max(0, count)
            if count == 0, state.overlay == .confirmQuit { state.overlay = nil }
            return ([], nil)
        }
    }

    // MARK: Input

    private func input(_ state: inout AppState, _ event: InputEvent, region: String?) -> (effects: [Effect<AppAction>], unhandled: CommandID?) {
        switch event {
        case .resize(let width, let height):
            state.terminalWidth = width
            state.terminalHeight = height
            return ([], nil)
        case .key(let chord):
            if let id = registry.commandID(for: chord, screen: state.screen, overlay: state.overlay?.kind) {
                return run(&state, id)
            }
            // Keys the palette does not bind edit its query.
            if case .palette(var palette) = state.overlay, palette.input.handle(chord) {
                palette.scroll = TableScroll()
                state.overlay = .palette(palette)
            }
            return ([], nil)
        case .mouse(let mouse):
            return click(&state, mouse, region: region)
        }
    }

    private func click(_ state: inout AppState, _ mouse: MouseEvent, region: String?) -> (effects: [Effect<AppAction>], unhandled: CommandID?) {
        switch (state.overlay, mouse.action) {
        case (.help, .wheelDown): return run(&state, AppCommands.helpDown)
        case (.help, .wheelUp): return run(&state, AppCommands.helpUp)
        case (.palette, .wheelDown): return run(&state, AppCommands.paletteNext)
        case (.palette, .wheelUp): return run(&state, AppCommands.palettePrevious)
        case (.palette(var palette), .press(.left)):
            guard let region, region.hasPrefix("palette:"), let index = Int(region.dropFirst("palette:".count)) else {
                return ([], nil)
            }
            palette.scroll.selected = index
            state.overlay = .palette(palette)
            return run(&state, AppCommands.paletteRun)
        case (nil, .press(.left)):
            if let region, region.hasPrefix("tab:"), let number = Int(region.dropFirst(4)), let screen = Screen(rawValue: number) {
                return run(&state, AppCommands.show(screen))
            }
            return ([], nil)
        default:
            return ([], nil)
        }
    }

    // MARK: Commands

    private func run(_ state: inout AppState, _ id: CommandID) -> (effects: [Effect<AppAction>], unhandled: CommandID?) {
        guard let command = registry.command(id) else { return ([], id) }
        if let reason = command.disabledReason(state) {
            return (toast(&state, "\(command.title): \(reason)", .warning), nil)
        }
        switch id {
        case AppCommands.quit:
            if state.runningJobs > 0 { state.overlay = .confirmQuit } else { state.quitting = true }
        case AppCommands.quitNow, AppCommands.confirmYes:
            state.quitting = true
        case AppCommands.confirmNo, AppCommands.helpClose, AppCommands.paletteClose:
            state.overlay = nil
        case AppCommands.help:
            state.overlay = .help(offset: 0)
        case AppCommands.palette:
            state.overlay = .palette(PaletteState())
        case AppCommands.focusNext, AppCommands.focusPrevious:
            let count = state.screen.paneCount
            let step = id == AppCommands.focusNext ? 1 : count - 1
            state.focus[state.screen] = (state.focusedPane + step) % count
        case AppCommands.helpDown, AppCommands.helpUp, AppCommands.helpPageDown, AppCommands.helpPageUp:
            scrollHelp(&state, id)
        case AppCommands.paletteNext, AppCommands.palettePrevious:
            guard case .palette(var palette) = state.overlay else { break }
            let count = paletteEntries(state, query: palette.query).count
            palette.scroll.move(by: id == AppCommands.paletteNext ? 1 : -1, rowCount: count,
                                visibleRows: paletteRows(state, count: count))
            state.overlay = .palette(palette)
        case AppCommands.paletteRun:
            guard case .palette(let palette) = state.overlay else { break }
            let entries = paletteEntries(state, query: palette.query)
            guard let selected = palette.scroll.selected, selected < entries.count else { break }
            state.overlay = nil
            return run(&state, entries[selected].id)
        default:
            if let screen = Screen.allCases.first(where: { AppCommands.show($0) == id }) {
                state.screen = screen
                state.overlay = nil
            } else {
                return ([], id)
            }
        }
        return ([], nil)
    }

    private func scrollHelp(_ state: inout AppState, _ id: CommandID) {
        guard case .help(let offset) = state.overlay else { return }
        let page = max(1, state.terminalHeight - 6)
        let delta = switch id {
        case AppCommands.helpDown: 1
        case AppCommands.helpUp: -1
        case AppCommands.helpPageDown: page
        default: -page
        }
        let lines = HelpOverlay(sections: registry.helpSections(screen: state.screen, context: state)).lineCount
        state.overlay = .help(offset: min(max(0, offset + delta), max(0, lines - page)))
    }

    /// The palette's matches for `query` in `state`.
    public func paletteEntries(_ state: AppState, query: String) -> [(id: CommandID, item: PaletteItem)] {
        registry.paletteEntries(query: query, screen: state.screen, context: state)
    }

    private func paletteRows(_ state: AppState, count: Int) -> Int {
        let screen = Rect(x: 0, y: 0, width: state.terminalWidth, height: state.terminalHeight)
        return CommandPalette.visibleRows(in: CommandPalette.frame(in: screen, itemCount: count))
    }

    private func toast(_ state: inout AppState, _ text: String, _ kind: ToastKind) -> [Effect<AppAction>] {
        let id = state.nextToastID
        state.nextToastID += 1
        state.toasts.append(Toast(id: id, text: text, kind: kind))
        if state.toasts.count > AppReducer.maxToasts { state.toasts.removeFirst(state.toasts.count - AppReducer.maxToasts) }
        return [.after(toastDuration, key: "toast:\(id)", .dismissToast(id: id))]
    }
}
