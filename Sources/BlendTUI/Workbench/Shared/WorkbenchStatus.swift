import BlendApp
import BlendCore

/// The status bar and tab-bar context of the workbench: project, source, α, β and the
/// metrics at them (running jobs are added by `JobsStatus`). Where the tab bar has no room
/// for the project and source, the status bar starts with the source's name.
enum WorkbenchStatus {
    static func context(_ state: WorkbenchState) -> String {
        guard let project = state.project else { return state.path }
        guard let source = project.source else { return project.name }
        return "\(project.name) · \(source.kind):\(source.name)"
    }

    /// The status bar's left part, then `trailing` (the running jobs); the source's name
    /// leads where the tab bar cannot show it and the line has room for it.
    static func spans(_ state: WorkbenchState, trailing: [Span] = []) -> [Span] {
        // Short of room, the metrics' scope goes first, then the thresholds' origin (a running job stays).
        let choices = [(true, true), (true, false), (false, false)].map { origin, scope in
            thresholdsAndMetrics(state, origin: origin, scope: scope) + trailing
        }
        let width = state.app.terminalWidth
        func richest(room: Int) -> [Span] { choices.first { $0.width + 1 <= room } ?? choices[choices.count - 1] }
        guard let source = state.project?.source, !AppView.tabBarShowsContext(state.app, context: context(state)) else {
            return richest(room: width)
        }
        // Narrow terminals keep room for the metrics and a running job.
        let name = source.name.count > 12 && width < 100 ? source.name.prefix(11) + "…" : source.name.prefix(18)
        let lead = [Span(String(name), Style(fg: .accent, .bold)), Span("  ")]
        let figures = richest(room: width - lead.width)
        return lead.width + figures.width + 1 <= width ? lead + figures : richest(room: width)
    }

    /// Where the α/β on show came from: the source's own (`stored`, `best on train`), or
    /// `moved` once the keys have left them (nothing is stored until `s`).
    static func origin(_ state: WorkbenchState) -> String? { ScreenTarget.origin(state.project, thresholds: state.thresholds) }

    /// α, β (with their origin), the metrics at them and, with `scope`, the clips they are
    /// over: all the source's clips (the ones it covers, when partial), where the Fusion's Live pane and the Overview's encoder
    /// table show the same metrics over the training split (each says so in its title).
    private static func thresholdsAndMetrics(_ state: WorkbenchState, origin showsOrigin: Bool, scope: Bool) -> [Span] {
        var spans = [Span("α ", Style(fg: .muted)), Span(Format.decimal(state.thresholds.alpha), Style(.bold)),
                     Span("  β ", Style(fg: .muted)), Span(Format.decimal(state.thresholds.beta), Style(.bold))]
        if showsOrigin, let origin = origin(state) { spans.append(Span(" · \(origin)", Style(fg: .muted))) }
        guard let m = state.metrics else {
            spans.append(Span(state.project == nil ? "   loading…" : "", Style(fg: .muted)))
            return spans
        }
        spans += [Span("  ACC_P ", Style(fg: .muted)), Span(Format.fraction(m.accPresence), Style(.bold)),
                  Span("  ACC_S ", Style(fg: .muted)), Span(Format.fraction(m.accSalience), Style(.bold)),
                  Span("  Score ", Style(fg: .muted)), Span(Format.fraction(m.score), Style(fg: .accent, .bold))]
        if scope, let project = state.project {
            // A partial source's metrics are over the clips it covers (`99/3,050 clips`).
            let clips = Format.coverage(project.scored?.count ?? 0, of: project.clips.count) ?? "all clips"
            spans.append(Span(" · \(clips)", Style(fg: .muted)))
        }
        return spans
    }
}
