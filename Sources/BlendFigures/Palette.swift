import BlendCore

/// Colour-blind-safe colours: viridis for ramps, Okabe–Ito for series.
public enum Palette {
    /// viridis sampled at 0, 1/8, …, 1 (matplotlib's table); between them linear in sRGB, which
    /// keeps the ramp monotone in lightness to within a few percent.
    private static let viridisStops: [RGB] = [
        RGB(68, 1, 84), RGB(71, 44, 122), RGB(59, 81, 139), RGB(44, 113, 142), RGB(33, 144, 141),
        RGB(39, 173, 129), RGB(92, 200, 99), RGB(170, 220, 50), RGB(253, 231, 37),
    ]

    /// viridis at `t` in 0…1 (clamped; NaN is the low end).
    public static func viridis(_ t: Double) -> RGB {
        let x = t.isNaN ? 0 : min(1, max(0, t))
        let scaled = x * Double(viridisStops.count - 1)
        let i = min(viridisStops.count - 2, Int(scaled))
        return viridisStops[i].mixed(with: viridisStops[i + 1], scaled - Double(i))
    }

    /// Okabe & Ito (2008), without yellow, which vanishes on white: black first.
    public static let series: [RGB] = [
        RGB(0, 0, 0), RGB(230, 159, 0), RGB(86, 180, 233), RGB(0, 158, 115), RGB(0, 114, 178), RGB(213, 94, 0),
        RGB(204, 121, 167),
    ]

    /// Dash patterns, in points, matched with `series` (solid first).
    public static let dashes: [[Double]] = [[], [3, 1.5], [1, 1.2], [4, 1.2, 1, 1.2], [6, 2], [2, 2], [4, 1, 1, 1, 1, 1]]

    public static let markers: [MarkerShape] = [.circle, .square, .triangle, .diamond, .cross, .plus, .circle]

    public static let ink = RGB(0, 0, 0)
    public static let grey = RGB(120, 120, 120)
    public static let light = RGB(225, 225, 225)
    public static let white = RGB(255, 255, 255)
    /// Okabe–Ito vermillion: what a figure marks as standing out.
    public static let accent = RGB(213, 94, 0)

    /// Black or white, whichever reads on `background`.
    public static func text(on background: RGB) -> RGB { background.luma < 140 ? white : ink }
}
