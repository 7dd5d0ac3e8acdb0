/// One-call previews for scripts and the CLI: a clip's frame at a time, fitted to a cell box.
public enum FramePreview {
    /// The frame shown at `seconds`, fitted with its display aspect into `columns × rows` cells.
    public static func cells(file: String, at seconds: Double, columns: Int, rows: Int,
                             mode: CellMode = .half, color: ColorDepth = .truecolor) throws -> CellGrid {
        guard columns > 0, rows > 0 else {
            throw MediaError(file: file, kind: .invalidRequest,
                             "a preview needs at least one cell, not \(columns)x\(rows)")
        }
        let decoder = try VideoDecoder(path: file)
        return try cells(decoder: decoder, at: seconds, columns: columns, rows: rows, mode: mode, color: color)
    }

    /// As `cells(file:...)`, with a decoder that is already open (a per-clip cache keeps one).
    public static func cells(decoder: VideoDecoder, at seconds: Double, columns: Int, rows: Int,
                             mode: CellMode = .half, color: ColorDepth = .truecolor) throws -> CellGrid {
        guard columns > 0, rows > 0 else {
            throw MediaError(file: decoder.path, kind: .invalidRequest,
                             "a preview needs at least one cell, not \(columns)x\(rows)")
        }
        // The natural size is never empty, even when a header leaves the picture size unknown.
        let natural = decoder.naturalSize
        let layout = CellLayout(displayAspect: Double(natural.width) / Double(natural.height),
                                columns: columns, rows: rows, mode: mode)
        let frame = try decoder.frame(at: seconds, size: layout.pixels)
        return CellRenderer.render(frame.image, mode: mode, color: color)
    }

    /// The frame as ANSI text, what `blendscope media frame FILE --at S --size CxR` prints.
    public static func ansiText(file: String, at seconds: Double, columns: Int, rows: Int,
                                mode: CellMode = .half, color: ColorDepth = .truecolor) throws -> String {
        AnsiText.render(try cells(file: file, at: seconds, columns: columns, rows: rows, mode: mode, color: color))
    }
}

extension FramePreview {
    /// The frame at `seconds` in `mode`, fitted into `columns × rows` cells: for the pixel modes
    /// scaled to exactly the cells it covers (`cell` pixels each), for `.cells` rendered as
    /// `cellMode` cells. What `blendscope media frame FILE --graphics MODE` prints.
    public static func graphics(file: String, at seconds: Double, mode: GraphicsMode, columns: Int, rows: Int,
                                cell: PixelSize = GraphicsLayout.assumedCell, route: GraphicsRoute = .direct,
                                cellMode: CellMode = .half, color: ColorDepth = .truecolor) throws -> [UInt8] {
        guard columns > 0, rows > 0 else {
            throw MediaError(file: file, kind: .invalidRequest,
                             "a frame needs at least one cell, not \(columns)x\(rows)")
        }
        if mode == .cells {
            let grid = try cells(file: file, at: seconds, columns: columns, rows: rows, mode: cellMode, color: color)
            return Array(AnsiText.render(grid).utf8)
        }
        let decoder = try VideoDecoder(path: file)
        let (image, layout) = try pixels(decoder: decoder, at: seconds, columns: columns, rows: rows, cell: cell)
        return try FrameGraphics.render(image, mode: mode, columns: layout.columns, rows: layout.rows, route: route)
    }

    /// The frame scaled for a pixel mode, and the cells it covers.
    public static func pixels(decoder: VideoDecoder, at seconds: Double, columns: Int, rows: Int,
                              cell: PixelSize = GraphicsLayout.assumedCell) throws -> (RGBImage, GraphicsLayout) {
        let natural = decoder.naturalSize
        let layout = GraphicsLayout(displayAspect: Double(natural.width) / Double(natural.height),
                                    columns: columns, rows: rows, cell: cell)
        return (try decoder.frame(at: seconds, size: layout.pixels).image, layout)
    }
}
