import BlendApp
import BlendCore

/// The figures `E` writes beside the project: the format, the chooser on screens that show
/// more than one figure, and how many have been asked for (each runs under its own key, so
/// two figures never cancel each other).
public struct FigureState: Sendable {
    /// PDF unless the user picks another (the chooser's ←→, or the palette).
    public var format: FigureFileFormat = .pdf
    /// The chooser's highlighted figure (an index into `FigureReducer.kinds(on:)` of the
    /// screen on show) while it is open.
    public var choice: Int?
    /// The figures asked for so far (the next one's effect key).
    var requests = 0
    /// The file the last figure went to.
    public var lastFigure: String?

    public init() {}
}

/// What can happen to the figures besides their commands.
public enum FigureAction: Sendable {
    /// A key while the chooser is open.
    case chooserKey(KeyChord)
    case written(WrittenFigure)
    case failed(FigureKind, String)
}
