/// Where a picture goes in a box of terminal cells: the largest grid with the picture's aspect
/// ratio that fits, and the pixel size to scale frames to for it.
public struct CellLayout: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    public let mode: CellMode
    /// The pixel size frames are scaled to: `columns × rows` cells of `mode`.
    public var pixels: PixelSize {
        let per = mode.pixelsPerCell
        return PixelSize(width: columns * per.across, height: rows * per.down)
    }

    /// Terminal cells are about twice as tall as they are wide.
    public static let defaultCellAspect = 2.0

    /// Fits a picture of `displayAspect` (width over height, as seen) into at most
    /// `columns × rows` cells whose height is `cellAspect` times their width.
    public init(displayAspect: Double, columns: Int, rows: Int, mode: CellMode,
                cellAspect: Double = CellLayout.defaultCellAspect) {
        precondition(columns > 0 && rows > 0, "a layout needs at least one cell")
        precondition(displayAspect > 0 && cellAspect > 0, "aspects must be positive")
        // Measured in cell widths, the box is `columns` wide and `rows × cellAspect` tall.
        let boxAspect = Double(columns) / (Double(rows) * cellAspect)
        if boxAspect > displayAspect {
            self.rows = rows
            self.columns = min(columns, max(1, Int((Double(rows) * cellAspect * displayAspect).rounded())))
        } else {
            self.columns = columns
            self.rows = min(rows, max(1, Int((Double(columns) / displayAspect / cellAspect).rounded())))
        }
        self.mode = mode
    }
}
