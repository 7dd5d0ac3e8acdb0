import BlendCore

/// Number formats shared by widgets, in the compact style of the screens (`.418`, `0.12`, `62%`).
/// The digits come from `NumberText`, the formatter the CLI and every export use.
public enum Format {
    /// `value` with `digits` decimals; without the leading zero when `leadingZero` is false
    /// (`.418`, `−.024`, with a true minus sign), as metric columns print it. NaN and infinities print as `–`.
    public static func decimal(_ value: Double, digits: Int = 2, leadingZero: Bool = true) -> String {
        guard value.isFinite else { return "–" }
        return NumberText.fixed(value, places: digits, leadingZero: leadingZero, minus: "−")
    }

    /// A metric or probability without the leading zero: `.418`.
    public static func fraction(_ value: Double, digits: Int = 3) -> String {
        decimal(value, digits: digits, leadingZero: false)
    }

    /// A percentage of a fraction in 0...1: `62%`.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "–" }
        return NumberText.fixed(fraction * 100, places: 0) + "%"
    }
}

extension Format {
    /// A count with thousands grouped: `3,050`.
    public static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// How much of the project a source covers where it is partial (`99/3,050 clips`); nil when
    /// it covers every clip.
    public static func coverage(_ covered: Int, of total: Int) -> String? {
        covered < total ? "\(count(covered))/\(count(total)) clips" : nil
    }
}
