/// Nearest-colour matching against the standard terminal palettes.
public enum PaletteMatch {
    /// The colour of xterm 256-palette entry `index` (16–255: the 6×6×6 cube, then 24 greys;
    /// 0–15: xterm's defaults for the basic colours).
    public static func rgb(ofIndex index: Int) -> RGB {
        if index < 16 { return ThemeColor.ansiReference[index] }
        if index >= 232 {
            let level = UInt8(8 + 10 * (index - 232))
            return RGB(level, level, level)
        }
        let cube = index - 16
        return RGB(cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
    }

    /// The nearest entry of the cube and grey ramp (16–255). Entries 0–15 are skipped on
    /// purpose: users recolour them, so their shade is unknown.
    public static func nearest256(_ color: RGB) -> Int {
        var best = 16
        var bestDistance = Int.max
        // The cube candidate: each channel to its nearest level.
        let r = nearestLevel(color.red), g = nearestLevel(color.green), b = nearestLevel(color.blue)
        let cubeIndex = 16 + 36 * r + 6 * g + b
        let cubeDistance = distance(color, rgb(ofIndex: cubeIndex))
        best = cubeIndex
        bestDistance = cubeDistance
        // The grey candidate nearest to the mean brightness.
        let mean = (Int(color.red) + Int(color.green) + Int(color.blue)) / 3
        let greyStep = min(23, max(0, (mean - 3) / 10))
        for step in max(0, greyStep - 1)...min(23, greyStep + 1) {
            let d = distance(color, rgb(ofIndex: 232 + step))
            if d < bestDistance {
                bestDistance = d
                best = 232 + step
            }
        }
        return best
    }

    /// The basic colour (0–15, or 0–7 when `count` is 8) that best stands for `color`.
    /// Matched by hue rather than distance: a desaturated red must stay red (the basic
    /// colours are few and garish, and by distance many theme colours would fall to grey),
    /// while colours with little saturation go to black, grey or white by brightness.
    public static func nearestBasic(_ color: RGB, count: Int = 16) -> Int {
        let r = Double(color.red) / 255, g = Double(color.green) / 255, b = Double(color.blue) / 255
        let maxC = max(r, g, b), minC = min(r, g, b)
        let value = maxC
        let saturation = maxC > 0 ? (maxC - minC) / maxC : 0
        let index: Int
        if saturation < 0.25 || maxC - minC < 0.12 {
            index = value < 0.25 ? 0 : value < 0.6 ? 8 : value < 0.85 ? 7 : 15
        } else {
            var hue: Double
            if maxC == r {
                hue = 60 * ((g - b) / (maxC - minC))
            } else if maxC == g {
                hue = 60 * ((b - r) / (maxC - minC) + 2)
            } else {
                hue = 60 * ((r - g) / (maxC - minC) + 4)
            }
            if hue < 0 { hue += 360 }
            // Basic colours by hue: red 0°, yellow 60°, green 120°, cyan 180°, blue 240°, magenta 300°.
            let sector = Int((hue / 60).rounded()) % 6
            let basic = [1, 3, 2, 6, 4, 5][sector]
            index = value > 0.75 ? basic + 8 : basic
        }
        return count <= 8 && index >= 8 ? (index == 8 ? 7 : index - 8) : index
    }

    /// Squared "redmean" distance: cheap, and closer to what eyes see than plain RGB.
    public static func distance(_ a: RGB, _ b: RGB) -> Int {
        let rMean = (Int(a.red) + Int(b.red)) / 2
        let dr = Int(a.red) - Int(b.red), dg = Int(a.green) - Int(b.green), db = Int(a.blue) - Int(b.blue)
        // Swift's >> binds tighter than *, hence the parentheses.
        return (((512 + rMean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rMean) * db * db) >> 8)
    }

    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    private static func nearestLevel(_ value: UInt8) -> Int {
        var best = 0
        for (i, level) in cubeLevels.enumerated() where abs(Int(level) - Int(value)) < abs(Int(cubeLevels[best]) - Int(value)) {
            best = i
        }
        return best
    }
}
