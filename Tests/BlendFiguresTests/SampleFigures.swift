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

    static func fusionWeights() -> [FusionWeightBar] {
        let weights = [0.42, 0.31, 0.17, 0.1, 0]
        return ["HiCMAE", "VideoMAEv2", "WavLM", "OpenFace", "HuBERT-large"].enumerated().map { i, name in
            FusionWeightBar(encoder: name, weight: weights[i],
                            folds: (0..<5).map { f in max(0, weights[i] + 0.04 * Double((f + i) % 5 - 2)) })
        }
    }

    static func durationBins() -> [DurationBinPoint] {
        [
            DurationBinPoint(range: "< 2.10 s", clips: 260, blends: 40, accSalience: 0.21, interval: 0.12...0.3, bestBeta: 0.1474),
            DurationBinPoint(range: "2.10–2.87 s", clips: 260, blends: 120, accSalience: 0.25, interval: 0.2...0.31, bestBeta: 0.0974),
            DurationBinPoint(range: "2.87–3.66 s", clips: 259, blends: 170, accSalience: 0.3, interval: 0.26...0.35, bestBeta: 0.05),
            DurationBinPoint(range: "≥ 3.66 s", clips: 260, blends: 210, accSalience: 0.33, interval: nil, bestBeta: nil),
        ]
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
            ("fusion-weights", Figures.fusionWeights(fusionWeights(), fusion: "late", note: "Fold weights: chosen without each fold.",
                                                     width: width)),
            ("fusion-weights-no-folds", Figures.fusionWeights([FusionWeightBar(encoder: "a", weight: 0.7, folds: []),
                                                               FusionWeightBar(encoder: "b", weight: 0.3, folds: [])],
                                                              fusion: "hand", width: width)),
            ("durations", Figures.durations(durationBins(), thresholds: Thresholds(alpha: 0.1, beta: 0.0974), overall: 0.28,
                                            globalBeta: 0.0974, betas: 0.05...0.95, width: width)),
            ("durations-many-bins", Figures.durations((0..<10).map { i in
                DurationBinPoint(range: "\(i).00–\(i + 1).00 s", clips: 100, blends: 50, accSalience: 0.2 + 0.01 * Double(i),
                                 interval: 0.1...0.4, bestBeta: i == 3 ? nil : 0.05 + 0.05 * Double(i))
            }, thresholds: Thresholds(alpha: 0.1, beta: 0.2), overall: 0.25, globalBeta: 0.15, betas: 0.05...0.95, width: width)),
        ]
    }
}
