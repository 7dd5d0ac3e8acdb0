import BlendCore

/// Matching against the 16 basic terminal colours (the 256-colour palette is `XtermPalette`'s).
public enum PaletteMatch {
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
}
