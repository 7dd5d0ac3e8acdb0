/// Fixed-point text for numbers in computed sentences (`0.06`), without Foundation.
enum DecimalText {
    /// `x` rounded half away from zero to `places` decimals, always showing them.
    static func format(_ x: Double, places: Int = 2) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let units = Int((x.magnitude * Double(scale)).rounded())
        let whole = units / scale
        var fraction = String(units % scale)
        while fraction.count < places { fraction = "0" + fraction }
        let sign = x < 0 && units != 0 ? "-" : ""
        return places == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
