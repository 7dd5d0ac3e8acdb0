/// Number formats shared by widgets, in the compact style of the screens (`.418`, `0.12`, `62%`).
public enum Format {
    /// `value` with `digits` decimals; without the leading zero when `leadingZero` is false
    /// (`.418`, `−.024`, with a true minus sign), as metric columns print it. NaN and infinities print as `–`.
    public static func decimal(_ value: Double, digits: Int = 2, leadingZero: Bool = true) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1
        for _ in 0..<max(0, digits) { scale *= 10 }
        let units = Int((abs(value) * Double(scale)).rounded())
        let negative = value < 0 && units > 0
        let whole = units / scale, fraction = units % scale
        var text = negative ? "−" : ""
        if whole != 0 || leadingZero || digits == 0 { text += String(whole) }
        if digits > 0 {
            let digitsText = String(fraction)
            text += "." + String(repeating: "0", count: digits - digitsText.count) + digitsText
        }
        return text
    }

    /// A metric or probability without the leading zero: `.418`.
    public static func fraction(_ value: Double, digits: Int = 3) -> String {
        decimal(value, digits: digits, leadingZero: false)
    }

    /// A percentage of a fraction in 0...1: `62%`.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "–" }
        return "\(Int((fraction * 100).rounded()))%"
    }
}
