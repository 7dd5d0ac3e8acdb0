import BlendCore

/// A colour a terminal cell can be given; the TUI maps these to curses pairs, `AnsiText` to SGR.
public enum CellColor: Sendable, Hashable {
    /// The terminal's own foreground or background (what `NO_COLOR` output uses).
    case terminalDefault
    /// A 24-bit colour for truecolor terminals.
    case rgb(RGB)
    /// An index into the xterm 256-colour palette.
    case indexed(UInt8)
}

/// One character cell of a rendered frame: a glyph and its two colours.
public struct TerminalCell: Sendable, Hashable {
    public var glyph: Unicode.Scalar
    public var foreground: CellColor
    public var background: CellColor

    public init(glyph: Unicode.Scalar, foreground: CellColor, background: CellColor) {
        self.glyph = glyph
        self.foreground = foreground
        self.background = background
    }
}

/// A frame as rows of terminal cells, top row first.
public struct CellGrid: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    /// `columns × rows` cells, row by row.
    public var cells: [TerminalCell]

    public init(columns: Int, rows: Int, cells: [TerminalCell]) {
        precondition(cells.count == columns * rows, "a grid needs columns × rows cells")
        self.columns = columns
        self.rows = rows
        self.cells = cells
    }

    public subscript(column: Int, row: Int) -> TerminalCell {
        get { cells[row * columns + column] }
        set { cells[row * columns + column] = newValue }
    }
}

/// How pixels are packed into a cell.
public enum CellMode: String, Sendable, CaseIterable, Codable {
    /// `▀` per cell: one pixel wide, two tall (foreground = upper, background = lower).
    case half
    /// Quadrant glyphs per cell: two by two pixels drawn in the two colours that fit them best.
    case quad
    /// Sextant glyphs (U+1FB00…, Unicode 13): two by three pixels, two colours a cell.
    case sextant
    /// Octant glyphs (U+1CD00…, Unicode 16): two by four pixels, two colours a cell. Needs a
    /// font (or a terminal that draws block glyphs itself: kitty, WezTerm, foot) that has them.
    case octant

    /// Pixels across and down one cell.
    public var pixelsPerCell: (across: Int, down: Int) {
        switch self {
        case .half: (1, 2)
        case .quad: (2, 2)
        case .sextant: (2, 3)
        case .octant: (2, 4)
        }
    }
}

/// The colours a terminal offers.
public enum ColorDepth: String, Sendable, CaseIterable, Codable {
    /// 24-bit colour (`COLORTERM=truecolor`).
    case truecolor
    /// The xterm 256-colour palette.
    case palette256 = "256"
    /// No colour at all (`NO_COLOR`): brightness drawn with ASCII characters.
    case none
}
