/// Where the showcase's panes go for a terminal size; the view draws there and mouse input
/// is mapped back through the same rectangles.
struct ShowcaseLayout {
    let body: Rect

    init(_ app: AppState) {
        body = AppView.bodyArea(width: app.terminalWidth, height: app.terminalHeight)
    }

    var halves: [Rect] { body.split(.horizontal, [.fill(1), .fill(1)]) }

    /// Actors, clips, detail.
    var clipsPanes: [Rect] {
        let left = min(26, body.width / 5)
        let right = body.width >= 110 ? 46 : body.width * 2 / 5
        return body.split(.horizontal, [.fixed(left), .fill(1), .fixed(right)])
    }

    var clipTable: Rect { clipsPanes[1].inset(by: 1) }

    /// Sliders, chart (left column), heatmap (right).
    var thresholdPanes: (sliders: Rect, chart: Rect, heatmap: Rect) {
        let columns = body.split(.horizontal, [.percent(45), .fill(1)])
        let left = columns[0].split(.vertical, [.fixed(6), .fill(1)])
        return (left[0], left[1], columns[1])
    }

    var alphaRow: Rect { thresholdPanes.sliders.inset(Edges(horizontal: 2, vertical: 1)).row(0) }
    var betaRow: Rect { thresholdPanes.sliders.inset(Edges(horizontal: 2, vertical: 1)).row(1) }

    func alphaSlider(_ state: ShowcaseState) -> Slider {
        Slider(label: "α", value: state.alpha, range: 0.05...0.95, focused: state.app.focusedPane == 0)
    }

    func betaSlider(_ state: ShowcaseState) -> Slider {
        Slider(label: "β", value: state.beta, range: 0.05...0.95, focused: state.app.focusedPane == 0)
    }
}
