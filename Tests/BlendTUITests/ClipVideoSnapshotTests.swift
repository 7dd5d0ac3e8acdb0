import Foundation
import XCTest
@testable import BlendTUI

/// Goldens of the Clips screen with a decoded (made-up) frame in the clip pane and in the full
/// view, at 80×24 and 160×48; the no-video clip is in the Clips screen's own goldens.
final class ClipVideoSnapshotTests: XCTestCase {
    private typealias F = WorkbenchFixture

    private func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = F.goldenURL(name)
        if ProcessInfo.processInfo.environment["BLENDSCOPE_UPDATE_GOLDEN"] == "1" {
            try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual + "\n", expected, "\(name) differs from its golden", file: file, line: line)
    }

    func testClipsWithAFrameAtBothSizes() throws {
        for (width, height) in [(80, 24), (160, 48)] {
            var state = F.clips(videos: [F.rowName(0): "/videos/first.mov"], width: width, height: height)
            for full in [false, true] {
                if full { F.send(&state, F.key("v")) }
                let box = state.video.box!
                let frame = box.isTooSmall ? nil : F.decodedFrame(state, time: 0.6)
                F.send(&state, .clipVideo(.opened(clip: state.video.clip!, info: F.videoInfo, frame: frame, box: box)))
                if let request = state.video.thumbnailsFor {
                    let frames = (0..<request.count).map { i in
                        F.frame(clip: request.clip, time: (Double(i) + 0.5) * 3.2 / Double(request.count), columns: 12, rows: 6)
                    }
                    F.send(&state, .clipVideo(.thumbnails(request, frames)))
                }
                let canvas = F.program.frame(state, width: width, height: height)
                let name = "clips-video\(full ? "-full" : "")-\(width)x\(height)"
                try assertGolden(canvas.text(), name + ".txt")
                try assertGolden(canvas.styledDump(), name + ".styles")
            }
        }
    }
}
