/// The one fixed-point formatter: every number blendscope prints with a fixed count of decimals
/// (the CLI's tables, the TUI's screens, Markdown and LaTeX exports, computed sentences) goes
/// through `fixed`, so a rate shows the same digits wherever it appears. No locale and no
/// Foundation, so a figure reads the same on every machine.
///
/// The rounding scales the number and rounds half away from zero (`0.0625` → `0.063`,
/// `-1.25` → `-1.3`), as the TUI, the exports and the computed sentences always did (their
/// goldens pin it). The CLI used C's `%.3f`, which rounds the exact binary value ties to even
/// and so printed `.062` for 1/16 and `.562` for 9/16; it now prints `.063` and `.563`.
public enum NumberText {
    /// `x` rounded to `places` decimals, always showing them: `0.271`, `-0.012`, `7`.
    /// A result of zero has no sign (`-0.0004` → `0.000`); NaN and infinities print as Swift
    /// spells them (`nan`, `inf`, `-inf`), and so do magnitudes too large for fixed point.
    ///
    /// - Parameters:
    ///   - leadingZero: false drops the `0` before the point of a number below one (`.418`,
    ///     `-.012`), as accuracy tables print rates.
    ///   - minus: the sign of a negative result (`-`, or the TUI's true minus `−`).
    public static func fixed(_ x: Double, places: Int, leadingZero: Bool = true, minus: String = "-") -> String {
        guard x.isFinite else { return x.description }
        let places = max(0, places)
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (x.magnitude * Double(scale)).rounded()
        guard scaled < 1e15 else { return x.description }
        let units = Int(scaled)
        let whole = units / scale
        var text = x < 0 && units != 0 ? minus : ""
        if whole != 0 || leadingZero || places == 0 { text += String(whole) }
        if places > 0 {
            let fraction = String(units % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// A rate, an accuracy or a probability as tables print it: three decimals, no leading zero
    /// (`.207`, `-.012`, `1.000`).
    public static func rate(_ x: Double) -> String { fixed(x, places: 3, leadingZero: false) }

    /// A threshold: four decimals (`0.0974`).
    public static func threshold(_ x: Double) -> String { fixed(x, places: 4) }
}
