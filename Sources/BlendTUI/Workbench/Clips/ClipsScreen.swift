import BlendCore

/// Screen 2: every clip of the current source with its label, its prediction at the current
/// α/β and how close the call was, filtered and sorted; beside it the selected clip's
/// probabilities and the decision rule's trace. Only the visible rows are drawn.
struct ClipsScreen {
    let state: WorkbenchState
    var layout: ClipsLayout { ClipsLayout(state.app) }
    var focus: Int { state.app.focusedPane }

    func render(into canvas: inout Canvas, area: Rect) {
        if state.clips.video.fullView { return ClipVideoView(state: state).renderFull(into: &canvas, area: area) }
        table(&canvas)
        if !layout.clip.isEmpty { clip(&canvas) }
        if !layout.actors.isEmpty { actors(&canvas) }
    }

    private func actors(_ canvas: inout Canvas) {
        let scores = state.clips.actorScores
        Block(title: "Actors", trailingTitle: "Score", focused: focus == ClipsLayout.actorPane)
            .render(into: &canvas, area: layout.actors)
        Table(columns: [TableColumn("actor", width: .fill(1)), TableColumn("fold", width: .fixed(4)),
                        TableColumn("Score", width: .fixed(5), alignment: .right)],
              rowCount: scores.count + 1, scroll: state.clips.actorScroll, focused: focus == ClipsLayout.actorPane,
              regionID: ClickTarget.Prefix.clipActor.rawValue) { row in
            guard row > 0 else {
                return [Span("all actors", Style(fg: .muted)), Span(""),
                        Span(state.metrics.map { Format.fraction($0.score) } ?? "–")]
            }
            let a = scores[row - 1]
            return [Span(a.actor), Span(a.group, Style(fg: .muted)), Span(Format.fraction(a.metrics.score))]
        }.render(into: &canvas, area: layout.actorRows)
    }

    private func table(_ canvas: inout Canvas) {
        let total = (state.project?.scored?.count ?? 0) + (state.project?.unlabelled.count ?? 0)
        let pending = state.clips.pending.changing(state.clips.query) ? "… " : ""
        let block = Block(title: "Clips", trailingTitle: "\(pending)\(state.clips.rows.count) of \(total)", focused: focus == 0)
        block.render(into: &canvas, area: layout.table)
        filterLine(&canvas)
        guard let project = state.project, project.scored != nil else { return }
        let rows = state.clips.rows, t = state.thresholds
        let sortColumn: Int? = switch state.clips.query.sort {
        case .clip: 0
        case .margin: 5
        case .dispute: nil
        }
        Table(columns: [TableColumn("clip", width: .fill(1)), TableColumn("label", width: .fixed(8)),
                        TableColumn("pred", width: .fixed(8)), TableColumn("P", width: .fixed(1)),
                        TableColumn("S", width: .fixed(1)), TableColumn("|Δ|", width: .fixed(4), alignment: .right)],
              rowCount: rows.count, scroll: state.clips.scroll, focused: focus == 0,
              emptyMessage: "no clip passes the filters", regionID: ClickTarget.Prefix.clip.rawValue, sortColumn: sortColumn) { row in
            guard let clip = project.clip(rows[row]) else { return [] }
            let prediction = ClipTrace(clip.probabilities, t).prediction
            let margin = Span(Format.fraction(ClipTrace.margin(clip.probabilities), digits: 2))
            // An unlabelled test clip: its decision, no label to score it against.
            guard let label = clip.info?.label else {
                return [Span(clip.name), Span(ClipsScreen.noLabel, Style(fg: .muted)), Span(prediction.short),
                        Span("·", Style(fg: .muted)), Span("·", Style(fg: .muted)), margin]
            }
            return [Span(clip.name), Span(label.short), Span(prediction.short),
                    ClipsScreen.mark(label.samePresence(as: prediction)),
                    label.isBlend ? ClipsScreen.mark(label == prediction) : Span("·", Style(fg: .muted)), margin]
        }.render(into: &canvas, area: layout.tableRows)
    }

    private func filterLine(_ canvas: inout Canvas) {
        let q = state.clips.query, line = layout.filterLine
        if let input = state.clips.search {
            canvas.draw("/", x: line.x, y: line.y, style: Style(fg: .focus, .bold), clip: line)
            TextField(input, placeholder: "clip name", focused: true)
                .render(into: &canvas, area: Rect(x: line.x + 1, y: line.y, width: max(0, min(20, line.width - 1)), height: 1))
            canvas.draw("enter keep · esc clear", x: line.x + 22, y: line.y, maxWidth: max(0, line.width - 22),
                        style: Style(fg: .muted))
            return
        }
        canvas.draw(ClipFilterLine(query: q).spans(width: line.width), x: line.x, y: line.y, maxWidth: line.width)
    }

