/// How a job's progress and time left read, the same in `blendscope jobs`, the CLI's progress
/// bar and the workbench's Jobs screen (issue 14: the TUI rounded a cancelled job's 0.6% to 1%
/// while `jobs` said 0%).
public enum JobProgressText {
    /// `42%`: whole percent rounded down, so a job reads 100% only when all of it is done.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "–" }
        return NumberText.fixed((min(1, max(0, fraction)) * 100).rounded(.down), places: 0) + "%"
    }

    /// `42s`, `3m05s`, `1h02m`.
    public static func clock(_ seconds: Double) -> String {
        let s = seconds.isFinite ? max(0, Int(seconds.rounded())) : 0
        if s < 60 { return "\(s)s" }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if s < 3600 { return "\(s / 60)m\(two(s % 60))s" }
        return "\(s / 3600)h\(two((s % 3600) / 60))m"
    }

    /// Seconds left of a running job: its own estimate when it reports one (training's epoch
    /// clock), else the time so far extrapolated from its progress; nil until either says
    /// something.
    public static func remaining(fraction: Double, elapsed: Double, reported: Double?) -> Double? {
        if let reported, reported.isFinite, reported >= 0 { return reported }
        guard fraction >= 0.01, fraction < 1, elapsed >= 1 else { return nil }
        return elapsed * (1 - fraction) / fraction
    }
}
