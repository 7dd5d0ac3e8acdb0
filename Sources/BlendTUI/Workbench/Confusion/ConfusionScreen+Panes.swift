import BlendApp
import BlendCore
import BlendReport

/// The Confusion screen's panes beside and below the presence table, and the export chooser.
extension ConfusionScreen {
    // MARK: Side tables

    func salience(_ canvas: inout Canvas) {
        let block = Block(title: "Salience", trailingTitle: layout.salience.width >= 50 ? "blends whose pair was found" : nil)
        block.render(into: &canvas, area: layout.salience)
        let inner = block.inner(layout.salience).inset(Edges(horizontal: 1, vertical: 0))
        guard let table = confusion.tables?.salience else { return }
        let wide = inner.width >= 33
        let headers = wide ? table.columns.map(\.rawValue) : ["5/5", "7/3", "3/7"]
        var columns = [TableColumn("true", width: .fixed(5))]
            + headers.map { TableColumn($0, width: .fixed(wide ? 6 : 3), alignment: .right) }
        if wide { columns.append(TableColumn("n", width: .fixed(5), alignment: .right)) }
        Table(columns: columns, rowCount: table.rows.count, scroll: TableScroll(selected: nil), focused: false) { r in
            [Span(table.rows[r].rawValue, Style(fg: .muted))]
                + table.columns.indices.map { c in
                    Span(ConfusionScreen.cellText(count: table.count(row: r, column: c), rate: table.rate(row: r, column: c),
                                                  rates: confusion.rates, width: 6),
                         Style(fg: .text, r == c ? .bold : []))
                }
                + (wide ? [Span(String(table.rowTotal(r)), Style(fg: .muted))] : [])
        }.render(into: &canvas, area: inner)
    }

    /// Presence precision, recall and F1 per emotion with their actor-bootstrap intervals and
    /// the clips each emotion's recall rests on (`n`: the clips whose label has it); the
    /// columns widen with the pane, F1 and its interval first.
    func emotions(_ canvas: inout Canvas) {
        let intervals = confusion.intervals
        let note = intervals.map { "\(ReportText.percent($0.settings.level)) CI · \($0.metrics.units) actors" }
            ?? (confusion.intervalFailure != nil ? "no intervals" : "intervals…")
        let block = Block(title: "Per emotion", trailingTitle: layout.emotions.width >= 30 ? note : nil)
        block.render(into: &canvas, area: layout.emotions)
        let narrow = layout.emotions.width < 32
        let inner = block.inner(layout.emotions).inset(Edges(horizontal: narrow ? 0 : 1, vertical: 0))
        guard let tables = confusion.tables else { return }
        let scores = tables.perEmotion
        let tier = EmotionTier(width: inner.width)
        let table = ConfusionScreen.emotionTable(tables, source: state.project?.source?.description ?? "",
                                                 intervals: intervals?.emotions, tier: tier)
        var columns = table.tableColumns
        if tier.showsCount { columns.append(TableColumn("n", width: .fixed(4), alignment: .right)) }
        Table(columns: columns, rowCount: table.rowCount, scroll: TableScroll(selected: nil), focused: false) { i in
            let s = scores[i], cells = table.cells(i)
            var row = zip(cells, table.columns).enumerated().map { k, pair -> Span in
                let (text, column) = pair
                if k == 0 { return Span(text, Style(fg: .emotion(s.emotion), .bold)) }
                if column.interval || column.key.hasPrefix("true_") || column.key.hasPrefix("false_") {
                    return Span(text, Style(fg: .muted))
                }
                return Span(text, Style(fg: .text, column.key == "f1" ? .bold : []))
            }
            if tier.showsCount { row.append(Span(String(s.truePositives + s.falseNegatives), Style(fg: .muted))) }
            return row
        }.render(into: &canvas, area: inner)
    }

    /// How much of the per-emotion table a pane of this inner width shows.
    struct EmotionTier {
        let width: Int

        /// Below 30 columns: F1 and its interval only; from 55 every interval; from 80 three
        /// digits and the TP/FP/FN counts.
        var all: Bool { width >= 55 }
        var full: Bool { width >= 80 }
        var showsCount: Bool { width >= 30 }
        var digits: Int { full ? 3 : 2 }
    }

