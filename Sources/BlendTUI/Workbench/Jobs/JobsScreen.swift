import BlendApp
import BlendCore
import Foundation

/// Screen 6: every job of the project (any process's), newest first, with progress, elapsed
/// time, ETA, message and live figures; the selected job's log below, following its tail
/// while it runs; the retraining form and the cancel question over them.
struct JobsScreen: Widget {
    let state: WorkbenchState

    private var jobs: JobsState { state.jobs }
    private var focus: Int { state.app.focusedPane }

    func render(into canvas: inout Canvas, area: Rect) {
        let layout = JobsLayout(state.app)
        renderList(into: &canvas, layout)
        renderLog(into: &canvas, layout)
        if let form = jobs.form { renderForm(form, into: &canvas, over: area) }
        if let id = jobs.confirmingCancel { renderCancelQuestion(id, into: &canvas, over: area) }
    }

    // MARK: List

    private func renderList(into canvas: inout Canvas, _ layout: JobsLayout) {
        let active = jobs.active.count
        let count = jobs.polledAt == nil ? nil : active > 0 ? "\(active) running" : "\(jobs.jobs.count)"
        let block = Block(title: "Jobs", trailingTitle: count,
                          focused: focus == JobsLayout.listPane)
        block.render(into: &canvas, area: layout.list)
        let rows = layout.listRows
        if let error = jobs.pollError {
            canvas.draw("cannot read the jobs: \(error)", x: rows.x + 1, y: rows.y, maxWidth: rows.width - 2, style: Style(fg: .error))
            return
        }
        guard jobs.polledAt != nil else {
            canvas.draw("reading the project's jobs…", x: rows.x + 1, y: rows.y, maxWidth: rows.width - 2, style: Style(fg: .muted))
            return
        }
        let wide = layout.list.width >= JobsLayout.figuresColumnMinimumWidth
        var columns = [TableColumn("job", width: .fixed(4), alignment: .right), TableColumn("kind", width: .fixed(6)),
                       TableColumn("status", width: .fixed(11)), TableColumn("progress", width: .fixed(wide ? 20 : 14)),
                       TableColumn("elapsed", width: .fixed(7), alignment: .right),
                       TableColumn("ETA", width: .fixed(7), alignment: .right)]
        if wide { columns.append(TableColumn("figures", width: .fixed(34))) }
        columns.append(TableColumn("message", width: .fill(1)))
        let barWidth = wide ? 14 : 8
        let now = jobs.polledAt
        Table(columns: columns, rowCount: jobs.jobs.count, scroll: jobs.scroll, focused: focus == JobsLayout.listPane,
              emptyMessage: "no jobs yet: n starts a retraining", regionID: ClickTarget.Prefix.job.rawValue) { i in
            let job = jobs.jobs[i]
            var cells = [Span("\(job.id)"), Span(job.kind), Self.statusSpan(job),
                         Span(Self.bar(job.progress, width: barWidth) + " " + JobProgressText.percent(job.progress),
                              Style(fg: Self.statusColor(job.status))),
                         Span(Self.elapsed(job, now: now).map(Self.clock) ?? "–"),
                         Span(Self.eta(job, now: now).map(Self.clock) ?? "", Style(fg: .muted))]
            if wide { cells.append(Span(Self.figures(job.metrics), Style(fg: .accent))) }
            cells.append(Span(job.message, Style(fg: job.status == .failed ? .error : .text)))
            return cells
        }.render(into: &canvas, area: rows.inset(Edges(horizontal: 1, vertical: 0)))
    }

    // MARK: Log

