import BlendCore
import XCTest
@testable import BlendTUI

/// Golden-text tests: each widget drawn on a small canvas and compared with the text a user
/// would see. Trailing spaces are trimmed by `Canvas.text()`.
final class WidgetGoldenTests: XCTestCase {
    private func render(_ width: Int, _ height: Int, _ body: (inout Canvas) -> Void) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        body(&canvas)
        return canvas
    }

    func testBlockWithTitles() {
        let canvas = render(30, 4) { c in
            Block(title: "Clips", trailingTitle: "18/54").render(into: &c, area: c.bounds)
        }
        XCTAssertEqual(canvas.text(), """
            ┌ Clips ────────────── 18/54 ┐
            │                            │
            │                            │
            └────────────────────────────┘
            """)
        XCTAssertEqual(canvas[2, 0].style, Style(fg: .text, .bold))
        XCTAssertEqual(canvas[0, 0].style, Style(fg: .border))
        XCTAssertEqual(Block().inner(canvas.bounds), Rect(x: 1, y: 1, width: 28, height: 2))
    }

    func testFocusedBlockCutsItsTitleAndDropsTheTrailingOne() {
        let canvas = render(14, 3) { c in
            Block(title: "A very long title", trailingTitle: "18/54", focused: true).render(into: &c, area: c.bounds)
        }
        XCTAssertEqual(canvas.text(), """
            ┏ A very lo… ┓
            ┃            ┃
            ┗━━━━━━━━━━━━┛
            """)
        XCTAssertEqual(canvas[0, 0].style, Style(fg: .focus))
    }

    func testBars() {
        let canvas = render(12, 3) { c in
            Bar(0.5).render(into: &c, area: Rect(x: 0, y: 0, width: 10, height: 1))
            Bar(0.123).render(into: &c, area: Rect(x: 0, y: 1, width: 10, height: 1))
            Gauge(0.62).render(into: &c, area: Rect(x: 0, y: 2, width: 12, height: 1))
        }
        XCTAssertEqual(canvas.text(), "█████\n█▎\n█████··· 62%")
        XCTAssertEqual(BlockBar.padded(1, width: 3), "███")
        XCTAssertEqual(BlockBar.padded(0, width: 3), "   ")
        XCTAssertEqual(BlockBar.padded(0.5 / 3, width: 3), "▌  ")
        XCTAssertEqual(BlockBar.padded(.nan, width: 2), "  ")
    }

    func testSlidersAndClicks() {
        let canvas = render(34, 2) { c in
            Slider(label: "α", value: 0.12, range: 0.05...0.95, focused: true).render(into: &c, area: c.bounds.row(0))
            Slider(label: "β", value: 0.95, range: 0.05...0.95).render(into: &c, area: c.bounds.row(1))
        }
        XCTAssertEqual(canvas.text(), """
            α  0.12  ◀━━●━━━━━━━━━━━━━━━━━━━━▶
            β  0.95  ◀━━━━━━━━━━━━━━━━━━━━━━●▶
            """)
        let slider = Slider(label: "α", value: 0.12, range: 0.05...0.95)
        let row = canvas.bounds.row(0)
        XCTAssertEqual(slider.value(atColumn: 10, in: row), 0.05)
        XCTAssertEqual(slider.value(atColumn: 32, in: row)!, 0.95, accuracy: 1e-12)
        XCTAssertEqual(slider.value(atColumn: 9, in: row), 0.05, "the left arrow")
        XCTAssertEqual(slider.value(atColumn: 33, in: row), 0.95, "the right arrow")
        XCTAssertNil(slider.value(atColumn: 3, in: row))
    }

    func testSparklineAndHistogram() {
        let canvas = render(17, 3) { c in
            Sparkline([1, 2, 5, 7, 5, 2, 1]).render(into: &c, area: Rect(x: 0, y: 0, width: 7, height: 1))
            Sparkline((0...16).map(Double.init)).render(into: &c, area: Rect(x: 0, y: 1, width: 17, height: 2))
        }
        XCTAssertEqual(canvas.text(), """
            ▁▂▆█▆▂▁
                     ▁▂▃▄▅▆▇█
             ▁▂▃▄▅▆▇█████████
            """)
        XCTAssertEqual(Histogram.bins([0.01, 0.1, 0.5, 0.51, 0.99, 2, -1, .nan], range: 0...1, count: 4), [3, 0, 2, 2])
        XCTAssertEqual(Sparkline.resample([1, 3, 5, 7], to: 2), [2, 6])
    }

    func testProbabilityRows() {
        let p = [0.41, 0.04, 0.37, 0.05, 0.04, 0.09]
        let canvas = render(50, 3) { c in
            ProbabilityRow.header(into: &c, area: c.bounds.row(0), title: "encoder")
            ProbabilityRow(label: "S4D face", probabilities: p).render(into: &c, area: c.bounds.row(1))
            ProbabilityRow(label: "fused", probabilities: p, content: .values, emphasised: [.ang, .fea])
                .render(into: &c, area: c.bounds.row(2))
        }
        XCTAssertEqual(canvas.text(), """
            encoder      ang   disg  fea   hap   sad   neu
            S4D face     ██    ▎     █▉    ▎     ▎     ▋
            fused        .41   .04   .37   .05   .04   .09
            """)
        XCTAssertEqual(canvas[13, 1].style, Style(fg: .emotion(.ang)))
        XCTAssertEqual(canvas[13, 2].style, Style(fg: .emotion(.ang), .bold))
        XCTAssertEqual(canvas[19, 2].style, Style(fg: .emotion(.disg)))
    }

    func testNarrowProbabilityHeaderCutsWithoutEllipsis() {
        var canvas = Canvas(width: 36, height: 1)
        ProbabilityRow.header(into: &canvas, area: canvas.bounds, title: "encoder")
        XCTAssertEqual(canvas.text(), "encoder      ang dis fea hap sad neu")
    }

    func testProbabilityBarsWithValues() {
        let canvas = render(62, 1) { c in
            ProbabilityRow(label: "x", probabilities: [1, 0.5, 0.25, 0, 0, 0], content: .barsAndValues, labelWidth: 1)
                .render(into: &c, area: c.bounds)
        }
        XCTAssertEqual(canvas.text(), "x ████ 1.00 ██    .50 █     .25       .00       .00        .00")
    }

    func testProbabilityLevelsWithValuesAndTheContentThatFits() {
        let canvas = render(40, 1) { c in
            ProbabilityRow(label: "x", probabilities: [1, 0.5, 0.25, 0.04, 0, 0.09], content: .levelsAndValues, labelWidth: 3)
                .render(into: &c, area: c.bounds)
        }
        // Eighths of a cell: 1 → █, .5 → ▄, .25 → ▂, .04 → blank (under half an eighth), .09 → ▁.
        XCTAssertEqual(canvas.text(), "x   █1.00 ▄.50  ▂.25   .04   .00  ▁.09")
        XCTAssertEqual(canvas[4, 0].style, Style(fg: .emotion(.ang)))
        XCTAssertEqual(ProbabilityRow.Content.fitting(width: 60, labelWidth: 12), .barsAndValues)
        XCTAssertEqual(ProbabilityRow.Content.fitting(width: 54, labelWidth: 10), .levelsAndValues)
        XCTAssertEqual(ProbabilityRow.Content.fitting(width: 34, labelWidth: 6), .values)
    }

    func testHeatmapWithMarkers() {
        let values: [[Double]] = [[0, 1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 5], [3, 4, 5, 6]]
        let canvas = render(30, 5) { c in
            Heatmap(values: values, rowLabels: ["β .95", "", "", "β .05"], columnLabels: ("α .05", ".95"),
                    current: (3, 0), best: (0, 3), cellWidth: 3, regionID: "heat").render(into: &c, area: c.bounds)
        }
        XCTAssertEqual(canvas.text(), """
            β .95 ░░░░░░▒▒▒▓★▓
                  ░░░▒▒▒▓▓▓▓▓▓
                  ▒▒▒▓▓▓▓▓▓███
            β .05 ▓●▓▓▓▓██████
                  α .05    .95
            """)
        XCTAssertEqual(canvas[6, 0].style, Style(fg: .heat(0), bg: .heat(0)))
        XCTAssertEqual(canvas[16, 0].style, Style(fg: .background, bg: .heat(128), .bold), "the star on a bright cell")
        XCTAssertEqual(canvas.region(atX: 10, y: 1), "heat:1,1")
    }

    func testLineChartBrailleAndHalfBlocks() {
        let series = [ChartSeries([0.1, 0.2, 0.3, 0.25, 0.1], style: Style(fg: .accent))]
        let braille = render(30, 6) { c in LineChart(series: series, xLabel: "β").render(into: &c, area: c.bounds) }
        XCTAssertEqual(braille.text(), """
            .30 ┤          ⣀⠔⠊⠑⠢⢄⣀
                │       ⢀⠤⠊       ⠉⠒⢄
                │    ⢀⡠⠊⠁            ⠣⡀
                │  ⢀⠔⠁                ⠈⠢⡀
            .10 ┤⡠⠊⠁                    ⠑⢄
                └─────────────────────── β
            """)
        let blocks = render(30, 6) { c in
            LineChart(series: series, xLabel: "β", resolution: .halfBlocks).render(into: &c, area: c.bounds)
        }
        XCTAssertEqual(blocks.text(), """
            .30 ┤          ▄▄▀▀▄▄▄
                │       ▄▄▀       ▀▀▄
                │     ▄▀             ▀▄
                │  ▄▀▀                ▀▄
            .10 ┤▄▀                     ▀▄
                └─────────────────────── β
            """)
        XCTAssertEqual(blocks[5, 4].style, Style(fg: .accent))
    }

    func testStatusBarAndKeyHints() {
        let canvas = render(44, 2) { c in
            StatusBar(left: [Span(" α 0.12  β 0.20  Score .311  honest .287")], right: [Span("? help ")])
                .render(into: &c, area: c.bounds.row(0))
            // Short of room the optional hint goes first, then the last normal one; the essential one stays.
            KeyHints([KeyHint(key: "→", label: "step", importance: .optional), KeyHint(key: "q", label: "quit"),
                      KeyHint(key: "/", label: "search", enabled: false), KeyHint(key: "ctrl+e", label: "export everything"),
                      KeyHint(key: "?", label: "help", importance: .essential)])
                .render(into: &c, area: c.bounds.row(1))
        }
        XCTAssertEqual(canvas.text(), """
             α 0.12  β 0.20  Score .311  honest… ? help
            q quit  / search  ? help
            """)
        XCTAssertEqual(canvas[43, 0].style, Style(fg: .statusText, bg: .statusBackground), "the bar spans the row")
        XCTAssertEqual(canvas[8, 1].style, Style(fg: .muted, .dim), "a disabled hint is dimmed")
    }

    func testToastsStackNewestAtTheBottom() {
        let canvas = render(40, 8) { c in
            ToastStack([("training finished", .success), ("export failed: disk full, and a very long explanation", .error)])
                .render(into: &c, area: c.bounds)
        }
        XCTAssertEqual(canvas.text(), """


                             ╭─────────────────────╮
                             │ ✓ training finished │
                             ╰─────────────────────╯
            ╭──────────────────────────────────────╮
            │ ✗ export failed: disk full, and a v… │
            ╰──────────────────────────────────────╯
            """)
        XCTAssertEqual(canvas[2, 6].style, Style(fg: .error, bg: .overlay, .bold))
    }

    func testHelpOverlay() {
        let sections = [
            HelpSection(title: "Global", entries: [HelpEntry(keys: "q", title: "quit"), HelpEntry(keys: "?", title: "help")]),
            HelpSection(title: "Clips", entries: [HelpEntry(keys: "/", title: "search"),
                                                  HelpEntry(keys: "t", title: "tag clip", disabledReason: "no clip selected")]),
        ]
        let canvas = render(40, 12) { c in HelpOverlay(sections: sections).render(into: &c, area: c.bounds) }
        XCTAssertEqual(canvas.text(), """

             ┏ Help ━━━━━━━ Esc close · ↑↓ scroll ┓
             ┃ Global                             ┃
             ┃ q  quit                            ┃
             ┃ ?  help                            ┃
             ┃                                    ┃
             ┃ Clips                              ┃
             ┃ /  search                          ┃
             ┃ t  tag clip (no clip selected)     ┃
             ┃                                    ┃
             ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛

            """)
        let short = render(40, 7) { c in HelpOverlay(sections: sections, offset: 2).render(into: &c, area: c.bounds) }
        XCTAssertEqual(short.text(), """

             ┏ Help ━━━━━━━ Esc close · ↑↓ scroll ┓
             ┃ ?  help                            ┃
             ┃                                    ┃
             ┃ Clips                              ┃
             ┗━━━━━━━━━━━━━━ ↓ more ━━━━━━━━━━━━━━┛

            """)
    }

    func testCommandPalette() {
        let items = [
            PaletteItem(title: "Go to Thresholds", keys: "3", matched: [6, 7, 8]),
            PaletteItem(title: "Export thresholds", disabledReason: "no project", matched: [7, 8, 9]),
        ]
        let canvas = render(50, 10) { c in
            CommandPalette(input: TextInput("thr"), items: items, scroll: TableScroll(selected: 0)).render(into: &c, area: c.bounds)
        }
        XCTAssertEqual(canvas.text(), """

              ┏ Commands ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 2 ┓
              ┃ : thr                                      ┃
              ┃ ────────────────────────────────────────── ┃
              ┃ Go to Thresholds                         3 ┃
              ┃ Export thresholds             (no project) ┃
              ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛



            """)
        XCTAssertEqual(canvas[10, 4].style, Style(fg: .accent, bg: .selection, .bold), "matched character on the selection")
        XCTAssertEqual(canvas[4, 4].style, Style(fg: .selectionText, bg: .selection))
        XCTAssertEqual(canvas.region(atX: 10, y: 5), "palette:1")
    }

    func testFormat() {
        XCTAssertEqual(Format.fraction(0.418), ".418")
        XCTAssertEqual(Format.fraction(-0.024), "−.024")
        XCTAssertEqual(Format.fraction(1), "1.000")
        XCTAssertEqual(Format.fraction(-0.0001), ".000", "no minus sign on a rounded zero")
        XCTAssertEqual(Format.decimal(0.12), "0.12")
        XCTAssertEqual(Format.decimal(0.995, digits: 2), "1.00")
        XCTAssertEqual(Format.decimal(.nan), "–")
        XCTAssertEqual(Format.percent(0.624), "62%")
    }
}