    /// The per-emotion pane's table: the `emotions` report's rows (precision, recall and F1 of
    /// presence per emotion, with their intervals once computed), as `blendscope confusion`
    /// and `export emotions` give them.
    static func emotionTable(_ tables: ConfusionTables, source: String, intervals: [EmotionInterval]?,
                             tier: EmotionTier) -> ReportColumns {
        let digits = tier.digits, point = digits + 1, bracket = 2 * (digits + 1) + 4
        var columns = [ReportColumn("emotion", TableColumn("", width: .fixed(4)))]
        if tier.full {
            columns += [("true_positives", "TP"), ("false_positives", "FP"), ("false_negatives", "FN")].map {
                ReportColumn($0.0, TableColumn($0.1, width: .fixed(4), alignment: .right))
            }
        }
        let metrics = tier.showsCount ? [("precision", "P"), ("recall", "R"), ("f1", "F1")] : [("f1", "F1")]
        for (key, title) in metrics {
            columns.append(ReportColumn(key, TableColumn(title, width: .fixed(point), alignment: .right), places: digits))
            if tier.all || key == "f1" {
                columns.append(ReportColumn(key, TableColumn(tier.all ? "" : "CI", width: .fixed(bracket)),
                                            places: digits, interval: true))
            }
        }
        let report = AnalysisTables.emotions(tables, source: source, scope: tables.scope.description, intervals: intervals)
        return ReportColumns(report, columns)
    }

    func scope(_ canvas: inout Canvas) {
        let block = Block(title: "Scope", trailingTitle: "s")
        block.render(into: &canvas, area: layout.scope)
        let inner = block.inner(layout.scope).inset(Edges(horizontal: 1, vertical: 0))
        var lines: [[Span]] = []
        let roomy = inner.width >= 40
        if roomy {
            // The choices, wrapped to the pane, the current one highlighted.
            var line: [Span] = []
            for scope in ConfusionReducer.scopes(state.project, clipsActor: state.clips.query.actor) {
                let current = scope == confusion.scope
                let item = Span(scope.description, current ? Style(fg: .selectionText, bg: .selection, .bold) : Style(fg: .muted))
                if !line.isEmpty, line.width + 3 + item.width > inner.width {
                    lines.append(line)
                    line = []
                }
                if !line.isEmpty { line.append(Span(" · ", Style(fg: .muted))) }
                line.append(item)
            }
            lines.append(line)
        } else {
            lines.append([Span(confusion.scope.description, Style(fg: .accent, .bold))])
        }
        if let m = confusion.metrics {
            let counts = Span("\(m.clips) clips" + (roomy ? ", \(m.blends) blends" : ""), Style(fg: .text))
            let p = [Span("ACC_P ", Style(fg: .muted)), Span(Format.fraction(m.accPresence), Style(fg: .text, .bold))]
            let s = [Span(" ACC_S ", Style(fg: .muted)), Span(Format.fraction(m.accSalience), Style(fg: .text, .bold))]
            let score = [Span("Score ", Style(fg: .muted)), Span(Format.fraction(m.score), Style(fg: .accent, .bold))]
            if roomy {
                // The presence pane's title says the thresholds and their origin.
                lines.append([counts])
                lines.append(p + s + [Span(" ")] + score)
                lines.append(ConfusionScreen.intervalLine(confusion))
            } else {
                lines[0] += [Span(" · ", Style(fg: .muted)), counts]
                lines += [p, s.map { Span($0.text.trimmingCharacters(in: .whitespaces) + " ", $0.style) }, score]
            }
        }
        if roomy, let path = confusion.lastExport {
            // The end of a long path (the file name) says more than its start.
            let room = max(1, inner.width - 9)
            let shown = path.count <= room ? path : "…" + path.suffix(room - 1)
            lines.append([Span("exported ", Style(fg: .muted)), Span(shown, Style(fg: .success))])
        }
        for (k, line) in lines.enumerated() where k < inner.height {
            canvas.draw(line, x: inner.x, y: inner.y + k, maxWidth: inner.width)
        }
    }

