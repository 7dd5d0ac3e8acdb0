import BlendCore
import XCTest
@testable import BlendTUI

/// The Thresholds screen's charts read at a glance: the ACC_S(β) series told apart in 16
/// colours and without colour, the heatmap filling its pane with its legend and a ramp whose low
/// end stands off the background, and the band and best-cell intervals drawn only when current.
final class ThresholdsChartTests: XCTestCase {
    private typealias F = WorkbenchFixture

    private static let sizes = [(80, 24), (160, 48)]

    private func onThresholds(width: Int, height: Int) -> WorkbenchState {
        var state = F.loaded(width: width, height: height)
        F.send(&state, F.key("3"))
        return state
    }

    /// The series' colours: all, the five folds, the actor.
    private var seriesColours: [Color] {
        [ThresholdsScreen.allStyle.foreground!] + ThresholdsScreen.foldColours + [ThresholdsScreen.actorStyle.foreground!]
    }

    func testNoTwoSeriesShareAColourInSixteenOr256ColoursUnderEveryBuiltinTheme() throws {
        for name in ThemeLoader.builtinNames {
            let theme = try XCTUnwrap(try ThemeLoader.builtin(name))
            for mode in [ColorMode.palette16, .palette256] {
                let mapped = seriesColours.map { ColorMapper(theme: theme, mode: mode).map($0) }
                XCTAssertEqual(Set(mapped).count, mapped.count, "\(name) in \(mode): \(mapped)")
            }
        }
    }

    func testTheRampsLowEndStandsOffTheBackgroundOnDarkAndLight() throws {
        for name in ["dark", "light"] {
            let theme = try XCTUnwrap(try ThemeLoader.builtin(name))
            for mode in [ColorMode.palette16, .palette256] {
                let mapper = ColorMapper(theme: theme, mode: mode)
                XCTAssertNotEqual(mapper.map(.heat(0)), mapper.map(.background), "\(name) in \(mode)")
            }
            // In 256 colours the palette entries themselves lie well apart (not two near greys).
            let mapper = ColorMapper(theme: theme, mode: .palette256)
            guard case .index(let low) = mapper.map(.heat(0)), case .index(let background) = mapper.map(.background) else {
                return XCTFail("\(name): 256 colours map to palette indices")
            }
            let a = XtermPalette.color(of: UInt8(low)), b = XtermPalette.color(of: UInt8(background))
            let dr = Double(Int(a.red) - Int(b.red)), dg = Double(Int(a.green) - Int(b.green))
            let db = Double(Int(a.blue) - Int(b.blue))
            let distance = (dr * dr + dg * dg + db * db).squareRoot()
            XCTAssertGreaterThan(distance, 90, "\(name): low end \(a) against background \(b)")
        }
    }

    /// The curves pane as a user sees it without colour (the marks on the lines) and with the
    /// 16 colours `--color 16` sends under the default theme, each series its own.
    func testCurvesToldApartInSixteenColoursAndWithoutColour() throws {
        let sixteen = ColorMapper(theme: try ThemeLoader.defaultTheme(), mode: .palette16)
        for (width, height) in Self.sizes {
            let state = onThresholds(width: width, height: height)
            let canvas = F.program.frame(state, width: width, height: height)
            let pane = ThresholdsLayout(state.app).curves
            // The plot: right of the y axis, from its top tick down to the x axis's corner.
            let corner = try XCTUnwrap(pane.rows.lazy.flatMap { y in pane.columns.lazy.map { (x: $0, y: y) } }
                .first { canvas[$0.x, $0.y].grapheme == "└" })
            let top = try XCTUnwrap(pane.rows.first { canvas[corner.x, $0].grapheme == "┤" })
            let plot = Rect(x: corner.x + 1, y: top, width: pane.maxX - 1 - (corner.x + 1), height: corner.y - top)
            var marks: [Character: Set<TerminalColor>] = [:]
            for y in plot.y..<plot.maxY {
                for x in plot.x..<plot.maxX where "a01234◆".contains(canvas[x, y].grapheme) {
                    marks[canvas[x, y].grapheme, default: []].insert(sixteen.map(canvas[x, y].style.foreground ?? .text))
                }
            }
            XCTAssertEqual(Set(marks.keys), Set("a01234◆"), "\(width)×\(height): every series' mark is on its line")
            let colours = marks.values.compactMap(\.first)
            XCTAssertTrue(marks.values.allSatisfy { $0.count == 1 })
            XCTAssertEqual(Set(colours).count, colours.count, "\(width)×\(height): one colour per series in 16 colours")
            let legend = Self.text(canvas, Block().inner(pane).inset(Edges(horizontal: 1, vertical: 0)).row(0))
            XCTAssertTrue(legend.hasPrefix(width > 80 ? "a all  01234 folds  ◆ A039  ░ 95% CI" : "a all 01234 folds ◆ A039 ░ 95%"), legend)
            try F.assertGolden(Self.text(canvas, pane), "thresholds-curves-\(width)x\(height).txt")
            try F.assertGolden(Self.runs(canvas, pane) { style in
                let (fg, bg) = sixteen.colors(for: style)
                let attributes = sixteen.attributes(for: style)
                return "fg=\(Self.name(fg)) bg=\(Self.name(bg))" + (attributes.contains(.bold) ? " bold" : "")
                    + (attributes.contains(.dim) ? " dim" : "")
            }, "thresholds-curves-\(width)x\(height).color16")
        }
    }

