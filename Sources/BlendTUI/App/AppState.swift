/// A notice shown for a few seconds in the corner.
public struct Toast: Hashable, Sendable {
    public var id: Int
    public var text: String
    public var kind: ToastKind
}

/// The palette's query and which match is selected.
public struct PaletteState: Hashable, Sendable {
    public var input: TextInput
    public var scroll = TableScroll()

    public init(query: String = "", scroll: TableScroll = TableScroll()) {
        input = TextInput(query)
        self.scroll = scroll
    }

    public var query: String { input.text }
}

/// The open modal layer, with its own state.
public enum Overlay: Hashable, Sendable {
    /// `offset` is the first help line shown.
    case help(offset: Int)
    case palette(PaletteState)
    /// Asked when `q` is pressed while jobs run.
    case confirmQuit

    public var kind: OverlayKind {
        switch self {
        case .help: .help
        case .palette: .palette
        case .confirmQuit: .confirmQuit
        }
    }
}

/// The app's state: what every screen shares. Screen content joins it as the screens land.
public struct AppState: Hashable, Sendable {
    public var screen: Screen = .overview
    /// The screens the tab bar offers, in order.
    public var screens: [Screen] = Screen.allCases
    /// The focused pane of each screen (0 when never moved).
    public var focus: [Screen: Int] = [:]
    public var overlay: Overlay?
    /// Oldest first.
    public var toasts: [Toast] = []
    public var nextToastID = 1
    public var terminalWidth: Int
    public var terminalHeight: Int
    /// Background jobs still running; quitting asks first while there are any.
    public var runningJobs = 0
    public var quitting = false

    public init(terminalWidth: Int = 80, terminalHeight: Int = 24) {
        self.terminalWidth = terminalWidth
        self.terminalHeight = terminalHeight
    }

    /// The focused pane of the current screen.
    public var focusedPane: Int { focus[screen] ?? 0 }
}

/// What can happen to the app state.
public enum AppAction: Hashable, Sendable {
    /// Terminal input, with the clickable region under the mouse, if any.
    case input(InputEvent, region: String?)
    /// Runs a command by id, as its key, the palette or a click would.
    case run(CommandID)
    case showToast(String, ToastKind)
    case dismissToast(id: Int)
    /// The number of running background jobs changed.
    case jobsRunning(Int)
}
