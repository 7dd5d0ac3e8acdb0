/// One terminal cell. A wide character sits in its left cell with `width` 2; the cell to its
/// right is a continuation (`width` 0) that holds no character of its own.
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster shown here; a space for blank and continuation cells.
    public var grapheme: Character
    /// 1 or 2 for a cell that starts a character, 0 for the right half of a wide one.
    public var width: UInt8
    public var style: Style

    public init(_ grapheme: Character = " ", width: UInt8 = 1, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space in the default style.
    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }
}
