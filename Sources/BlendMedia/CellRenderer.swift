import BlendCore

/// Turns pictures into terminal cells: half blocks, quadrants, sextants, octants, or ASCII brightness.
public enum CellRenderer {
    /// `image` as cells: `mode` decides how many pixels share a cell, `color` which colours the
    /// cells may use. With `.none`, each cell's brightness becomes an ASCII character instead.
    /// An odd last row or column repeats its neighbour.
    public static func render(_ image: RGBImage, mode: CellMode, color: ColorDepth) -> CellGrid {
        if color == .none { return AsciiRenderer.render(image, mode: mode) }
        switch mode {
        case .half: return HalfBlockRenderer.render(image, color: color)
        case .quad: return QuadrantRenderer.render(image, color: color)
        case .sextant: return MosaicRenderer.render(image, glyphs: .sextants, color: color)
        case .octant: return MosaicRenderer.render(image, glyphs: .octants, color: color)
        }
    }

    /// The grid size `render` produces for an image of `pixels`.
    public static func gridSize(for pixels: PixelSize, mode: CellMode) -> (columns: Int, rows: Int) {
        let per = mode.pixelsPerCell
        return ((pixels.width + per.across - 1) / per.across, (pixels.height + per.down - 1) / per.down)
    }

    static func cellColor(_ rgb: RGB, _ depth: ColorDepth) -> CellColor {
        switch depth {
        case .truecolor: .rgb(rgb)
        case .palette256: .indexed(XtermPalette.index(of: rgb))
        case .none: .terminalDefault
        }
    }
}

/// `▀` cells: the upper pixel is the foreground, the lower the background.
enum HalfBlockRenderer {
    static let upperHalf: Unicode.Scalar = "\u{2580}"

    static func render(_ image: RGBImage, color: ColorDepth) -> CellGrid {
        let rows = (image.height + 1) / 2
        var cells = [TerminalCell]()
        cells.reserveCapacity(image.width * rows)
        for row in 0..<rows {
            let upper = 2 * row, lower = min(2 * row + 1, image.height - 1)
            for x in 0..<image.width {
                cells.append(TerminalCell(glyph: upperHalf,
                                          foreground: CellRenderer.cellColor(image[x, upper], color),
                                          background: CellRenderer.cellColor(image[x, lower], color)))
            }
        }
        return CellGrid(columns: image.width, rows: rows, cells: cells)
    }
}

/// Brightness as ASCII density, for terminals without colour. Light pixels get dense characters,
/// as on the usual dark background.
enum AsciiRenderer {
    static let ramp: [Unicode.Scalar] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    static func render(_ image: RGBImage, mode: CellMode) -> CellGrid {
        let per = mode.pixelsPerCell
        let (columns, rows) = CellRenderer.gridSize(
            for: PixelSize(width: image.width, height: image.height), mode: mode)
        var cells = [TerminalCell]()
        cells.reserveCapacity(columns * rows)
        for row in 0..<rows {
            for column in 0..<columns {
                var sum = 0.0
                for dy in 0..<per.down {
                    for dx in 0..<per.across {
                        let x = min(column * per.across + dx, image.width - 1)
                        let y = min(row * per.down + dy, image.height - 1)
                        sum += image[x, y].luma
                    }
                }
                let luma = sum / Double(per.across * per.down)
                let level = min(ramp.count - 1, Int(luma / 256 * Double(ramp.count)))
                cells.append(TerminalCell(glyph: ramp[level], foreground: .terminalDefault,
                                          background: .terminalDefault))
            }
        }
        return CellGrid(columns: columns, rows: rows, cells: cells)
    }
}
