import BlendCore
import BlendFigures
import XCTest

/// The figure model without cairo: ticks, colours, and layouts that fit the page.
final class FigureModelTests: XCTestCase {
    func testTicksAreNiceNumbers() {
        XCTAssertEqual(NiceTicks.step(0, 1), 0.2)
        XCTAssertEqual(NiceTicks.step(0, 115), 20)
        XCTAssertEqual(NiceTicks.step(0.3, 0.52, target: 4), 0.05)
        XCTAssertEqual(NiceTicks.values(0.025, 0.975), [0.2, 0.4, 0.6, 0.8])
        XCTAssertEqual(NiceTicks.values(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(NiceTicks.values(0.3, 0.5, target: 4), [0.3, 0.35, 0.4, 0.45, 0.5])
        XCTAssertEqual(NiceTicks.values(0, 1).map { NiceTicks.label($0, step: 0.2) }, ["0", ".2", ".4", ".6", ".8", "1.0"])
        XCTAssertEqual(NiceTicks.label(40, step: 20), "40")
        XCTAssertEqual(NiceTicks.label(0.35, step: 0.05), ".35")
    }

    func testViridisRunsDarkToLightAndSeriesAreDistinct() {
        XCTAssertEqual(Palette.viridis(0), RGB(68, 1, 84))
        XCTAssertEqual(Palette.viridis(1), RGB(253, 231, 37))
        XCTAssertEqual(Palette.viridis(-3), Palette.viridis(0))
        XCTAssertEqual(Palette.viridis(.nan), Palette.viridis(0))
        let lumas = (0...100).map { Palette.viridis(Double($0) / 100).luma }
        XCTAssertEqual(lumas, lumas.sorted(), "viridis must get lighter all the way")
        XCTAssertEqual(Set(Palette.series).count, Palette.series.count)
        // Monochrome: no two of the first six series share both a dash pattern and a marker.
        let looks = (0..<6).map { "\(Palette.dashes[$0])\(Palette.markers[$0])" }
        XCTAssertEqual(Set(looks).count, 6)
    }

    func testEveryKindFitsItsPageAtBothWidths() {
        for width in FigureWidth.allCases {
            for (name, figure) in SampleFigures.all(width) {
                XCTAssertEqual(figure.width, width.points, name)
                XCTAssertGreaterThan(figure.height, 100, name)
                XCTAssertEqual(figure.overflowing, [], "\(name) at \(width) sticks out of its page")
            }
        }
    }

    func testLabelsAreEightToNinePoints() {
        for (name, figure) in SampleFigures.all(.column) {
            for mark in figure.marks {
                guard case .text(let text, _, let size, _, _, _) = mark else { continue }
                // Cell annotations of the confusion table shrink to their cells; everything else is body text size.
                if name.hasPrefix("confusion") && (Int(text) != nil || text.hasPrefix(".") || text == "1") { continue }
                XCTAssertTrue((8...9).contains(size), "\(name): \(text) at \(size) pt")
            }
        }
    }

    func testHeatmapMarksTheBestCellAndTheCurrentThresholds() {
        let sweep = SampleFigures.sweep()
        let figure = Figures.heatmap(sweep, metric: .score, current: Thresholds(alpha: 0.1, beta: 0.2))
        let cells = figure.marks.filter { if case .cell = $0 { true } else { false } }
        XCTAssertEqual(cells.count, 400 + 64, "one cell per grid point and the colour bar's steps")
        XCTAssertTrue(figure.texts.contains { $0.hasPrefix("best Score \(NumberText.rate(sweep.best.metrics.score))") })
        // 0.1 and 0.2 lie between grid points: the legend says which cell is marked.
        XCTAssertTrue(figure.texts.contains { $0 == "current α 0.1000, β 0.2000 (its cell)" }, "\(figure.texts)")
        let markers = figure.marks.compactMap { if case .marker(let s, _, _, _, _) = $0 { s } else { nil } }
        XCTAssertTrue(markers.contains(.circle) && markers.contains(.plus))
    }

    /// The current thresholds are marked at the centre of the grid cell they fall in (the
    /// workbench's heatmap marks that cell too), not between cells; on a grid point the legend
    /// is as before.
    func testHeatmapMarksTheCellTheCurrentThresholdsFallIn() throws {
        let sweep = SampleFigures.sweep(), grid = ThresholdGrid.official
        func plus(_ figure: Figure) -> FigurePoint? {
            figure.marks.lazy.compactMap { if case .marker(.plus, let p, _, _, _) = $0 { p } else { nil } }.first
        }
        func cellCentre(_ figure: Figure, alpha a: Int, beta b: Int) -> FigurePoint? {
            let boxes = figure.marks.compactMap { if case .cell(let box, _) = $0 { box } else { nil } }
            guard boxes.count >= 400 else { return nil }
            // Cells are drawn α outer, β inner.
            let box = boxes[a * grid.betas.count + b]
            return FigurePoint(box.x + box.width / 2, box.y + box.height / 2)
        }
        let off = Thresholds(alpha: 0.137, beta: 0.26)
        let cell = grid.cell(containing: off)
        XCTAssertEqual(cell.alpha, 2)   // 0.1447…, nearer than 0.0974…
        XCTAssertEqual(cell.beta, 4)    // 0.2394…, nearer than 0.2868…
        let figure = Figures.heatmap(sweep, metric: .score, current: off)
        let marked = try XCTUnwrap(plus(figure)), centre = try XCTUnwrap(cellCentre(figure, alpha: cell.alpha, beta: cell.beta))
        XCTAssertEqual(marked.x, centre.x, accuracy: 0.5)
        XCTAssertEqual(marked.y, centre.y, accuracy: 0.5)
        XCTAssertTrue(figure.texts.contains("current α 0.1370, β 0.2600 (its cell)"), "\(figure.texts)")
        XCTAssertEqual(figure.overflowing, [])
        // On the grid point itself: the same marker, the legend without the cell.
        let on = Figures.heatmap(sweep, metric: .score, current: Thresholds(alpha: grid.alphas[2], beta: grid.betas[4]))
        XCTAssertEqual(plus(on), marked)
        XCTAssertTrue(on.texts.contains("current α \(NumberText.threshold(grid.alphas[2])), β \(NumberText.threshold(grid.betas[4]))"))
    }

    func testHeatCellsTileTheirPlotWithoutGaps() {
        let figure = Figures.heatmap(SampleFigures.sweep(), metric: .accP, current: nil)
        let boxes = figure.marks.compactMap { if case .cell(let b, _) = $0 { b } else { nil } }.prefix(400)
        let byRow = Dictionary(grouping: boxes) { ($0.y * 1000).rounded() }
        for (_, row) in byRow {
            let sorted = row.sorted { $0.x < $1.x }
            for (a, b) in zip(sorted, sorted.dropFirst()) { XCTAssertEqual(a.maxX, b.x, accuracy: 1e-9) }
        }
    }

    func testBetaCurvesMarkEachBestBeta() {
        let figure = Figures.betaCurves(SampleFigures.curves(), alpha: 0.15)
        // The official grid's β are linspace(0.05, 0.95, 20): .0974 is its second point.
        let betas = ThresholdGrid.official.betas
        XCTAssertTrue(figure.texts.contains("all clips (β* \(NumberText.threshold(betas[1])))"), "\(figure.texts)")
        XCTAssertTrue(figure.texts.contains("fold 4 (β* \(NumberText.threshold(betas[6])))"), "\(figure.texts)")
        XCTAssertTrue(figure.texts.contains("all clips (β* 0.0974)"), "\(figure.texts)")
        XCTAssertEqual(CurveSeries(label: "", xs: [1, 2, 3], ys: [0.2, 0.5, 0.5]).best, 1, "the first maximum")
    }

    func testConfusionUsesShortLabelsWithALegend() {
        let figure = Figures.confusion(SampleFigures.confusion(), rates: false)
        XCTAssertEqual(Figures.shortLabel(LabelSet.all[0]), "a")
        XCTAssertTrue(figure.texts.contains("a+d"))
        XCTAssertTrue(figure.texts.joined(separator: " ").contains("a anger, d disgust, f fear, h happiness, s sadness, n neutral"))
        XCTAssertEqual(figure.texts.filter { $0 == "0" }.count, 1, "empty cells stay blank (the one 0 is the colour bar's)")
        XCTAssertTrue(figure.texts.contains("190"))
    }

    func testActorForestIsSortedAndMarksMisses() {
        let figure = Figures.actorBeta(SampleFigures.actors(), global: 0.15, betas: 0.05...0.95)
        let names = figure.texts.filter { $0.hasPrefix("A2") }
        let order = SampleFigures.actors().sorted { ($0.beta, $0.actor) < ($1.beta, $1.actor) }.map(\.actor)
        XCTAssertEqual(names, order)
        let squares = figure.marks.filter { if case .marker(.square, _, _, _, _) = $0 { true } else { false } }
        XCTAssertGreaterThan(squares.count, 1, "intervals that miss the global β* are drawn apart")
    }

    /// Every threshold a figure writes (after α, β or β*) in NumberText's one style, `0.0500`
    /// as `0.4763`, never `.05` beside `.4763`.
    func testThresholdsInOneStyle() {
        var seen = 0
        for width in FigureWidth.allCases {
            for (name, figure) in SampleFigures.all(width) {
                for text in figure.texts {
                    for match in text.matches(of: /(α|β\*?) ([-0-9.]+)/) {
                        seen += 1
                        XCTAssertNotNil(String(match.output.2).wholeMatch(of: /[0-9]\.[0-9]{4}/), "\(name): \(text)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(seen, 10)
    }

    func testFusionWeightsSortedWithFoldSpread() {
        let figure = Figures.fusionWeights(SampleFigures.fusionWeights(), fusion: "late")
        let names = figure.texts.filter { SampleFigures.fusionWeights().map(\.encoder).contains($0) }
        XCTAssertEqual(names, ["HiCMAE", "VideoMAEv2", "WavLM", "OpenFace", "HuBERT-large"], "heaviest first")
        let dots = figure.marks.filter { if case .marker(.circle, _, _, _, _) = $0 { true } else { false } }
        XCTAssertEqual(dots.count, 5 * 5 + 1, "one open circle per encoder and fold, and the legend's")
        XCTAssertTrue(figure.texts.contains("weight in fusion late"))
        let without = Figures.fusionWeights([FusionWeightBar(encoder: "a", weight: 1, folds: [])], fusion: "hand")
        XCTAssertFalse(without.texts.contains { $0.contains("fold") }, "no fold legend without fold weights")
    }

    func testDurationsLabelEachBinAndMarkOnesWithoutBestBeta() {
        let figure = Figures.durations(SampleFigures.durationBins(), thresholds: Thresholds(alpha: 0.1, beta: 0.0974),
                                       overall: 0.28, globalBeta: 0.0974, betas: 0.05...0.95)
        for bin in SampleFigures.durationBins() {
            XCTAssertTrue(figure.texts.contains(bin.range), bin.range)
            XCTAssertTrue(figure.texts.contains("\(bin.blends) blends"))
        }
        XCTAssertEqual(figure.texts.filter { $0 == "none" }.count, 1, "the bin without β* says so")
        let squares = figure.marks.filter { if case .marker(.square, _, _, _, _) = $0 { true } else { false } }
        XCTAssertEqual(squares.count, 3 + 1, "three bins' β* and the legend's")
        XCTAssertTrue(figure.texts.contains("all clips (ACC_S .280, β* 0.0974)"), "\(figure.texts)")
    }
}
