import BlendCore

/// The status bar and tab-bar context of the workbench: project, source, α, β and the
/// metrics at them (running jobs are added by `AppView`).
enum WorkbenchStatus {
    static func context(_ state: WorkbenchState) -> String {
        guard let project = state.project else { return state.path }
        guard let source = project.source else { return project.name }
        return "\(project.name) · \(source.kind):\(source.name)"
    }

    static func spans(_ state: WorkbenchState) -> [Span] {
        var spans = [Span("α ", Style(fg: .muted)), Span(Format.decimal(state.thresholds.alpha), Style(.bold)),
                     Span("  β ", Style(fg: .muted)), Span(Format.decimal(state.thresholds.beta), Style(.bold))]
        guard let m = state.metrics else {
            spans.append(Span(state.project == nil ? "   loading…" : "", Style(fg: .muted)))
            return spans
        }
        spans += [Span("   ACC_P ", Style(fg: .muted)), Span(Format.fraction(m.accPresence), Style(.bold)),
                  Span("  ACC_S ", Style(fg: .muted)), Span(Format.fraction(m.accSalience), Style(.bold)),
                  Span("  Score ", Style(fg: .muted)), Span(Format.fraction(m.score), Style(fg: .accent, .bold))]
        return spans
    }
}
