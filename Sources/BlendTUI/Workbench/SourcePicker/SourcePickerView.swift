import BlendApp
import BlendCore

/// The source picker over the screen on show: every encoder and fusion with the clips it
/// covers (where partial), its own thresholds and their origin, and its Score over its clips.
struct SourcePickerView {
    let state: WorkbenchState
    var picker: SourcePickerState { state.sourcePicker }

    func render(into canvas: inout Canvas, area: Rect) {
        let rows = picker.sources?.count ?? 1
        let box = area.centered(width: min(area.width - 2, 90), height: min(area.height - 2, rows + 4))
        canvas.clear(box, style: Style(bg: .overlay))
        let block = Block(title: "Source for every screen (and the CLI)", trailingTitle: "u", focused: true,
                          fill: Style(bg: .overlay))
        block.render(into: &canvas, area: box)
        let inner = block.inner(box).inset(Edges(horizontal: 1, vertical: 0))
        guard inner.height >= 3 else { return }
        if let failure = picker.failure {
            for (i, line) in WordWrap.lines(failure, width: inner.width).prefix(inner.height - 1).enumerated() {
                canvas.draw(line, x: inner.x, y: inner.y + i, maxWidth: inner.width, style: Style(fg: .error))
            }
            return
        }
        guard let sources = picker.sources else {
            canvas.draw("reading the sources…", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        let columns = Self.columns(width: inner.width)
        canvas.draw(Self.line(columns, ["", "source", "clips", "α / β", "thresholds", "Score"]), x: inner.x, y: inner.y,
                    maxWidth: inner.width, style: Style(fg: .muted))
        let visible = max(0, inner.height - 2)
        let first = TableScroll.offset(keeping: picker.selected, from: 0, visibleRows: visible, rowCount: sources.count)
        for (k, i) in (first..<min(sources.count, first + visible)).enumerated() {
            let source = sources[i]
            let row = Rect(x: inner.x, y: inner.y + 1 + k, width: inner.width, height: 1)
            let selected = i == picker.selected
            let style = selected ? Style(fg: .selectionText, bg: .selection, .bold) : Style(fg: .text)
            canvas.fill(row, style: style)
            let cells = picker.read[source].map { Self.cells($0, selected: selected) }
                ?? Self.reading(source, selected: selected, current: source == state.project?.source)
            canvas.draw(Self.line(columns, cells), x: row.x, y: row.y, maxWidth: row.width, style: style)
            canvas.markRegion(row, id: ClickTarget.sourceChoice(i).id)
        }
        canvas.draw("↑↓ choose · enter make current · esc close · Score over its own clips", x: inner.x,
                    y: inner.maxY - 1, maxWidth: inner.width, style: Style(fg: .muted))
    }

    /// The widths of the mark, source, clips, α/β, thresholds and Score columns in `width`.
    static func columns(width: Int) -> [Int] {
        let fixed = [2, 0, 15, 14, 14, 5]
        let name = max(8, width - fixed.reduce(0, +) - (fixed.count - 1))
        return [2, name, 15, 14, 14, 5]
    }

    /// One choice's cells: `▸`, `encoder HiCMAE`, `99/3,050 clips` (blank when it covers all),
    /// `α 0.14 β 0.10`, `best on train`, `.418`.
    static func cells(_ choice: SourceChoice, selected: Bool) -> [String] {
        let mark = selected ? "▸" : (choice.isCurrent ? "•" : "")
        let coverage = Format.coverage(choice.clipCount, of: choice.projectClipCount) ?? "all"
        let thresholds = choice.thresholds.map { "α \(Format.decimal($0.alpha)) β \(Format.decimal($0.beta))" } ?? "–"
        let origin = choice.thresholdOrigin?.label ?? "no training clips"
        return [mark, "\(choice.source.kind) \(choice.source.name)", coverage, thresholds, origin,
                choice.score.map { Format.fraction($0) } ?? "–"]
    }

    /// A row still being read: its name, then `…` where its coverage, thresholds and Score go.
    static func reading(_ source: SourceRef, selected: Bool, current: Bool) -> [String] {
        [selected ? "▸" : (current ? "•" : ""), "\(source.kind) \(source.name)", "…", "…", "reading…", "…"]
    }

    /// The cells fitted to `columns` (the last one right-aligned), one space apart.
    static func line(_ columns: [Int], _ cells: [String]) -> String {
        zip(columns, cells).enumerated().map { i, pair in
            TextFit.fit(pair.1, width: pair.0, alignment: i == columns.count - 1 ? .right : .left)
        }.joined(separator: " ")
    }
}
