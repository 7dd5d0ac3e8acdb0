/// The xterm 256-colour palette and nearest-colour quantisation into it: the one quantiser of
/// the package, for theme colours in 256-colour mode and for video frames drawn as 256-colour
/// cells alike.
///
/// Only indices 16–255 are chosen: the 6×6×6 cube and the 24-step grey ramp have fixed colours,
/// while 0–15 are redefined by most terminal themes (users recolour them, so their shade is
/// unknown).
public enum XtermPalette {
    /// The cube's six channel levels.
    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// For each 8-bit channel value, the nearest cube level's index (0...5).
    private static let nearestLevel: [UInt8] = (0...255).map { value in
        var best = 0
        for i in 1..<cubeLevels.count where abs(Int(cubeLevels[i]) - value) < abs(Int(cubeLevels[best]) - value) {
            best = i
        }
        return UInt8(best)
    }

    /// The entry of the cube and grey ramp (16...255) nearest to `color` by ``distance(_:_:)``:
    /// the cube's candidate (each channel to its nearest level) against the three greys around
    /// the mean brightness; the cube wins ties.
    public static func index(of color: RGB) -> UInt8 {
        let r = Int(nearestLevel[Int(color.red)]), g = Int(nearestLevel[Int(color.green)])
        let b = Int(nearestLevel[Int(color.blue)])
        var best = UInt8(16 + 36 * r + 6 * g + b)
        var bestDistance = distance(color, self.color(of: best))
        let mean = (Int(color.red) + Int(color.green) + Int(color.blue)) / 3
        let greyStep = min(23, max(0, (mean - 3) / 10))
        for step in max(0, greyStep - 1)...min(23, greyStep + 1) {
            let grey = UInt8(232 + step)
            let d = distance(color, self.color(of: grey))
            if d < bestDistance {
                bestDistance = d
                best = grey
            }
        }
        return best
    }

    /// The colour xterm shows for a palette index (the 16 system colours at xterm's defaults).
    public static func color(of index: UInt8) -> RGB {
        let i = Int(index)
        switch i {
        case 0..<16:
            return systemColors[i]
        case 16..<232:
            let n = i - 16
            return RGB(cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
        default:
            let level = UInt8(8 + 10 * (i - 232))
            return RGB(level, level, level)
        }
    }

    /// xterm's default shades of the 16 system colours (ANSI 0–7, then the bright 8–15).
    public static let systemColors: [RGB] = [
        RGB(0x00, 0x00, 0x00), RGB(0xCD, 0x00, 0x00), RGB(0x00, 0xCD, 0x00), RGB(0xCD, 0xCD, 0x00),
        RGB(0x00, 0x00, 0xEE), RGB(0xCD, 0x00, 0xCD), RGB(0x00, 0xCD, 0xCD), RGB(0xE5, 0xE5, 0xE5),
        RGB(0x7F, 0x7F, 0x7F), RGB(0xFF, 0x00, 0x00), RGB(0x00, 0xFF, 0x00), RGB(0xFF, 0xFF, 0x00),
        RGB(0x5C, 0x5C, 0xFF), RGB(0xFF, 0x00, 0xFF), RGB(0x00, 0xFF, 0xFF), RGB(0xFF, 0xFF, 0xFF),
    ]

    /// Squared "redmean" distance: cheap, and closer to what eyes see than plain RGB.
    public static func distance(_ a: RGB, _ b: RGB) -> Int {
        let rMean = (Int(a.red) + Int(b.red)) / 2
        let dr = Int(a.red) - Int(b.red), dg = Int(a.green) - Int(b.green), db = Int(a.blue) - Int(b.blue)
        // Swift's >> binds tighter than *, hence the parentheses.
        return (((512 + rMean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rMean) * db * db) >> 8)
    }
}
