import BlendApp
import BlendCore

/// The source picker's state: whether it is open, the sources it lists (nil while they are
/// read) and the highlighted one. It lives beside the screens, over whichever is on show.
public struct SourcePickerState: Sendable {
    public var isOpen = false
    /// Encoders then fusions, with coverage and Score at their own thresholds.
    public var choices: [SourceChoice]?
    public var selected = 0
    /// Why the sources could not be listed.
    public var failure: String?

    public init() {}

    /// The highlighted source, if the list is read.
    public var selectedChoice: SourceChoice? {
        guard let choices, choices.indices.contains(selected) else { return nil }
        return choices[selected]
    }
}

/// What can happen to the source picker besides its commands.
public enum SourcePickerAction: Sendable {
    /// The sources, read off the UI thread; `kind` puts the highlight on the first of that kind.
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
