import BlendCore

/// Numbers in the CLI's style, from `NumberText`'s digits: what `blendscope`'s text output and
/// `TextTable` print. Markdown and LaTeX round to the same digits; only the look differs
/// (a negative rate is `-0.012` here, `-.012` there, `−.012` in the TUI).
public enum ReportText {
    /// `x` at `places`, without the leading zero of a positive number below one when
    /// `places` ≤ 3 (`.271`, `-0.012`, `0.0974`).
    public static func short(_ x: Double, _ places: Int) -> String {
        let s = NumberText.fixed(x, places: places)
        return places <= 3 && s.hasPrefix("0.") ? String(s.dropFirst()) : s
    }

    /// `0.2709` → `.271`: three decimals, the way accuracy tables in the field print them.
    public static func rate(_ x: Double) -> String { short(x, 3) }

    /// `.207 [.188, .226]`, or the point alone without an interval.
    public static func rate(_ x: Double, _ interval: Interval?) -> String {
        guard let interval else { return rate(x) }
        return "\(rate(x)) [\(rate(interval.lo)), \(rate(interval.hi))]"
    }

    /// Thresholds print with four decimals (`0.0974`).
    public static func threshold(_ x: Double) -> String { NumberText.threshold(x) }

    /// `0.0974 [0.0500, 0.1447]`.
    public static func threshold(_ x: Double, _ interval: Interval) -> String {
        "\(threshold(x)) [\(threshold(interval.lo)), \(threshold(interval.hi))]"
    }

    /// A confidence level as a percentage: `95%`, `99.5%`.
    public static func percent(_ level: Double) -> String {
        let p = level * 100
        return NumberText.fixed(p, places: p == p.rounded() ? 0 : 1) + "%"
    }
}
