/// The glyph of each on/off pattern of a 2-wide mosaic cell (sextants 2×3, octants 2×4).
///
/// A pattern's bit `i` is sub-pixel `i` in row-major order (bit 0 upper left, bit 1 upper
/// right, bit 2 the next row's left …); a set bit is drawn in the foreground colour.
struct MosaicGlyphs: Sendable {
    /// Sub-pixel rows in a cell (3 or 4); always two columns.
    let rowsPerCell: Int
    /// Indexed by pattern: `1 << (2 × rowsPerCell)` glyphs.
    let glyphs: [Unicode.Scalar]

    /// U+1FB00 … U+1FB3B hold the 60 sextant patterns in ascending order, leaving out the four
    /// that older blocks already draw: empty, full, left half `▌` and right half `▐`.
    static let sextants: MosaicGlyphs = {
        let existing: [Int: Unicode.Scalar] = [0: " ", 0b111111: "\u{2588}", 0b010101: "\u{258C}", 0b101010: "\u{2590}"]
        return MosaicGlyphs(rowsPerCell: 3, glyphs: sequence(count: 64, from: 0x1FB00, existing: existing))
    }()

    /// U+1CD00 … U+1CDE5 hold 230 of the 256 octant patterns in ascending order; the other 26
    /// are drawn by earlier block characters (Unicode 16's own table; WezTerm and kitty agree).
    static let octants: MosaicGlyphs = {
        let existing: [Int: Unicode.Scalar] = [
            0x00: " ", 0xFF: "\u{2588}",
            0x01: "\u{1CEA8}", 0x02: "\u{1CEAB}", 0x40: "\u{1CEA3}", 0x80: "\u{1CEA0}",
            0x05: "\u{2598}", 0x0A: "\u{259D}", 0x50: "\u{2596}", 0xA0: "\u{2597}",
            0x0F: "\u{2580}", 0xF0: "\u{2584}", 0x55: "\u{258C}", 0xAA: "\u{2590}",
            0x03: "\u{1FB82}", 0xC0: "\u{2582}", 0x14: "\u{1FBE6}", 0x28: "\u{1FBE7}",
            0x5A: "\u{259E}", 0xA5: "\u{259A}", 0x5F: "\u{259B}", 0xAF: "\u{259C}",
            0xF5: "\u{2599}", 0xFA: "\u{259F}", 0xFC: "\u{2586}", 0x3F: "\u{1FB85}",
        ]
        return MosaicGlyphs(rowsPerCell: 4, glyphs: sequence(count: 256, from: 0x1CD00, existing: existing))
    }()

    private static func sequence(count: Int, from first: UInt32, existing: [Int: Unicode.Scalar]) -> [Unicode.Scalar] {
        var next = first
        return (0..<count).map { pattern in
            if let glyph = existing[pattern] { return glyph }
            defer { next += 1 }
            // Every value here is a plain, assigned scalar (checked by MosaicRendererTests).
            return Unicode.Scalar(next) ?? " "
        }
    }
}
