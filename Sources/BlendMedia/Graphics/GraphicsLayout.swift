/// Where a picture goes when the terminal draws pixels: the cells it covers and the pixel size
/// to scale the frame to, so that the image fills exactly those cells.
public struct GraphicsLayout: Sendable, Equatable {
    /// Cells covered, at most the box asked for.
    public let columns: Int
    public let rows: Int
    /// One cell's size in pixels (the terminal's, or an assumed 10×20).
    public let cell: PixelSize

    /// The frame's pixel size: `columns × cell.width` by `rows × cell.height`.
    public var pixels: PixelSize { PixelSize(width: columns * cell.width, height: rows * cell.height) }

    /// What a terminal that does not report its cell size is assumed to have (a common 10×20).
    public static let assumedCell = PixelSize(width: 10, height: 20)

    /// Fits a picture of `displayAspect` (width over height) into at most `columns × rows` cells
    /// of `cell` pixels, keeping its aspect to within half a cell.
    public init(displayAspect: Double, columns: Int, rows: Int, cell: PixelSize = GraphicsLayout.assumedCell) {
        precondition(columns > 0 && rows > 0 && displayAspect > 0, "a layout needs cells and a positive aspect")
        let boxWidth = Double(columns * cell.width), boxHeight = Double(rows * cell.height)
        if boxWidth / boxHeight > displayAspect {
            self.rows = rows
            self.columns = min(columns, max(1, Int((boxHeight * displayAspect / Double(cell.width)).rounded())))
        } else {
            self.columns = columns
            self.rows = min(rows, max(1, Int((boxWidth / displayAspect / Double(cell.height)).rounded())))
        }
        self.cell = cell
    }
}