    /// One bar row per panel encoder with a prediction for the clip (the source's own row is
    /// already drawn above), as far as the pane has room; returns the next free row.
    private func encoderRows(_ canvas: inout Canvas, clip: TableClip, from top: Int, in inner: Rect, labelWidth: Int,
                             source: String, text: ClipPaneText) -> Int {
        let panel = clip.panel, row = clip.panelRow
        guard panel.clipCount > row else { return top }
        var y = top
        // Room stays for the decision trace below (a heading and up to three steps), the notes
        // and the video section.
        let last = top + text.encoderRows(from: top)
        for (m, name) in panel.names.enumerated() where name != source && panel.present[m][row] {
            guard y < last else { break }
            let values = Array(panel.values[m][(row * Emotion.count)..<((row + 1) * Emotion.count)])
            let prediction = DecisionRule.decide(values, alpha: state.thresholds.alpha, beta: state.thresholds.beta)
            ProbabilityRow(label: name, probabilities: values, content: .fitting(width: inner.width, labelWidth: labelWidth),
                           labelWidth: labelWidth, emphasised: Set(prediction.emotions))
                .render(into: &canvas, area: Rect(x: inner.x, y: y, width: inner.width, height: 1))
            y += 1
        }
        return y
    }

    /// What the label column and the clip pane show for an unlabelled test clip.
    static let noLabel = "—"

    static func mark(_ hit: Bool) -> Span { hit ? Span("✓", Style(fg: .success)) : Span("✗", Style(fg: .error, .bold)) }

    private func clip(_ canvas: inout Canvas) {
        guard let i = state.clips.selected, let clip = state.project?.clip(i) else {
            Block(title: "Clip", focused: focus == 1).render(into: &canvas, area: layout.clip)
            return
        }
        let block = Block(title: clip.name, focused: focus == 1)
        block.render(into: &canvas, area: layout.clip)
        let inner = block.inner(layout.clip).inset(Edges(horizontal: 1, vertical: 0))
        let text = ClipPaneText.of(state.clips, project: state.project, app: state.app)
            ?? ClipPaneText(otherEncoders: 0, notes: state.clips.notes, inner: inner)
        let trace = ClipTrace(clip.probabilities, state.thresholds)
        var lines: [[Span]]
        if let info = clip.info {
            let split = info.fold.map { "\(info.split.rawValue) fold \($0)" } ?? info.split.rawValue
            lines = [
                [Span("actor ", Style(fg: .muted)), Span(info.actor, Style(fg: .text, .bold)), Span("  \(split)", Style(fg: .muted))],
                [Span("label ", Style(fg: .muted)), Span(info.label.short, Style(fg: .text, .bold)),
                 Span("  prediction ", Style(fg: .muted)), Span(trace.prediction.short, Style(fg: .accent, .bold)), Span("  "),
                 Span("P ", Style(fg: .muted)), ClipsScreen.mark(info.label.samePresence(as: trace.prediction))]
                    + (info.label.isBlend ? [Span(" S ", Style(fg: .muted)), ClipsScreen.mark(info.label == trace.prediction)] : []),
            ]
        } else {
            lines = [
                [Span("actor ", Style(fg: .muted)), Span(ClipsScreen.noLabel, Style(fg: .muted)),
                 Span("  test · not scored", Style(fg: .muted))],
                [Span("label ", Style(fg: .muted)), Span(ClipsScreen.noLabel, Style(fg: .muted)),
                 Span("  prediction ", Style(fg: .muted)), Span(trace.prediction.short, Style(fg: .accent, .bold))],
            ]
        }
        var y = inner.y
        for line in lines where y < inner.maxY {
            canvas.draw(line, x: inner.x, y: y, maxWidth: inner.width)
            y += 1
        }
        y += 1
        let source = state.project?.source.map(\.name) ?? "source"
        let labelWidth = min(12, max(4, inner.width / 5))
        if y + 1 < inner.maxY {
            ProbabilityRow.header(into: &canvas, area: Rect(x: inner.x, y: y, width: inner.width, height: 1), labelWidth: labelWidth)
            ProbabilityRow(label: source, probabilities: Array(clip.probabilities),
                           content: .fitting(width: inner.width, labelWidth: labelWidth), labelWidth: labelWidth,
                           emphasised: Set(trace.prediction.emotions), labelStyle: Style(fg: .accent, .bold))
                .render(into: &canvas, area: Rect(x: inner.x, y: y + 1, width: inner.width, height: 1))
            y += 2
            y = encoderRows(&canvas, clip: clip, from: y, in: inner, labelWidth: labelWidth, source: source, text: text)
            y += 1
        }
        lines = [[Span("Decision", Style(fg: .muted, .bold))]] + trace.steps.map { [Span("→ ", Style(fg: .muted)), Span($0, Style(fg: .text))] }
        for line in lines where y < inner.maxY {
            canvas.draw(line, x: inner.x, y: y, maxWidth: inner.width)
            y += 1
        }
        let notesRows = min(ClipNotesView.reservedRows(state.clips.notes), max(0, inner.maxY - y - 1))
        ClipNotesView(notes: state.clips.notes, clip: clip.name)
            .render(into: &canvas, area: Rect(x: inner.x, y: y + 1, width: inner.width, height: notesRows))
        // Where the layout decoded the picture for (at or below the notes' end: the trace is
        // counted at its longest).
        let videoTop = max(y + 1 + notesRows, text.videoTop)
        ClipVideoView(state: state).renderSection(into: &canvas, area: Rect(x: inner.x, y: videoTop, width: inner.width,
                                                                            height: max(0, inner.maxY - videoTop)))
    }
}
