import BlendCore
import Foundation
@testable import BlendTUI

extension WorkbenchFixture {
    /// A loaded workbench on the Confusion screen, for a project file at `path`.
    static func loadedOnConfusion(path: String = project.path, width: Int = 80, height: Int = 24) -> WorkbenchState {
        var state = WorkbenchProgram.initialState(path: path, width: width, height: height)
        send(&state, .loaded(project), key("5"))
        return state
    }

    /// Presses `keys` as the terminal would deliver them (through `actions(for:)`, which
    /// routes keys to an open chooser); returns the effects of the last one.
    @discardableResult
    static func pressKeys(_ state: inout WorkbenchState, _ keys: String...) -> [Effect<WorkbenchAction>] {
        var effects: [Effect<WorkbenchAction>] = []
        for text in keys {
            effects = []
            for action in program.actions(for: .key(KeyChord(parsing: text)!), region: nil, state: state) {
                effects += program.update(&state, action)
            }
        }
        return effects
    }

    /// Where a click lands on `region` in the frame of `state`, if the region is drawn.
    static func point(of region: String, in state: WorkbenchState) -> (x: Int, y: Int)? {
        let canvas = program.frame(state, width: state.app.terminalWidth, height: state.app.terminalHeight)
        for y in 0..<state.app.terminalHeight {
            for x in 0..<state.app.terminalWidth where canvas.region(atX: x, y: y) == region { return (x, y) }
        }
        return nil
    }
}

extension WorkbenchFixture {
    /// The key the Confusion screen's intervals are asked for at the fixture's own thresholds,
    /// over every clip.
    static let confusionIntervalKey = ConfusionIntervalKey(source: .encoder("synthetic"), thresholds: project.thresholds,
                                                           scope: .all, clips: scored.count)

    /// What the `confusion` use case gives on the fixture's clips at its own thresholds (few
    /// draws: the screens only show them).
    static let confusionIntervals: ConfusionIntervals = {
        let settings = BootstrapSettings(replicates: 200)
        return ConfusionIntervals(emotions: scored.emotionIntervals(at: project.thresholds, settings: settings),
                                  metrics: project.index!.intervals(at: project.thresholds, settings: settings), settings: settings)
    }()
}
