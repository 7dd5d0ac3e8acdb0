/// Bars and levels in eighth blocks, for every front end: the TUI's bars, gauges, sparklines
/// and probability levels, and the CLI's text charts and job progress line. Pure text; the
/// callers colour it.
public enum BlockBar {
    /// Left-aligned partial blocks from 1/8 to 8/8 of a cell's width.
    public static let horizontal: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    /// Bottom-aligned partial blocks from 1/8 to 8/8 of a cell's height.
    public static let vertical: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// How many eighths of `width` cells `fraction` fills: clamped to 0...1, non-finite as 0,
    /// rounded to the nearest eighth (a progress line passes `.down`, so 100% shows only at the end).
    public static func eighths(_ fraction: Double, width: Int,
                               rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int {
        guard width > 0 else { return 0 }
        let f = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        return Int((f * Double(width * 8)).rounded(rounding))
    }

    /// Full blocks, then the partial one: `███▍` for 27 eighths, "" for none.
    public static func glyphs(eighths: Int) -> String {
        guard eighths > 0 else { return "" }
        var text = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { text.append(horizontal[eighths % 8 - 1]) }
        return text
    }

    /// The filled part of a bar of `fraction` of `width` cells, without padding.
    public static func bar(_ fraction: Double, width: Int,
                           rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> String {
        glyphs(eighths: eighths(fraction, width: width, rounding: rounding))
    }

    /// The bar padded with `pad` to exactly `width` cells (spaces, or `·` so the unfilled
    /// length reads without colour).
    public static func padded(_ fraction: Double, width: Int, with pad: Character = " ",
                              rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> String {
        guard width > 0 else { return "" }
        let n = eighths(fraction, width: width, rounding: rounding)
        return glyphs(eighths: n) + String(repeating: pad, count: width - (n + 7) / 8)
    }

    /// The vertical glyph for `eighths` (0...8, more counts as 8) of a cell's height; a space for 0.
    public static func level(_ eighths: Int) -> Character {
        eighths <= 0 ? " " : vertical[min(eighths, 8) - 1]
    }
}
