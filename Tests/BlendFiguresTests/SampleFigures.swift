import BlendCore
import BlendFigures

/// Every figure kind built from made-up BlendCore values at both widths, for layout and
/// rendering tests without a project.
enum SampleFigures {
    static func sweep() -> SweepResult {
        let grid = ThresholdGrid.official
        var cells: [Metrics] = []
        for a in grid.alphas.indices {
            for b in grid.betas.indices {
                cells.append(Metrics(clips: 100, blends: 50, presenceHits: 30 + 2 * a, salienceHits: (3 * a + 7 * b) % 50))
            }
        }
        return SweepResult(grid: grid, cells: cells)
    }

    static func curves() -> [CurveSeries] {
        let betas = ThresholdGrid.official.betas
        return ["all clips", "fold 0", "fold 1", "fold 2", "fold 3", "fold 4"].enumerated().map { i, label in
            let ys = betas.map { b in 0.3 + 0.2 * (1 - (b - 0.1 - 0.05 * Double(i)).magnitude) }
            // The first curve with a band, as `--bands` draws it.
            return CurveSeries(label: label, xs: betas, ys: ys, band: i == 0 ? ys.map { ($0 - 0.04)...($0 + 0.03) } : nil)
        }
    }

    static func confusion() -> ConfusionTable<LabelSet> {
        let sets = LabelSet.all
        var next = 0
        var cells: [[Int]] = []
        for r in sets.indices {
            for c in sets.indices {
                let count = r == c ? 40 + 10 * r : (r + c) % 4 == 0 ? (r * c) % 9 : 0
                cells.append(Array(next..<(next + count)))
                next += count
            }
        }
        return ConfusionTable(rows: sets, columns: sets, cells: cells)
    }

    static func actors() -> [ActorBetaPoint] {
        (0..<58).map { i in
            let beta = 0.05 + Double(i % 19) * 0.05
            return ActorBetaPoint(actor: "A\(200 + i)", beta: beta,
                                  interval: i % 7 == 0 ? nil : max(0.05, beta - 0.1)...min(0.95, beta + 0.15))
        }
    }

    /// Each kind by name at `width`.
    static func all(_ width: FigureWidth) -> [(String, Figure)] {
        [
            ("heatmap", Figures.heatmap(sweep(), metric: .score, current: Thresholds(alpha: 0.1, beta: 0.2), width: width)),
            ("heatmap-acc-s", Figures.heatmap(sweep(), metric: .accS, current: nil, width: width)),
            ("beta-curves", Figures.betaCurves(curves(), alpha: 0.15, width: width)),
            ("confusion", Figures.confusion(confusion(), rates: false, width: width)),
            ("confusion-rates", Figures.confusion(confusion(), rates: true, width: width)),
            ("actor-beta", Figures.actorBeta(actors(), global: 0.15, betas: 0.05...0.95, omitted: 3, width: width)),
        ]
    }
}
