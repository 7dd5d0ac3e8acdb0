import BlendCore

/// Draws the showcase page for the current screen.
struct ShowcasePages {
    let state: ShowcaseState
    var layout: ShowcaseLayout { ShowcaseLayout(state.app) }
    var focus: Int { state.app.focusedPane }

    func render(into canvas: inout Canvas) {
        switch state.app.screen {
        case .overview: overview(&canvas)
        case .clips: clips(&canvas)
        case .thresholds: thresholds(&canvas)
        case .fusion: fusion(&canvas)
        case .confusion: confusion(&canvas)
        case .jobs: jobs(&canvas)
        }
    }

    private func overview(_ canvas: inout Canvas) {
        let halves = layout.halves
        let left = Block(title: "Bars", trailingTitle: "made-up", focused: focus == 0)
        left.render(into: &canvas, area: halves[0])
        let inner = left.inner(halves[0]).inset(Edges(horizontal: 1, vertical: 0))
        ProbabilityRow.header(into: &canvas, area: inner.row(0), title: "encoder")
        for (i, name) in ShowcaseData.encoders.enumerated() where i + 1 < inner.height {
            ProbabilityRow(label: name, probabilities: ShowcaseData.probabilities(row: 7, encoder: i))
                .render(into: &canvas, area: inner.row(i + 1))
        }
        let fusedRow = ShowcaseData.encoders.count + 1
        ProbabilityRow(label: "fused", probabilities: ShowcaseData.probabilities(row: 7, encoder: -1), content: .values,
                       emphasised: [.ang], labelStyle: Style(fg: .text, .bold)).render(into: &canvas, area: inner.row(fusedRow))
        Gauge(0.62, label: "62% epoch 31/50").render(into: &canvas, area: inner.row(fusedRow + 2))

        let right = Block(title: "Charts", focused: focus == 1)
        right.render(into: &canvas, area: halves[1])
        let chartArea = right.inner(halves[1]).inset(Edges(horizontal: 1, vertical: 0))
        let parts = chartArea.split(.vertical, [.fixed(1), .fixed(3), .fill(1)], spacing: 1)
        let margins = (0..<400).map { ShowcaseData.random(UInt64($0)) * ShowcaseData.random(UInt64($0 + 999)) }
        canvas.draw("top-2 margins (histogram)", x: parts[0].x, y: parts[0].y, maxWidth: parts[0].width, style: Style(fg: .muted))
        Sparkline(Histogram.bins(margins, range: 0...1, count: 40).map(Double.init), style: Style(fg: .emotion(.fea)))
            .render(into: &canvas, area: parts[1])
        LineChart(series: [ChartSeries(ShowcaseData.grid.map { ShowcaseData.accS(beta: $0, shift: 0) }, style: Style(fg: .accent)),
                           ChartSeries(ShowcaseData.grid.map { ShowcaseData.accS(beta: $0, shift: 0.1) }, style: Style(fg: .warning))],
                  yRange: 0...0.4, xLabel: "β").render(into: &canvas, area: parts[2])
    }

