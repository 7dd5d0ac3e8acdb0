import Foundation
import XCTest
@testable import BlendTUI

/// Goldens of the Clips screen with a decoded (made-up) frame in the clip pane and in the full
/// view, at 80×24 and 160×48; the no-video clip is in the Clips screen's own goldens.
final class ClipVideoSnapshotTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testClipsWithAFrameAtBothSizes() throws {
        for (width, height) in [(80, 24), (160, 48)] {
            var state = F.clips(videos: [F.rowName(0): "/videos/first.mov"], width: width, height: height)
            for full in [false, true] {
                if full { F.send(&state, F.key("v")) }
                let box = state.clips.video.box!
                let frame = box.isTooSmall ? nil : F.decodedFrame(state, time: 0.6)
                F.send(&state, .clipVideo(.opened(clip: state.clips.video.clip!, info: F.videoInfo, frame: frame, box: box)))
                if let request = state.clips.video.thumbnailsFor {
                    let frames = (0..<request.count).map { i in
                        F.frame(clip: request.clip, time: (Double(i) + 0.5) * 3.2 / Double(request.count), columns: 12, rows: 6)
                    }
                    F.send(&state, .clipVideo(.thumbnails(request, frames)))
                }
                let canvas = F.program.frame(state, width: width, height: height)
                let name = "clips-video\(full ? "-full" : "")-\(width)x\(height)"
                try F.assertGolden(canvas, name)
            }
        }
    }
}
