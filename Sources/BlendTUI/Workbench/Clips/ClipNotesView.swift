import Foundation

/// The clip pane's notes-and-tags section: the open editor (with why a save failed and the
/// tags Tab offers), the clip's tags as chips, then its notes, newest first, wrapped to the
/// pane, as many as fit.
struct ClipNotesView {
    let notes: ClipNotesState
    /// The clip the pane shows.
    let clip: String

    /// Rows the section keeps for itself when other parts of the pane compete for room: a gap,
    /// the editor's two lines when open, the tags, and the notes' heading with the newest
    /// note's first line.
    static func reservedRows(_ notes: ClipNotesState) -> Int {
        (notes.editor == nil ? 0 : 2) + (notes.notes.isEmpty ? 3 : 4)
    }

    func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        var y = area.y
        func line(_ spans: [Span]) {
            guard y < area.maxY else { return }
            canvas.draw(spans, x: area.x, y: y, maxWidth: area.width)
            y += 1
        }
        let muted = Style(fg: .muted)
        // The editor shows even if the selection moved under it (a rebuild can do that): it
        // has the keys, and it says which clip it writes to.
        if let editor = notes.editor { editorLines(editor, into: &canvas, area: area, y: &y) }
        guard notes.clip == clip, !notes.loading else { return line([Span("notes and tags …", muted)]) }
        if let why = notes.loadError { return line([Span("notes unreadable: \(why)", Style(fg: .error))]) }
        var tagLine = [Span("tags ", muted)]
        if notes.tags.isEmpty { tagLine.append(Span("none · t adds", muted)) }
        for tag in notes.tags { tagLine += [Span(" \(tag) ", Style(fg: .selectionText, bg: .selection)), Span(" ")] }
        line(tagLine)
        guard !notes.notes.isEmpty else { return line([Span("notes ", muted), Span("none · n adds", muted)]) }
        line([Span("notes ", muted), Span("\(notes.notes.count)", Style(fg: .text, .bold)),
              Span(notes.notes.count > 1 ? " · N edits the newest" : " · N edits", muted)])
        let dateWidth = area.width >= 50 ? 10 : 5
        let count = notes.notes.count
        for (shown, note) in notes.notes.reversed().enumerated() {
            let lines = WordWrap.lines(note.text, width: max(1, area.width - dateWidth - 1))
            for (n, text) in lines.enumerated() {
                // The last row says what is left out rather than cutting silently.
                if y == area.maxY - 1, n < lines.count - 1 || shown < count - 1 {
                    let unseen = count - shown - (n == 0 ? 0 : 1)
                    return line([Span(unseen > 0 ? "… \(unseen) more" : "…", muted)])
                }
                let date = n == 0 ? String(Self.day(note.created).suffix(dateWidth)) : ""
                line([Span(date.padding(toLength: dateWidth, withPad: " ", startingAt: 0) + " ", muted), Span(text)])
            }
        }
    }

    private func editorLines(_ editor: ClipNoteEditor, into canvas: inout Canvas, area: Rect, y: inout Int) {
        guard y < area.maxY else { return }
        let prompt = editor.kind.prompt + (editor.clip == clip ? " " : " on \(editor.clip) ")
        let promptWidth = canvas.draw(prompt, x: area.x, y: y, maxWidth: area.width, style: Style(fg: .focus, .bold))
        TextField(editor.input, placeholder: editor.kind == .addNote ? "what you noticed" : "", focused: !editor.saving)
            .render(into: &canvas, area: Rect(x: area.x + promptWidth, y: y, width: max(0, area.width - promptWidth), height: 1))
        y += 1
        guard y < area.maxY else { return }
        let tabs = ClipsReducer.completions(for: editor, in: notes)
        let status: [Span] = if let error = editor.error {
            [Span(error, Style(fg: .error, .bold))]
        } else if editor.saving {
            [Span("saving …", Style(fg: .muted))]
        } else {
            [Span("enter saves · esc cancels", Style(fg: .muted))]
                + (tabs.isEmpty ? [] : [Span(" · tab: ", Style(fg: .muted)), Span(tabs.joined(separator: " "), Style(fg: .accent))])
                + (editor.kind.isNoteEdit ? [Span(" · empty deletes", Style(fg: .muted))] : [])
        }
        canvas.draw(status, x: area.x, y: y, maxWidth: area.width)
        y += 1
    }

    /// `yyyy-MM-dd` in the local calendar.
    static func day(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "??" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))"
    }
}

extension ClipEditKind {
    var isNoteEdit: Bool { if case .editNote = self { true } else { false } }
}

extension Rect {
    /// The part of this rectangle from row `y` down (empty when `y` is past the bottom).
    func rows(from y: Int) -> Rect {
        let top = max(self.y, y)
        return Rect(x: x, y: top, width: width, height: max(0, maxY - top))
    }
}
