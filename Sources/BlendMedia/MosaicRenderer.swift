import BlendCore

/// Sextant and octant cells: each cell's 2×3 or 2×4 pixels split into two colour groups.
///
/// Trying every split (as `QuadrantRenderer` does for four pixels) costs 32 or 128 trials a
/// cell; instead the split starts from the two pixels farthest apart and refines once with the
/// groups' means (two rounds of two-means), which finds the exhaustive answer on two-colour
/// cells and stays within a video frame's budget on busy ones.
enum MosaicRenderer {
    static func render(_ image: RGBImage, glyphs: MosaicGlyphs, color: ColorDepth) -> CellGrid {
        let down = glyphs.rowsPerCell
        let columns = (image.width + 1) / 2, rows = (image.height + down - 1) / down
        let count = 2 * down
        var cells = [TerminalCell]()
        cells.reserveCapacity(columns * rows)
        var block = [RGB](repeating: RGB(0, 0, 0), count: count)
        for row in 0..<rows {
            for column in 0..<columns {
                for i in 0..<count {
                    let x = min(2 * column + i % 2, image.width - 1)
                    let y = min(row * down + i / 2, image.height - 1)
                    block[i] = image[x, y]
                }
                let (mask, fg, bg) = split(block)
                cells.append(TerminalCell(glyph: glyphs.glyphs[mask],
                                          foreground: CellRenderer.cellColor(fg, color),
                                          background: CellRenderer.cellColor(bg, color)))
            }
        }
        return CellGrid(columns: columns, rows: rows, cells: cells)
    }

    /// The foreground mask and the two colours. A uniform block is the full glyph in its colour.
    static func split(_ block: [RGB]) -> (mask: Int, foreground: RGB, background: RGB) {
        // The two seeds: the pixel farthest from the first, and the pixel farthest from that one.
        var a = 0, b = 0, far = -1
        for i in block.indices where distance(block[0], block[i]) > far {
            far = distance(block[0], block[i])
            a = i
        }
        far = -1
        for i in block.indices where distance(block[a], block[i]) > far {
            far = distance(block[a], block[i])
            b = i
        }
        let full = (1 << block.count) - 1
        if far == 0 { return (full, block[0], block[0]) }
        var fg = block[a], bg = block[b], mask = 0
        for _ in 0..<2 {
            mask = 0
            for i in block.indices where distance(block[i], fg) <= distance(block[i], bg) { mask |= 1 << i }
            if mask == full || mask == 0 { break }
            fg = mean(block, mask: mask)
            bg = mean(block, mask: ~mask & full)
        }
        return (mask, fg, bg)
    }

    private static func mean(_ block: [RGB], mask: Int) -> RGB {
        var r = 0, g = 0, b = 0, n = 0
        for i in block.indices where mask & (1 << i) != 0 {
            r += Int(block[i].red)
            g += Int(block[i].green)
            b += Int(block[i].blue)
            n += 1
        }
        return RGB(UInt8((r + n / 2) / n), UInt8((g + n / 2) / n), UInt8((b + n / 2) / n))
    }

    /// Plain squared RGB distance, the measure the split minimises (as in `QuadrantRenderer`).
    private static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.red) - Int(b.red), dg = Int(a.green) - Int(b.green), db = Int(a.blue) - Int(b.blue)
        return dr * dr + dg * dg + db * db
    }
}
