/// Cells as text for a terminal: SGR colour escapes (only where colours change) and one line
/// per row. Grids without colours come out as plain text.
public enum AnsiText {
    private static let escape = "\u{1B}["

    public static func render(_ grid: CellGrid) -> String {
        var out = ""
        out.reserveCapacity(grid.columns * grid.rows * 24)
        for row in 0..<grid.rows {
            var current: (CellColor, CellColor) = (.terminalDefault, .terminalDefault)
            for column in 0..<grid.columns {
                let cell = grid[column, row]
                if cell.foreground != current.0 || cell.background != current.1 {
                    out += escape + sgr(foreground: cell.foreground) + ";"
                        + sgr(background: cell.background) + "m"
                    current = (cell.foreground, cell.background)
                }
                out.unicodeScalars.append(cell.glyph)
            }
            // Reset before the newline so the colour does not bleed into the rest of the line.
            if current != (.terminalDefault, .terminalDefault) { out += escape + "0m" }
            out += "\n"
        }
        return out
    }

    private static func sgr(foreground color: CellColor) -> String {
        switch color {
        case .terminalDefault: "39"
        case .rgb(let c): "38;2;\(c.red);\(c.green);\(c.blue)"
        case .indexed(let i): "38;5;\(i)"
        }
    }

    private static func sgr(background color: CellColor) -> String {
        switch color {
        case .terminalDefault: "49"
        case .rgb(let c): "48;2;\(c.red);\(c.green);\(c.blue)"
        case .indexed(let i): "48;5;\(i)"
        }
    }
}
