import BlendCore
@testable import BlendTUI

extension WorkbenchFixture {
    /// Made-up video durations: singles 2–3.3 s, blends 3–4.6 s (longer, as in BLEMORE), and
    /// every twentieth clip (from the fifth) without a video.
    static func durations(for clips: [ClipInfo]) -> [Double?] {
        clips.indices.map { n in
            n % 20 == 5 ? nil : (clips[n].label.isBlend ? 3.0 + Double(n % 25) / 15 : 2.0 + Double(n % 20) / 15)
        }
    }

    /// `project` with ``durations(for:)`` set.
    static func withDurations(_ project: ProjectSnapshot) -> ProjectSnapshot {
        var project = project
        project.durations = durations(for: project.clips)
        return project
    }

    /// Delivers the duration report the last request asked for (as its effect would).
    static func refreshDurations(_ state: inout WorkbenchState) {
        guard let at = state.durations.requestedAt, let project = state.project, let index = project.index else { return }
        send(&state, .durations(.analysed(DurationSection.report(project: project, index: index, at: at), at: at)))
    }
}
