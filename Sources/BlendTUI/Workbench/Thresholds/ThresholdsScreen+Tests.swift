import BlendCore

/// The Thresholds screen's pane of the two heterogeneity tests (`actors --test`,
/// `folds --test`): is the spread of best β across actors, and across folds, more than random
/// groups of the same make-up give? Tall: the tests' own sentences; short: one line each.
extension ThresholdsScreen {
    /// Both tests in one line: `β tests: actors p .910 · folds p .400`, stale or computing marked.
    var testsSummary: String {
        let slice = state.thresholdsUncertainty
        guard slice.failure == nil else { return "β tests failed" }
        guard let (result, stale) = slice.shown else { return "β tests: computing…" }
        let actors = result.actorTest.map { "actors p \(CompareScreen.p($0.pValue))" } ?? "actors –"
        let folds = result.foldTest.map { "folds p \(CompareScreen.p($0.pValue))" } ?? "folds –"
        return "β tests: \(actors) · \(folds)" + (stale ? " (stale…)" : "")
    }

    func tests(_ canvas: inout Canvas) {
        let slice = state.thresholdsUncertainty
        let shown = slice.shown
        let note: String? = slice.failure != nil ? "failed" : shown == nil ? "computing…" : shown?.stale == true ? "stale · computing…" : nil
        let block = Block(title: "Is β actor-dependent?", trailingTitle: note, focused: false)
        block.render(into: &canvas, area: layout.tests)
        let inner = block.inner(layout.tests).inset(Edges(horizontal: 1, vertical: 0))
        if let failure = slice.failure {
            canvas.draw(failure, x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .error))
            return
        }
        guard let (result, stale) = shown else {
            canvas.draw("permuting actors and folds…", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        let style = Style(fg: stale ? .muted : .text)
        let actorsLine = result.actorTest.map { t in
            layout.testsInFull ? "Actors: " + t.sentence
                : "actors SD \(Format.decimal(t.statistic)) over \(t.actors), p \(CompareScreen.p(t.pValue)): "
                + (t.pValue < 1 - t.level ? "actor-dependent β" : "no actor-dependent β")
        } ?? "actors: fewer than two actors with enough blends to test"
        let foldsLine = result.foldTest.map { t in
            layout.testsInFull ? "Folds: " + t.sentence
                : "folds span \(Format.decimal(t.statistic)), p \(CompareScreen.p(t.pValue)): "
                + (t.pValue < 1 - t.level ? "folds differ in β" : "no evidence of it")
        } ?? "folds: fewer than two training folds"
        var y = inner.y
        for text in [actorsLine, foldsLine] {
            for line in WordWrap.lines(text, width: inner.width) where y < inner.maxY {
                canvas.draw(line, x: inner.x, y: y, maxWidth: inner.width, style: style)
                y += 1
            }
        }
    }
}
