import ArgumentParser
import BlendCore

/// `--bins N` or `--edges 2,3,4`: how clip durations are cut into bins (quartiles by default).
struct DurationBinOptions: ParsableArguments {
    @Option(help: "Cut durations into N equal-count bins at their quantiles (default 4: quartiles).")
    var bins: Int?

    @Option(help: "Cut durations at these seconds instead, strictly increasing, e.g. 2,3,4 (bins < 2, 2–3, 3–4, ≥ 4).")
    var edges: String?

    func validate() throws {
        if bins != nil && edges != nil { throw ValidationError("give --bins or --edges, not both") }
        do {
            if let bins { try DurationBinning.checkBinCount(bins) }
        } catch {
            throw ValidationError("--bins: \(error)")
        }
        do {
            if let edges { _ = try DurationBinning.parseEdges(edges) }
        } catch {
            throw ValidationError("--edges: \(error)")
        }
    }

    var binning: DurationBinning {
        if let edges, let cuts = try? DurationBinning.parseEdges(edges) { return .edges(cuts) }
        return .quantiles(bins ?? 4)
    }

    /// `4 quantile bins`, `edges 2.0, 3.5 s`.
    var description: String {
        switch binning {
        case .quantiles(let n): "\(n) quantile bin\(n == 1 ? "" : "s")"
        case .edges(let cuts): "edges " + cuts.map { "\($0)" }.joined(separator: ", ") + " s"
        }
    }
}
