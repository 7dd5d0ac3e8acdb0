import BlendCore
@testable import BlendTUI

extension WorkbenchFixture {
    /// Delivers the Thresholds screen's band (for the selected actor at the report's α) and
    /// best-cell interval (for the heatmap's metric), computed in line as their effects would.
    static func fillThresholdsIntervals(_ state: inout WorkbenchState) {
        let screen = state.thresholdsScreen, settings = screen.intervals.settings
        guard let index = state.project?.index else { return }
        if let key = ThresholdsReducer.bandKey(screen, project: state.project, alpha: state.thresholds.alpha),
           let actor = screen.selectedActor, let betas = screen.actorReport?.betas {
            let band = ThresholdsReducer.band(index, members: actor.clips, key: key, betas: betas, settings: settings)
            send(&state, .thresholds(.bandComputed(key, band)))
        }
        if let key = ThresholdsReducer.bestCellKey(screen, project: state.project) {
            send(&state, .thresholds(.bestCellComputed(key, ThresholdsReducer.bestCell(index, metric: key.metric, settings: settings))))
        }
    }
}
