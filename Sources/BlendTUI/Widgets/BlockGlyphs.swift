/// Eighth-block glyphs for bars drawn finer than a cell.
public enum BlockGlyphs {
    /// Left-aligned partial blocks from 1/8 to 8/8 of a cell's width.
    public static let horizontal: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    /// Bottom-aligned partial blocks from 1/8 to 8/8 of a cell's height.
    public static let vertical: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Shades from light to full, for levels that must survive without colour.
    public static let shades: [Character] = ["░", "▒", "▓", "█"]

    /// A horizontal bar of `fraction` (clamped to 0...1) of `width` cells, in eighths,
    /// padded with spaces to exactly `width` cells.
    public static func bar(_ fraction: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let f = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let eighths = Int((f * Double(width * 8)).rounded())
        var text = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { text.append(horizontal[eighths % 8 - 1]) }
        return text + String(repeating: " ", count: width - (eighths + 7) / 8)
    }

    /// The vertical glyph for `eighths` (0...8) of a cell's height; a space for 0.
    public static func column(_ eighths: Int) -> Character {
        eighths <= 0 ? " " : vertical[min(eighths, 8) - 1]
    }

    /// The shade for a level in 0...1.
    public static func shade(_ level: Double) -> Character {
        let f = level.isFinite ? min(max(level, 0), 1) : 0
        return shades[min(shades.count - 1, Int(f * Double(shades.count)))]
    }
}
