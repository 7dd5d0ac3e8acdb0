import BlendCore

/// Quadrant cells: each cell's 2×2 pixels split into the two groups whose mean colours fit them
/// best; the glyph marks the foreground group.
enum QuadrantRenderer {
    /// Glyphs by foreground mask (bit 0 upper left, 1 upper right, 2 lower left, 3 lower right).
    /// Only masks containing the upper-left pixel occur: a split and its complement are the same
    /// picture with the colours swapped.
    static let glyphs: [Int: Unicode.Scalar] = [
        0b0001: "\u{2598}", 0b0011: "\u{2580}", 0b0101: "\u{258C}", 0b0111: "\u{259B}",
        0b1001: "\u{259A}", 0b1011: "\u{259C}", 0b1101: "\u{2599}", 0b1111: "\u{2588}",
    ]
    private static let masks = [0b1111, 0b0011, 0b0101, 0b1001, 0b0001, 0b0111, 0b1011, 0b1101]

    static func render(_ image: RGBImage, color: ColorDepth) -> CellGrid {
        let columns = (image.width + 1) / 2, rows = (image.height + 1) / 2
        var cells = [TerminalCell]()
        cells.reserveCapacity(columns * rows)
        for row in 0..<rows {
            for column in 0..<columns {
                let left = 2 * column, right = min(2 * column + 1, image.width - 1)
                let top = 2 * row, bottom = min(2 * row + 1, image.height - 1)
                let quad = [image[left, top], image[right, top], image[left, bottom], image[right, bottom]]
                let (mask, fg, bg) = bestSplit(quad)
                cells.append(TerminalCell(glyph: glyphs[mask]!,
                                          foreground: CellRenderer.cellColor(fg, color),
                                          background: CellRenderer.cellColor(bg, color)))
            }
        }
        return CellGrid(columns: columns, rows: rows, cells: cells)
    }

    /// The two-colour split of four pixels with the least squared error; a uniform block stays
    /// whole (`█`, both colours equal).
    static func bestSplit(_ quad: [RGB]) -> (mask: Int, foreground: RGB, background: RGB) {
        var best = (mask: 0b1111, foreground: mean(quad, mask: 0b1111), background: RGB(0, 0, 0))
        best.background = best.foreground
        var bestError = error(quad, mask: 0b1111, best.foreground, best.background)
        for mask in masks.dropFirst() {
            let fg = mean(quad, mask: mask), bg = mean(quad, mask: ~mask & 0b1111)
            let e = error(quad, mask: mask, fg, bg)
            if e < bestError {
                bestError = e
                best = (mask, fg, bg)
            }
        }
        return best
    }

    private static func mean(_ quad: [RGB], mask: Int) -> RGB {
        var r = 0, g = 0, b = 0, n = 0
        for i in 0..<4 where mask & (1 << i) != 0 {
            r += Int(quad[i].red)
            g += Int(quad[i].green)
            b += Int(quad[i].blue)
            n += 1
        }
        return RGB(UInt8((r + n / 2) / n), UInt8((g + n / 2) / n), UInt8((b + n / 2) / n))
    }

    private static func error(_ quad: [RGB], mask: Int, _ fg: RGB, _ bg: RGB) -> Int {
        var total = 0
        for i in 0..<4 { total += squaredDistance(quad[i], mask & (1 << i) != 0 ? fg : bg) }
        return total
    }

    /// Plain squared RGB distance: the split's error measure, the pixel error the quadrant
    /// characters leave (not a palette match, so not `XtermPalette.distance`).
    private static func squaredDistance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.red) - Int(b.red), dg = Int(a.green) - Int(b.green), db = Int(a.blue) - Int(b.blue)
        return dr * dr + dg * dg + db * db
    }
}
