/// Shade glyphs for levels that must survive without colour (the heatmaps). Eighth-block
/// bars and levels are BlendCore's `BlockBar`, shared with the CLI's text charts.
public enum BlockGlyphs {
    /// Shades from light to full.
    public static let shades: [Character] = ["░", "▒", "▓", "█"]

    /// The shade for a level in 0...1.
    public static func shade(_ level: Double) -> Character {
        let f = level.isFinite ? min(max(level, 0), 1) : 0
        return shades[min(shades.count - 1, Int(f * Double(shades.count)))]
    }
}