    private func clips(_ canvas: inout Canvas) {
        let panes = layout.clipsPanes
        let actors = Block(title: "Actors", focused: focus == 0)
        actors.render(into: &canvas, area: panes[0])
        let actorArea = actors.inner(panes[0]).inset(Edges(horizontal: 1, vertical: 0))
        for i in 0..<actorArea.height {
            let score = 0.22 + ShowcaseData.random(UInt64(i + 5000)) * 0.12
            canvas.draw("A\(100 + i)  β*\(Format.fraction(ShowcaseData.random(UInt64(i)) * 0.9, digits: 2))  \(Format.fraction(score))",
                        x: actorArea.x, y: actorArea.y + i, maxWidth: actorArea.width, style: Style(fg: .text))
        }

        let selected = state.table.selected ?? 0
        let list = Block(title: "Clips", trailingTitle: "\(selected + 1)/\(ShowcaseData.rowCount)", focused: focus == 1)
        list.render(into: &canvas, area: panes[1])
        Table(columns: [TableColumn("clip", width: .fill(1)), TableColumn("P", width: .fixed(1)), TableColumn("S", width: .fixed(1)),
                        TableColumn("Δp", width: .fixed(4), alignment: .right)],
              rowCount: ShowcaseData.rowCount, scroll: state.table, focused: focus == 1, regionID: "clip") { row in
            let p = ShowcaseData.probabilities(row: row, encoder: -1).sorted(by: >)
            let presence = ShowcaseData.random(UInt64(row * 3)) > 0.4, salience = ShowcaseData.random(UInt64(row * 5)) > 0.7
            return [Span(ShowcaseData.clipName(row)),
                    Span(presence ? "✓" : "✗", Style(fg: presence ? .success : .error)),
                    Span(salience ? "✓" : "✗", Style(fg: salience ? .success : .error)),
                    Span(Format.fraction(p[0] - p[1], digits: 2))]
        }.render(into: &canvas, area: layout.clipTable)

        let detail = Block(title: ShowcaseData.clipName(selected), focused: focus == 2)
        detail.render(into: &canvas, area: panes[2])
        let inner = detail.inner(panes[2]).inset(Edges(horizontal: 1, vertical: 0))
        canvas.draw("video preview: not part of the showcase", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
        ProbabilityRow.header(into: &canvas, area: inner.row(2), title: "encoder", labelWidth: 10)
        for (i, name) in ShowcaseData.encoders.enumerated() where i + 3 < inner.height {
            ProbabilityRow(label: name, probabilities: ShowcaseData.probabilities(row: selected, encoder: i), labelWidth: 10)
                .render(into: &canvas, area: inner.row(i + 3))
        }
        let fusedRow = ShowcaseData.encoders.count + 3
        if fusedRow < inner.height {
            ProbabilityRow(label: "fused", probabilities: ShowcaseData.probabilities(row: selected, encoder: -1), content: .values,
                           labelWidth: 10, labelStyle: Style(fg: .text, .bold)).render(into: &canvas, area: inner.row(fusedRow))
        }
    }

    private func thresholds(_ canvas: inout Canvas) {
        let panes = layout.thresholdPanes
        let sliders = Block(title: "α / β", focused: focus == 0)
        sliders.render(into: &canvas, area: panes.sliders)
        layout.alphaSlider(state).render(into: &canvas, area: layout.alphaRow)
        layout.betaSlider(state).render(into: &canvas, area: layout.betaRow)
        let metricsRow = panes.sliders.inset(Edges(horizontal: 2, vertical: 1)).row(3)
        let score = ShowcaseData.score(alpha: state.alpha, beta: state.beta)
        canvas.draw([Span("Score ", Style(fg: .muted)), Span(Format.fraction(score), Style(fg: .text, .bold)),
                     Span("   (made-up surface)", Style(fg: .muted))], x: metricsRow.x, y: metricsRow.y, maxWidth: metricsRow.width)

        let grid = ShowcaseData.grid
        let values = grid.reversed().map { beta in grid.map { alpha in ShowcaseData.score(alpha: alpha, beta: beta) } }
        var best = (row: 0, column: 0)
        for (r, row) in values.enumerated() {
            for (c, v) in row.enumerated() where v > values[best.row][best.column] { best = (r, c) }
        }
        let nearest = { (value: Double) in grid.indices.min { abs(grid[$0] - value) < abs(grid[$1] - value) }! }
        let current = (row: grid.count - 1 - nearest(state.beta), column: nearest(state.alpha))
        let heat = Block(title: "Score over α × β (current ●, best ★)", focused: focus == 1)
        heat.render(into: &canvas, area: panes.heatmap)
        let rowLabels = grid.reversed().enumerated().map { i, beta in i % 4 == 0 || i == grid.count - 1 ? "β " + Format.fraction(beta, digits: 2) : "" }
        Heatmap(values: values, rowLabels: rowLabels, columnLabels: ("α .05", ".95"), current: current, best: best)
            .render(into: &canvas, area: heat.inner(panes.heatmap).inset(Edges(horizontal: 1, vertical: 0)))

        let chart = Block(title: "ACC_S(β): all, fold 2", focused: focus == 2)
        chart.render(into: &canvas, area: panes.chart)
        LineChart(series: [ChartSeries(grid.map { ShowcaseData.accS(beta: $0, shift: 0) }, style: Style(fg: .accent)),
                           ChartSeries(grid.map { ShowcaseData.accS(beta: $0, shift: -0.12) }, style: Style(fg: .emotion(.hap)))],
                  yRange: 0...0.4, xLabel: "β").render(into: &canvas, area: chart.inner(panes.chart).inset(Edges(horizontal: 1, vertical: 0)))
    }

    private func fusion(_ canvas: inout Canvas) {
        let halves = layout.halves
        let weights = Block(title: "Weights (Σ=1)", focused: focus == 0)
        weights.render(into: &canvas, area: halves[0])
        let inner = weights.inner(halves[0]).inset(Edges(horizontal: 1, vertical: 0))
        let top = ShowcaseData.weights.max() ?? 1
        for (i, name) in ShowcaseData.encoders.enumerated() where i < inner.height {
            let row = inner.row(i).split(.horizontal, [.fixed(16), .fill(1), .fixed(5)], spacing: 1)
            canvas.draw(name, x: row[0].x, y: row[0].y, maxWidth: row[0].width, style: Style(fg: .text))
            Bar(ShowcaseData.weights[i] / top).render(into: &canvas, area: row[1])
            canvas.draw(Format.fraction(ShowcaseData.weights[i]), in: row[2], alignment: .right, style: Style(fg: .text))
        }
        let live = Block(title: "Live", focused: focus == 1)
        live.render(into: &canvas, area: halves[1])
        let liveArea = live.inner(halves[1]).inset(Edges(horizontal: 1, vertical: 0))
        canvas.draw("fusion steering arrives with the Fusion screen", x: liveArea.x, y: liveArea.y, maxWidth: liveArea.width,
                    style: Style(fg: .muted))
    }

    private func confusion(_ canvas: inout Canvas) {
        let halves = layout.halves
        let table = Block(title: "Presence (made-up counts)", focused: focus == 0)
        table.render(into: &canvas, area: halves[0])
        let counts: [[Double]] = (0..<6).map { (r: Int) -> [Double] in
            (0..<6).map { (c: Int) -> Double in
                let u = ShowcaseData.random(UInt64(r * 6 + c))
                return r == c ? 40 + u * 30 : u * 12
            }
        }
        Heatmap(values: counts, rowLabels: Emotion.allCases.map(\.code), columnLabels: ("ang", "neu"), cellWidth: 3)
            .render(into: &canvas, area: table.inner(halves[0]).inset(Edges(horizontal: 1, vertical: 0)))
        let legend = Block(title: "Per emotion", focused: focus == 1)
        legend.render(into: &canvas, area: halves[1])
        let inner = legend.inner(halves[1]).inset(Edges(horizontal: 1, vertical: 0))
        for emotion in Emotion.allCases where emotion.rawValue < inner.height {
            canvas.draw([Span(TextFit.fit(emotion.title, width: 11), Style(fg: .emotion(emotion), .bold)),
                         Span("F1 " + Format.fraction(0.3 + ShowcaseData.random(UInt64(emotion.rawValue + 77)) * 0.5), Style(fg: .text))],
                        x: inner.x, y: inner.y + emotion.rawValue, maxWidth: inner.width)
        }
    }

    private func jobs(_ canvas: inout Canvas) {
        let area = layout.body
        let block = Block(title: "Jobs", trailingTitle: "s start · x cancel", focused: focus == 0)
        block.render(into: &canvas, area: area)
        let inner = block.inner(area).inset(Edges(horizontal: 1, vertical: 0))
        if let progress = state.jobProgress {
            canvas.draw("⟳ demo job (5 s)", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .accent, .bold))
            Gauge(progress).render(into: &canvas, area: inner.row(1))
        } else {
            canvas.draw("no job running; s starts a 5-second demo job", x: inner.x, y: inner.y, maxWidth: inner.width,
                        style: Style(fg: .muted))
        }
        canvas.draw("finished so far: \(state.jobsFinished)", x: inner.x, y: inner.y + 3, maxWidth: inner.width, style: Style(fg: .text))
    }
}
