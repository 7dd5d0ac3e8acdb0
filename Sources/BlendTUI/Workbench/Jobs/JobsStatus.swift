/// The status bar's jobs part, on every screen: how many jobs run (any process's), the
/// newest one's kind and id, and its percentage.
enum JobsStatus {
    static func spans(_ state: WorkbenchState) -> [Span] {
        let active = state.jobs.active
        guard let top = active.first else { return [] }
        var spans = [Span("  ⟳ ", Style(fg: .accent, .bold)), Span("\(top.kind) #\(top.id) ", Style(.bold)),
                     Span(Format.percent(top.progress), Style(fg: .accent, .bold))]
        if active.count > 1 { spans.append(Span(" +\(active.count - 1) more", Style(fg: .muted))) }
        return spans
    }
}
