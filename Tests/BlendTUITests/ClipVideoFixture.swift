import BlendCore
import BlendMedia
import Foundation
@testable import BlendTUI

/// The workbench fixture with videos linked to some clips, and made-up decoded frames.
extension WorkbenchFixture {
    /// The project with `links` (clip name → file) as its videos, 3.2 s each.
    static func project(videos links: [String: String]) -> ProjectSnapshot {
        var linked = WorkbenchFixture.project
        linked.videos = links.mapValues { (path: $0, duration: 3.2) }
        return linked
    }

    /// Loaded on the Clips screen, with videos linked by `links`.
    static func clips(videos links: [String: String], width: Int = 160, height: Int = 48) -> WorkbenchState {
        var state = WorkbenchProgram.initialState(path: project.path, width: width, height: height)
        send(&state, .loaded(project(videos: links)), key("2"))
        return state
    }

    /// The name of the clip at `row` of the Clips table.
    static func clipName(_ state: WorkbenchState, row: Int) -> String {
        scored.clips[state.clips.rows[row]].name
    }

    /// The name of the clip at `row` of the Clips table as it opens (sorted by name).
    static func rowName(_ row: Int) -> String { clipName(clips(videos: [:]), row: row) }

    /// What a probe of the made-up clips says: 96×96 at 15 fps, 3.2 s.
    static let videoInfo = VideoInfo(container: "mov,mp4,m4a,3gp,3g2,mj2", codec: "mpeg4", width: 96, height: 96,
                                     rotation: 0, duration: 3.2, fps: 15, frames: 48)

    /// A `columns × rows` frame: a red upper half and a blue lower half of cells, with a green
    /// lower pixel in each cell of the first column (so half blocks are visibly two-coloured).
    static func frame(clip: String, time: Double = 0, columns: Int, rows: Int) -> ClipVideoFrame {
        var cells: [TerminalCell] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let colour: RGB = row < rows / 2 ? RGB(200, 30, 40) : RGB(20, 40, 210)
                let lower = column == 0 ? RGB(0, 180, 0) : colour
                cells.append(TerminalCell(glyph: "▀", foreground: .rgb(colour), background: .rgb(lower)))
            }
        }
        return ClipVideoFrame(clip: clip, time: time, grid: CellGrid(columns: columns, rows: rows, cells: cells))
    }

    /// The frame a decoder would send for the state's current clip and box: fitted square.
    static func decodedFrame(_ state: WorkbenchState, time: Double = 0) -> ClipVideoFrame {
        let box = state.clips.video.box!
        let layout = CellLayout(displayAspect: 1, columns: box.columns, rows: box.rows, mode: .half)
        return frame(clip: state.clips.video.clip!, time: time, columns: layout.columns, rows: layout.rows)
    }

    /// The effects' keys, cancellations as `cancel:KEY`.
    static func effectKeys(_ effects: [Effect<WorkbenchAction>]) -> [String] {
        effects.map { effect in
            switch effect.operation {
            case .run(let key, _): key ?? "unkeyed"
            case .cancel(let key): "cancel:\(key)"
            case .foreground: "foreground"
            }
        }
    }
}
