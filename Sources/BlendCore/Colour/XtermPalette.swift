/// The xterm 256-colour palette and nearest-colour quantisation into it.
///
/// Only indices 16–255 are chosen: the 6×6×6 cube and the 24-step grey ramp have fixed colours,
/// while 0–15 are redefined by most terminal themes.
public enum XtermPalette {
    /// The cube's six channel levels.
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// For each 8-bit channel value, the nearest cube level's index (0...5).
    private static let nearestLevel: [UInt8] = (0...255).map { value in
        var best = 0
        for i in 1..<cubeLevels.count where abs(cubeLevels[i] - value) < abs(cubeLevels[best] - value) {
            best = i
        }
        return UInt8(best)
    }

    /// The palette index (16...255) whose colour is nearest to `color` in RGB distance.
    public static func index(of color: RGB) -> UInt8 {
        let r = Int(nearestLevel[Int(color.r)])
        let g = Int(nearestLevel[Int(color.g)])
        let b = Int(nearestLevel[Int(color.b)])
        let cube = RGB(UInt8(cubeLevels[r]), UInt8(cubeLevels[g]), UInt8(cubeLevels[b]))

        // Grey ramp: 8, 18, ..., 238 at indices 232...255.
        let mean = (Int(color.r) + Int(color.g) + Int(color.b)) / 3
        let step = min(23, max(0, (mean - 8 + 5) / 10))
        let greyLevel = UInt8(8 + 10 * step)
        let grey = RGB(greyLevel, greyLevel, greyLevel)

        if distance(color, grey) < distance(color, cube) { return UInt8(232 + step) }
        return UInt8(16 + 36 * r + 6 * g + b)
    }

    /// The colour xterm shows for a palette index (the 16 system colours at xterm's defaults).
    public static func color(of index: UInt8) -> RGB {
        let i = Int(index)
        switch i {
        case 0..<16:
            return systemColors[i]
        case 16..<232:
            let n = i - 16
            return RGB(UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[(n / 6) % 6]), UInt8(cubeLevels[n % 6]))
        default:
            let level = UInt8(8 + 10 * (i - 232))
            return RGB(level, level, level)
        }
    }

    private static let systemColors: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
        return dr * dr + dg * dg + db * db
    }
}
