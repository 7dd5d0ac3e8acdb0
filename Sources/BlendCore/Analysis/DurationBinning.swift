/// How clip durations are cut into bins: equal-count bins at the quantiles of the durations
/// (quartiles for 4), or fixed cut points given by the analyst.
///
/// Either way the bins come from inner cut points `e1 < e2 < … < ek`: a duration `d` falls in
/// bin `i` when exactly `i` cut points are `≤ d`, so the bins are `[e_i, e_{i+1})` with the
/// first open below and the last open above, and no clip with a duration is ever left out.
public enum DurationBinning: Hashable, Sendable {
    /// `n` bins at the `1/n, 2/n, …` quantiles (linear interpolation, numpy's default). Equal
    /// quantiles (many clips of one length) merge, so fewer bins may come out.
    case quantiles(Int)
    /// Fixed inner cut points in seconds, strictly increasing: `[2, 3, 4]` gives `< 2`,
    /// `2–3`, `3–4` and `≥ 4`.
    case edges([Double])

    /// The most quantile bins a report makes.
    public static let maximumBinCount = 100

    /// The inner cut points for these durations (sorted ascending, no NaN).
    public func cutPoints(sortedDurations sorted: [Double]) -> [Double] {
        switch self {
        case .edges(let edges):
            return edges
        case .quantiles(let n):
            precondition((1...Self.maximumBinCount).contains(n), "1–\(Self.maximumBinCount) bins")
            guard !sorted.isEmpty else { return [] }
            var cuts = [Double]()
            for k in 1..<n {
                let q = Quantile.linear(sorted, Double(k) / Double(n))
                // A cut equal to the one before would make an empty bin between them.
                if cuts.last.map({ q > $0 }) ?? true { cuts.append(q) }
            }
            // A cut at the very shortest duration would leave the first bin empty.
            if let first = cuts.first, first <= sorted[0] { cuts.removeFirst() }
            return cuts
        }
    }

    /// The bin of `duration` among `cuts`: how many cut points are `≤ duration`.
    public static func bin(of duration: Double, cuts: [Double]) -> Int {
        var lo = 0, hi = cuts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cuts[mid] <= duration { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Parses `--edges` text, `2,3,4` or `2.5, 4`: finite numbers, strictly increasing.
    public static func parseEdges(_ text: String) throws(DurationBinningError) -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { trimmedSpaces($0) }
        var edges = [Double]()
        for part in parts {
            guard let value = Double(part), value.isFinite else {
                throw DurationBinningError("edge '\(part)' is not a number of seconds (expected e.g. 2,3,4)")
            }
            guard UserLimits.durationEdge.admits(value) else {
                throw DurationBinningError(UserLimits.durationEdge.message("an edge", got: value.limitText) + " seconds")
            }
            guard edges.count < UserLimits.durationEdgeCount.range.upperBound else {
                throw DurationBinningError("at most \(UserLimits.durationEdgeCount.range.upperBound) edges")
            }
            if let last = edges.last, value <= last {
                throw DurationBinningError("edges must increase strictly: \(value) follows \(last)")
            }
            edges.append(value)
        }
        return edges
    }

    /// The text without spaces at either end (Foundation-free).
    private static func trimmedSpaces(_ text: Substring) -> String {
        var s = text
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    /// Checks a bin count given on the command line.
    public static func checkBinCount(_ n: Int) throws(DurationBinningError) {
        guard (1...maximumBinCount).contains(n) else {
            throw DurationBinningError("the number of bins must be 1–\(maximumBinCount), got \(n)")
        }
    }
}

/// Why `--edges` or `--bins` was refused, in words for the analyst.
public struct DurationBinningError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
