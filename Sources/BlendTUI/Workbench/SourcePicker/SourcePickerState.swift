import BlendApp
import BlendCore

/// The source picker's state: whether it is open, the sources it lists (nil while they are
/// read) and the highlighted one. It lives beside the screens, over whichever is on show.
public struct SourcePickerState: Sendable {
    public var isOpen = false
    /// Encoders then fusions, named at once (nil until then); each row fills in as it is read.
    public var sources: [SourceRef]?
    /// The sources read so far, with coverage and Score at their own thresholds.
    public var read: [SourceRef: SourceChoice] = [:]
    public var selected = 0
    /// Why the sources could not be listed.
    public var failure: String?

    public init() {}

    /// Every source with its coverage and Score, once all are read.
    public var choices: [SourceChoice]? {
        guard let sources else { return nil }
        let all = sources.compactMap { read[$0] }
        return all.count == sources.count ? all : nil
    }

    /// The highlighted source (it can be made current before its row is read).
    public var selectedSource: SourceRef? {
        guard let sources, sources.indices.contains(selected) else { return nil }
        return sources[selected]
    }

    /// The highlighted source's row, once read.
    public var selectedChoice: SourceChoice? { selectedSource.flatMap { read[$0] } }
}

/// What can happen to the source picker besides its commands.
public enum SourcePickerAction: Sendable {
    /// The sources named, off the UI thread (their rows follow as `.read`); `kind` puts the
    /// highlight on the first of that kind, else it goes on `current`.
    case named([SourceRef], current: SourceRef?, kind: String?)
    /// One source's row, read.
    case read(SourceChoice)
    /// Every source at once, read (`named` then a `read` for each).
    case listed([SourceChoice], kind: String?)
    case listFailed(String)
    /// A key while the picker is open.
    case key(KeyChord)
    /// A click on a listed source: makes it current.
    case click(Int)
    /// The source was made current and the project read again at it.
    case madeCurrent(ProjectSnapshot, String)
    case failed(String)
}
