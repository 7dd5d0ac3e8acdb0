/// `Duration` as the plain numbers the timers, clocks and poll loops need: the one place that
/// reads its (seconds, attoseconds) components.
extension Duration {
    /// In seconds, fractional.
    public var inSeconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }

    /// In milliseconds, fractional.
    public var inMilliseconds: Double {
        let c = components
        return Double(c.seconds) * 1e3 + Double(c.attoseconds) * 1e-15
    }

    /// Whole milliseconds, truncated toward zero, saturating at Int64's bounds (poll timeouts).
    public var wholeMilliseconds: Int64 {
        let c = components
        let (ms, overflow) = c.seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return c.seconds < 0 ? .min : .max }
        let (sum, overflowSum) = ms.addingReportingOverflow(c.attoseconds / 1_000_000_000_000_000)
        return overflowSum ? (ms < 0 ? .min : .max) : sum
    }

    /// Whole nanoseconds, truncated toward zero (dispatch timeouts).
    public var wholeNanoseconds: Int {
        let c = components
        return Int(c.seconds * 1_000_000_000 + c.attoseconds / 1_000_000_000)
    }
}