    func testTheHeatmapFillsItsPaneWithItsLegendAndTheBestCellsInterval() throws {
        for (width, height) in Self.sizes {
            let state = onThresholds(width: width, height: height)
            let canvas = F.program.frame(state, width: width, height: height)
            let area = ThresholdsScreen.heatmapArea(ThresholdsLayout(state.app))
            var cells: [(Int, Int)] = []
            for y in area.y..<area.maxY {
                for x in area.x..<area.maxX where canvas.region(atX: x, y: y)?.hasPrefix("heat:") == true { cells.append((x, y)) }
            }
            XCTAssertEqual(cells.map(\.0).max(), area.maxX - 1, "\(width)×\(height): the grid reaches the pane's right edge")
            XCTAssertEqual(cells.map(\.1).max(), area.maxY - 3, "\(width)×\(height): and its bottom, above the axis and legend")
            XCTAssertEqual(cells.map(\.1).min(), area.y)
            let rows = ThresholdsScreen.heatmapRows(state)
            XCTAssertEqual(rows.count, min(20, area.height - 2))
            let analysis = try XCTUnwrap(state.analysis)
            XCTAssertTrue(rows.contains(analysis.all.best.betaIndex), "the best row is always drawn")
            let legend = Self.text(canvas, area.row(area.height - 1))
            let scores = analysis.grid.betas.indices.flatMap { b in analysis.grid.alphas.indices.map { analysis.all.metrics(alphaIndex: $0, betaIndex: b).score } }
            XCTAssertTrue(legend.hasPrefix("Score, all clips \(Format.fraction(scores.min()!)) ░"), legend)
            XCTAssertTrue(legend.hasSuffix("█ \(Format.fraction(scores.max()!))"), legend)
            let best = Self.text(canvas, ThresholdsScreen.heatmapBestLine(area))
            let interval = F.project.index!.intervals(at: analysis.all.best.thresholds).score
            let point = Format.fraction(analysis.all.best.metrics.score)
            let ci = "[\(Format.fraction(interval.lo)), \(Format.fraction(interval.hi))]"
            XCTAssertTrue(best.hasPrefix("★ " + (width > 80 ? "Score " : "") + point + " " + ci), best)
            XCTAssertTrue(best.contains("600"), "the n it rests on: \(best)")
            XCTAssertTrue(Self.text(canvas, area.row(area.height - 2)).hasPrefix("α"), "the α axis")
        }
    }

    /// Another actor selected and another metric shown before their answers arrive: the band
    /// is not drawn and the best cell says its interval is on its way; then both arrive.
    func testStaleBandAndBestCellAreHiddenUntilTheirOwnArrive() throws {
        for (width, height) in Self.sizes {
            var state = onThresholds(width: width, height: height)
            let bandBefore = try XCTUnwrap(ThresholdsScreen(state: state).currentBand())
            XCTAssertFalse(bandBefore.isEmpty)
            F.send(&state, F.key("j"), F.key("m"))
            XCTAssertNil(ThresholdsScreen(state: state).currentBand(), "the first actor's band is not this one's")
            let stale = F.program.frame(state, width: width, height: height)
            let text = stale.text()
            XCTAssertTrue(text.contains("CI …"), text)
            XCTAssertTrue(text.contains("ACC_P ") && text.contains("[CI …]"), text)
            // Under the border and the legend line, no band cell.
            let plotLines = Self.text(stale, ThresholdsLayout(state.app).curves).split(separator: "\n").dropFirst(2)
            XCTAssertFalse(plotLines.contains { $0.contains("░") }, "no band drawn")
            try F.assertGolden(stale, "thresholds-stale-\(width)x\(height)")
            F.fillThresholdsIntervals(&state)
            let fresh = F.program.frame(state, width: width, height: height).text()
            XCTAssertTrue(fresh.contains("░ 95%"), fresh)
            XCTAssertFalse(fresh.contains("[CI …]"), fresh)
        }
    }

    // MARK: Dumps of one pane

    static func text(_ canvas: Canvas, _ rect: Rect) -> String {
        (rect.y..<rect.maxY).map { y in
            var line = ""
            for x in rect.x..<rect.maxX where !canvas[x, y].isContinuation { line.append(canvas[x, y].grapheme) }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    static func runs(_ canvas: Canvas, _ rect: Rect, _ look: (Style) -> String) -> String {
        var lines = ["# row first–last-column colours in 16 (palette index, d = the terminal's default) \"text covered\""]
        for y in rect.y..<rect.maxY {
            var x = rect.x
            while x < rect.maxX {
                let key = look(canvas[x, y].style)
                var end = x
                while end + 1 < rect.maxX && look(canvas[end + 1, y].style) == key { end += 1 }
                let text = String((x...end).map { canvas[$0, y] }.filter { !$0.isContinuation }.map(\.grapheme))
                lines.append("\(y - rect.y) \(x - rect.x)–\(end - rect.x) \(key) \"\(text)\"")
                x = end + 1
            }
        }
        return lines.joined(separator: "\n")
    }

    static func name(_ colour: TerminalColor) -> String {
        switch colour {
        case .terminalDefault: "d"
        case .index(let i): "\(i)"
        case .rgb(let rgb): rgb.description
        }
    }
}

private extension Rect {
    var rows: Range<Int> { y..<maxY }
    var columns: Range<Int> { x..<maxX }
}
