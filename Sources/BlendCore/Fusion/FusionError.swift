/// Why a fusion cannot run as asked.
public enum FusionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The simplex grid's step does not divide 1 into a whole number of parts.
    case badStep(Double)
    /// The simplex grid has too many points to finish in the time allowed.
    case gridTooLarge(points: Double, encoders: Int, step: Double, estimatedSeconds: Double, limitSeconds: Double)
    /// Nested evaluation needs at least two training folds.
    case tooFewFolds(Int)
    /// A setting outside its range (rounds, steps).
    case invalid(String)

    public var description: String {
        switch self {
        case .badStep(let s):
            "the simplex step must divide 1 into whole parts (e.g. 0.1, 0.05, 0.2), got \(s)"
        case .gridTooLarge(let points, let m, let step, let seconds, let limit):
            "the simplex grid over \(m) encoders at step \(step) has \(FusionError.count(points)) points; "
                + "at the measured cost that is about \(FusionError.duration(seconds)), over the limit of \(FusionError.duration(limit)). "
                + "Use a larger --step, fewer --encoders, or --method greedy / coordinate"
        case .tooFewFolds(let n):
            "nested evaluation needs at least two training folds, the clips have \(n)"
        case .invalid(let why):
            why
        }
    }

    /// `53,130` or `1.2e+12`.
    static func count(_ x: Double) -> String {
        guard x < 1e15 else { return "\(x)" }
        let digits = String(Int64(x))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// `42 s`, `17 min`, `3.1 h`, `5.0e+03 years`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 120 { return "\(Int(seconds.rounded())) s" }
        if seconds < 7200 { return "\(Int((seconds / 60).rounded())) min" }
        if seconds < 86400 * 365 { return "\(Int((seconds / 3600).rounded())) h" }
        let years = seconds / (86400 * 365)
        return years < 1e6 ? "\(Int(years.rounded())) years" : "\(years) years"
    }
}
