import BlendApp
import BlendCore

/// What the screens show, as the use cases' request: one rule for the export, the figures and
/// the intervals, and for the words that say which thresholds a screen is at.
enum ScreenTarget {
    /// The source on show at its own thresholds while the workbench's α/β are them — so an
    /// export or a figure says `stored` or `best on train` exactly as `blendscope export
    /// PROJECT KIND` (no `--alpha`/`--beta`) does — else at the α/β on show (`given`).
    static func request(_ project: ProjectSnapshot?, thresholds t: Thresholds) -> TargetRequest? {
        guard let project, let source = project.source else { return nil }
        if t == project.thresholds, let origin = project.thresholdOrigin, origin == .stored || origin == .bestOnTrain {
            return TargetRequest(source)
        }
        return TargetRequest(source, alpha: t.alpha, beta: t.beta)
    }

    /// The use cases' selection for a screen's scope (`all`: every clip).
    static func selection(_ scope: ClipScope) -> ClipSelection {
        scope == .all ? .all : ClipSelection([scope])
    }

    /// Where the α/β on show came from: the source's own (`stored`, `best on train`), or
    /// `moved` once the keys have left them (nothing is stored until `s`).
    static func origin(_ project: ProjectSnapshot?, thresholds t: Thresholds) -> String? {
        guard let project, project.source != nil else { return nil }
        guard t == project.thresholds else { return "moved" }
        return project.thresholdOrigin?.label
    }
}

extension ScreenContext {
    var targetRequest: TargetRequest? { ScreenTarget.request(project, thresholds: thresholds) }
    var thresholdOrigin: String? { ScreenTarget.origin(project, thresholds: thresholds) }
}
