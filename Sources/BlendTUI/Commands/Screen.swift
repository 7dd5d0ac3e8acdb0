/// The seven screens of the workbench, numbered as their keys.
public enum Screen: Int, CaseIterable, Hashable, Sendable {
    case overview = 1, clips, thresholds, fusion, confusion, jobs, compare

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .clips: "Clips"
        case .thresholds: "Thresholds"
        case .fusion: "Fusion"
        case .confusion: "Confusion"
        case .jobs: "Jobs"
        case .compare: "Compare"
        }
    }

    /// The id fragment used in command ids and key map files (`clips.search`).
    public var slug: String {
        switch self {
        case .overview: "overview"
        case .clips: "clips"
        case .thresholds: "thresholds"
        case .fusion: "fusion"
        case .confusion: "confusion"
        case .jobs: "jobs"
        case .compare: "compare"
        }
    }

    /// How many panes Tab cycles through on this screen (matching the screen layouts).
    public var paneCount: Int {
        switch self {
        case .overview: 2
        case .clips: 3
        case .thresholds: 4
        case .fusion: 2
        case .confusion: 2
        case .jobs: 2
        case .compare: 2
        }
    }
}

/// A modal layer over the screens; while one is open, only its commands apply.
public enum OverlayKind: Hashable, Sendable {
    case help
    case palette
    case confirmQuit
}

/// Where a command applies.
public enum CommandScope: Hashable, Sendable {
    /// On every screen (unless a screen binds the same key itself).
    case global
    case screen(Screen)
    case overlay(OverlayKind)

    /// The heading of this scope in the help overlay.
    public var title: String {
        switch self {
        case .global: "Global"
        case .screen(let screen): "\(screen.rawValue) \(screen.title)"
        case .overlay(.help): "Help"
        case .overlay(.palette): "Command palette"
        case .overlay(.confirmQuit): "Quit question"
        }
    }
}