    private func renderLog(into canvas: inout Canvas, _ layout: JobsLayout) {
        let job = jobs.selected
        let block = Block(title: job.map { "Log · job \($0.id) \($0.kind)" } ?? "Log",
                          trailingTitle: job.map { jobs.logOffset == nil && !$0.status.isFinished ? "following" : "" },
                          focused: focus == JobsLayout.logPane)
        block.render(into: &canvas, area: layout.log)
        guard let job else { return }
        var summary = [Self.statusSpan(job)]
        let figures = Self.figures(job.metrics)
        if !figures.isEmpty { summary += [Span("  "), Span(figures, Style(fg: .accent, .bold))] }
        if job.cancelRequested && !job.status.isFinished { summary.append(Span("  cancelling…", Style(fg: .warning))) }
        if let config = job.config { summary += [Span("  "), Span(Self.configText(config), Style(fg: .muted))] }
        canvas.draw(summary, x: layout.summary.x + 1, y: layout.summary.y, maxWidth: layout.summary.width - 2)

        let rows = layout.logRows.inset(Edges(horizontal: 1, vertical: 0))
        let lines = Self.logLines(job)
        guard !lines.isEmpty else {
            canvas.draw(job.status.isFinished ? "(no log lines)" : "(no log lines yet)", x: rows.x, y: rows.y,
                        maxWidth: rows.width, style: Style(fg: .muted))
            return
        }
        let last = max(0, lines.count - rows.height)
        let first = min(jobs.logOffset ?? last, last)
        for (i, line) in lines[first..<min(lines.count, first + rows.height)].enumerated() {
            canvas.draw(line, x: rows.x, y: rows.y + i, maxWidth: rows.width, style: Style(fg: .text))
        }
    }

    /// A job's stored settings as text (`encoder face · epochs 3`), keys in order; what is not a
    /// JSON object is shown as stored.
    static func configText(_ json: String) -> String {
        guard let data = json.data(using: .utf8), case .object(let fields)? = try? JSONDecoder().decode(ConfigValue.self, from: data)
        else { return json }
        return ConfigValue.object(fields).text
    }

    /// `configText`'s reading of a JSON value.
    private enum ConfigValue: Decodable {
        case bool(Bool), number(Double), text(String), list([ConfigValue]), object([String: ConfigValue]), null

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let n = try? c.decode(Double.self) { self = .number(n) }
            else if let t = try? c.decode(String.self) { self = .text(t) }
            else if let l = try? c.decode([ConfigValue].self) { self = .list(l) }
            else { self = .object(try c.decode([String: ConfigValue].self)) }
        }