    /// Wide only: the selected cell's clip names in columns, as many as fit.
    func cellClips(_ canvas: inout Canvas) {
        let cell = confusion.cell
        let clips = confusion.tables?.presence.clips(row: confusion.row, column: confusion.column) ?? []
        let block = Block(title: "Clips in \(cell.truth) → \(cell.predicted)", trailingTitle: "\(clips.count) · enter lists them")
        block.render(into: &canvas, area: layout.cellClips)
        let inner = block.inner(layout.cellClips).inset(Edges(horizontal: 1, vertical: 0))
        guard let scored = state.project?.scored, inner.height > 0 else { return }
        guard !clips.isEmpty else {
            canvas.draw("no clip falls in this cell", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        // Only names that can show are looked at: a cell of a large project holds thousands.
        let names = clips.prefix(inner.width * inner.height / 3 + 1).map { scored.clips[$0].name }
        let width = (names.map { DisplayWidth.of($0) }.max() ?? 10) + 2
        let perRow = max(1, inner.width / width)
        let room = perRow * inner.height
        let shown = clips.count <= room ? clips.count : room - 1
        for (k, name) in names.prefix(shown).enumerated() {
            canvas.draw(name, x: inner.x + (k % perRow) * width, y: inner.y + k / perRow, maxWidth: width - 1,
                        style: Style(fg: .text))
        }
        if shown < clips.count {
            canvas.draw("… \(clips.count - shown) more", x: inner.x + (shown % perRow) * width, y: inner.y + shown / perRow,
                        maxWidth: width - 1, style: Style(fg: .muted))
        }
    }

    /// The off-diagonal cells with the most clips, largest first: where the
    /// source goes wrong most often.
    func confusions(_ canvas: inout Canvas) {
        let block = Block(title: "Largest confusions", trailingTitle: "clips · share of row")
        block.render(into: &canvas, area: layout.confusions)
        let inner = block.inner(layout.confusions).inset(Edges(horizontal: 1, vertical: 0))
        guard let table = confusion.tables?.presence else { return }
        let sets = LabelSet.all.indices
        let cells = sets.flatMap { r in sets.filter { $0 != r && table.count(row: r, column: $0) > 0 }.map { (r, $0) } }
            .sorted { a, b in
                let na = table.count(row: a.0, column: a.1), nb = table.count(row: b.0, column: b.1)
                return na != nb ? na > nb : (a.0, a.1) < (b.0, b.1)
            }
        for (k, (r, c)) in cells.prefix(inner.height).enumerated() {
            let selected = r == confusion.row && c == confusion.column
            let count = String(table.count(row: r, column: c))
            let line = [Span(TextFit.fit(table.rows[r].description, width: 9), Style(fg: .text, selected ? .bold : [])),
                        Span("→ ", Style(fg: .muted)),
                        Span(TextFit.fit(table.columns[c].description, width: 9), Style(fg: .accent, selected ? .bold : [])),
                        Span(String(repeating: " ", count: max(0, 5 - count.count)) + count, Style(fg: .text)),
                        Span(TextFit.fit(ConfusionScreen.share(count: table.count(row: r, column: c), rate: table.rate(row: r, column: c)),
                                                    width: 6, alignment: .right),
                             Style(fg: .muted))]
            canvas.draw(line, x: inner.x, y: inner.y + k, maxWidth: inner.width)
            // Clicks here act as on the cell itself: select, then open.
            canvas.markRegion(Rect(x: inner.x, y: inner.y + k, width: inner.width, height: 1), id: ClickTarget.confusionCell(row: r, column: c).id)
        }
    }

    // MARK: Export chooser

    func chooser(_ canvas: inout Canvas) {
        let formats = ExportFormat.allCases
        let box = layout.presence.centered(width: min(52, max(40, layout.presence.width - 8)), height: formats.count + 6)
        canvas.clear(box, style: Style(bg: .overlay))
        let block = Block(title: "Export the presence table", focused: true, fill: Style(bg: .overlay))
        block.render(into: &canvas, area: box)
        let inner = block.inner(box).inset(Edges(horizontal: 1, vertical: 0))
        canvas.draw("\(confusion.scope) · \(confusion.rates ? "row rates" : "counts") at this α/β, as shown, to",
                    x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
        // The file name without its extension (the format picks that), its end kept if long.
        let target = ConfusionExport.url(projectPath: state.path, source: state.project?.source, scope: confusion.scope,
                                         thresholds: state.thresholds, rates: confusion.rates, format: .csv)
        let name = "exports/" + target.deletingPathExtension().lastPathComponent + ".*"
        let shown = name.count <= inner.width ? name : "…" + name.suffix(max(0, inner.width - 1))
        canvas.draw(shown, x: inner.x, y: inner.y + 1, maxWidth: inner.width, style: Style(fg: .text))
        for (k, format) in formats.enumerated() {
            let row = Rect(x: inner.x, y: inner.y + 3 + k, width: inner.width, height: 1)
            let selected = k == confusion.exportChoice
            let style = selected ? Style(fg: .selectionText, bg: .selection, .bold) : Style(fg: .text)
            canvas.fill(row, style: style)
            let title = ConfusionExport.title(format)
            let name = title + String(repeating: " ", count: max(1, 10 - title.count))
            canvas.draw("\(selected ? "▸" : " ") \(name).\(format.rawValue)", x: row.x, y: row.y,
                        maxWidth: row.width, style: style)
            canvas.markRegion(row, id: ClickTarget.confusionFormat(k).id)
        }
        canvas.draw("↑↓ choose · enter write · esc cancel", x: inner.x, y: inner.maxY - 1, maxWidth: inner.width,
                    style: Style(fg: .muted))
    }
}
