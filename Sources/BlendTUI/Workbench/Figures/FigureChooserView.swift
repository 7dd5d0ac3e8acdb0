import BlendApp
import BlendCore

/// The figure chooser over a screen that shows more than one figure (Thresholds): the
/// figures, the format, where the file goes.
struct FigureChooserView {
    let state: WorkbenchState

    func render(into canvas: inout Canvas, area: Rect) {
        guard let choice = state.figures.choice else { return }
        let kinds = FigureReducer.kinds(on: state.app.screen)
        let box = area.centered(width: min(56, max(40, area.width - 8)), height: kinds.count + 7)
        canvas.clear(box, style: Style(bg: .overlay))
        let block = Block(title: "Write a figure next to the project", focused: true, fill: Style(bg: .overlay))
        block.render(into: &canvas, area: box)
        let inner = block.inner(box).inset(Edges(horizontal: 1, vertical: 0))
        canvas.draw([Span("format ", Style(fg: .muted)), Span("◂ \(state.figures.format.rawValue.uppercased()) ▸", Style(fg: .accent, .bold)),
                     Span(" · a taken name gets a number", Style(fg: .muted))],
                    x: inner.x, y: inner.y, maxWidth: inner.width)
        for (k, kind) in kinds.enumerated() {
            let row = Rect(x: inner.x, y: inner.y + 2 + k, width: inner.width, height: 1)
            let selected = k == choice
            let style = selected ? Style(fg: .selectionText, bg: .selection, .bold) : Style(fg: .text)
            canvas.fill(row, style: style)
            canvas.draw("\(selected ? "▸" : " ") \(FigureReducer.title(kind)) (\(kind.rawValue))", x: row.x, y: row.y,
                        maxWidth: row.width, style: style)
        }
        canvas.draw("↑↓ choose · ←→ format · enter write · esc cancel", x: inner.x, y: inner.maxY - 1, maxWidth: inner.width,
                    style: Style(fg: .muted))
    }
}