        var text: String {
            switch self {
            case .bool(let b): b ? "yes" : "no"
            case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : NumberText.fixed(n, places: 4)
            case .text(let t): t
            case .list(let l): l.map(\.text).joined(separator: ", ")
            case .object(let o):
                o.keys.sorted().map { "\($0.replacingOccurrences(of: "_", with: " ")) \(o[$0]?.text ?? "–")" }
                    .joined(separator: " · ")
            case .null: "–"
            }
        }
    }

    /// The job's log, one entry per line (the store ends every line with a line break).
    static func logLines(_ job: JobRecord?) -> [Substring] {
        guard let log = job?.log, !log.isEmpty else { return [] }
        var lines = log.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    // MARK: Form and question

    private func renderForm(_ form: TrainingForm, into canvas: inout Canvas, over area: Rect) {
        let box = area.centered(width: min(area.width - 2, 60), height: min(area.height, TrainingForm.Field.allCases.count + 5))
        canvas.clear(box, style: Style(bg: .overlay))
        let block = Block(title: "Retrain", focused: true, fill: Style(bg: .overlay))
        block.render(into: &canvas, area: box)
        let inner = block.inner(box).inset(Edges(horizontal: 1, vertical: 0))
        for (i, field) in TrainingForm.Field.allCases.enumerated() where i < inner.height {
            let selected = field == form.field
            let value: String = switch field {
            case .encoder: form.encoders.isEmpty ? "–" : form.encoders[form.encoder]
            case .model: form.architecture.rawValue
            case .epochs: form.epochs
            case .seed: form.seed
            case .replace: form.replace ? "yes" : "no"
            }
            let shown = field == .epochs || field == .seed ? value + (selected ? "▏" : "") : "‹ \(value) ›"
            canvas.draw([Span(selected ? "▸ " : "  ", Style(fg: .accent, .bold)), Span(field.title.padding(toLength: 9, withPad: " ", startingAt: 0), Style(fg: .muted)),
                         Span(shown, selected ? Style(fg: .selectionText, bg: .selection, .bold) : Style(fg: .text))],
                        x: inner.x, y: inner.y + i, maxWidth: inner.width)
        }
        let notes: [[Span]] = [
            [Span("saves as ", Style(fg: .muted)), Span(form.outputName, Style(fg: .accent, .bold)),
             Span("; other settings as ", Style(fg: .muted)), Span("train", Style(.bold))],
            [Span("↑↓", Style(fg: .accent, .bold)), Span(" field  ", Style(fg: .text)), Span("←→", Style(fg: .accent, .bold)),
             Span(" change  ", Style(fg: .text)), Span("0-9", Style(fg: .accent, .bold)), Span(" type  ", Style(fg: .text)),
             Span("Enter", Style(fg: .accent, .bold)), Span(" start  ", Style(fg: .text)), Span("Esc", Style(fg: .accent, .bold)),
             Span(" close", Style(fg: .text))],
        ]
        for (i, line) in notes.enumerated() where inner.height > TrainingForm.Field.allCases.count + 1 + i {
            canvas.draw(line, x: inner.x, y: inner.y + TrainingForm.Field.allCases.count + 1 + i, maxWidth: inner.width)
        }
    }

    private func renderCancelQuestion(_ id: Int64, into canvas: inout Canvas, over area: Rect) {
        let box = area.centered(width: min(area.width - 2, 46), height: 5)
        canvas.clear(box, style: Style(bg: .overlay))
        let block = Block(title: "Cancel job \(id)?", focused: true, fill: Style(bg: .overlay))
        block.render(into: &canvas, area: box)
        let inner = block.inner(box).inset(Edges(horizontal: 1, vertical: 0))
        let kind = jobs.jobs.first { $0.id == id }?.kind ?? "job"
        canvas.draw("Stop \(kind) job \(id)? Nothing it made is kept.", x: inner.x, y: inner.y, maxWidth: inner.width,
                    style: Style(fg: .text))
        canvas.draw([Span("y", Style(fg: .accent, .bold)), Span(" cancel it   ", Style(fg: .text)),
                     Span("n", Style(fg: .accent, .bold)), Span(" keep it running", Style(fg: .text))],
                    x: inner.x, y: inner.y + 2, maxWidth: inner.width)
    }

    // MARK: Figures

    static func statusSpan(_ job: JobRecord) -> Span {
        let text = job.cancelRequested && !job.status.isFinished ? "cancelling" : job.status.rawValue
        return Span(text, Style(fg: statusColor(job.status), .bold))
    }

    static func statusColor(_ status: JobStatus) -> Color {
        switch status {
        case .queued, .running: .accent
        case .succeeded: .success
        case .failed: .error
        case .cancelled, .interrupted: .warning
        }
    }

    /// The filled part of the bar and a dotted rest, so its length reads without colour.
    static func bar(_ fraction: Double, width: Int) -> String {
        BlockBar.padded(fraction, width: width, with: "·")
    }

    /// Seconds from start to end (or to the last poll while it runs).
    static func elapsed(_ job: JobRecord, now: Date?) -> Double? { job.elapsed(now: now) }

    /// Seconds left, as `blendscope jobs` says it (`JobRecord.remaining`).
    static func eta(_ job: JobRecord, now: Date?) -> Double? { job.remaining(now: now) }

    /// `42s`, `3m05s`, `1h02m`.
    static func clock(_ seconds: Double) -> String { JobProgressText.clock(seconds) }

    /// `loss 0.9120  Score .271  epoch 14`, from the figures the job reports.
    static func figures(_ metrics: JobMetrics?) -> String {
        guard let m = metrics else { return "" }
        var parts: [String] = []
        if let loss = m.loss { parts.append("loss \(String(format: "%.4f", loss))") }
        if let score = m.score { parts.append("Score \(Format.fraction(score))") }
        if let epoch = m.epoch { parts.append("epoch \(Int(epoch))") }
        return parts.joined(separator: "  ")
    }
}
