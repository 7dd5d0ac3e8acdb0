/// The one-line finding of a ``DurationReport``: the longest bin against the shortest.
struct DurationFinding {
    let bins: [DurationBin]
    let spearman: Double?

    private func percent(_ x: Double) -> String { "\(NumberText.fixed(x * 100, places: 0))%" }
    private func rate(_ x: Double) -> String { NumberText.fixed(x, places: 3) }
    private func beta(_ x: Double?) -> String { x.map { NumberText.fixed($0, places: 2) } ?? "none" }

    var sentence: String {
        let filled = bins.filter { $0.count > 0 }
        guard let short = filled.first, let long = filled.last, filled.count >= 2 else {
            let n = filled.first?.count ?? 0
            return "All \(n) clips with a duration fall in one bin: nothing to compare."
        }
        var parts = [
            "The longest clips (\(long.range)) are \(percent(long.blendShare)) blends against "
                + "\(percent(short.blendShare)) of the shortest (\(short.range))",
        ]
        // Salience needs blends: when the shortest bin has none, the shortest bin that has some
        // stands in for it, named so the sentence stays true.
        func named(_ b: DurationBin) -> String { b.range == short.range ? "" : " in \(b.range)" }
        if long.blends > 0, let s = filled.dropLast().first(where: { $0.blends > 0 }) {
            // The blend counts say how far each ACC_S can be trusted (a short bin may hold few).
            parts.append("ACC_S \(rate(long.metrics.accSalience)) over \(long.blends) against "
                         + "\(rate(s.metrics.accSalience)) over \(s.blends)\(named(s)), "
                         + "best β \(beta(long.bestBeta)) against \(beta(s.bestBeta))")
        }
        if long.unevenPairFound > 0, let s = filled.dropLast().first(where: { $0.unevenPairFound > 0 }) {
            parts.append("70/30 blends with the weaker emotion on top \(percent(long.reversedShare)) against "
                         + "\(percent(s.reversedShare))\(named(s))")
        }
        if let spearman {
            parts.append("duration–margin ρ \(NumberText.fixed(spearman, places: 2))")
        }
        return parts.joined(separator: "; ") + "."
    }
}
