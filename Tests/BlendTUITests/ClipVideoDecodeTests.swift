import BlendCore
import BlendMedia
import Foundation
import XCTest
@testable import BlendTUI

/// The preview on a real clip made by the `ffmpeg` command line: decoded by the same code the
/// effect runs, delivered to the reducer and drawn, the pane's cells carry the clip's colours.
final class ClipVideoDecodeTests: XCTestCase {
    private typealias F = WorkbenchFixture

    /// A 64×64 clip at 10 fps, 1 s: blue upper half, red lower half (MPEG-4 part 2 in .mov).
    private func makeClip() throws -> String {
        guard let ffmpeg = ["/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg"].first(where: FileManager.default.isExecutableFile)
        else { throw XCTSkip("ffmpeg is not installed") }
        let path = NSTemporaryDirectory() + "clip-video-\(ProcessInfo.processInfo.processIdentifier).mov"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        process.arguments = ["-v", "error", "-y", "-f", "lavfi", "-i", "color=c=red:s=64x64:r=10", "-t", "1",
                             "-vf", "drawbox=x=0:y=0:w=64:h=32:color=blue:t=fill", "-c:v", "mpeg4", "-q:v", "2", path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "ffmpeg failed")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testADecodedClipIsDrawnInThePaneWithItsColours() throws {
        let path = try makeClip()
        var state = F.clips(videos: [F.rowName(0): path])
        let action = ClipVideoDecoding.firstFrame(clip: state.clips.video.clip!, path: path, at: 0, box: state.clips.video.box!)
        F.send(&state, .clipVideo(action))
        XCTAssertEqual(state.clips.video.status, .ready)
        XCTAssertEqual(state.clips.video.info?.fps ?? 0, 10, accuracy: 1e-9)
        let grid = try XCTUnwrap(state.clips.video.frame?.grid)
        XCTAssertEqual(grid.columns, grid.rows * 2, "a square picture in half blocks")

        let canvas = F.program.frame(state, width: 160, height: 48)
        let pane = ClipsLayout(state.app).clip
        var blue = 0, red = 0
        for y in pane.y..<pane.maxY {
            for x in pane.x..<pane.maxX where canvas[x, y].grapheme == "▀" {
                guard case .rgb(let top)? = canvas[x, y].style.foreground,
                      case .rgb(let bottom)? = canvas[x, y].style.background else { continue }
                if near(top, RGB(0, 0, 255)) && near(bottom, RGB(0, 0, 255)) { blue += 1 }
                if near(top, RGB(255, 0, 0)) && near(bottom, RGB(255, 0, 0)) { red += 1 }
            }
        }
        // Everything but the boundary row is pure blue above, pure red below.
        let half = grid.columns * (grid.rows / 2 - 1)
        XCTAssertGreaterThanOrEqual(blue, half)
        XCTAssertGreaterThanOrEqual(red, half)
    }

    private func near(_ a: RGB, _ b: RGB) -> Bool {
        abs(Int(a.red) - Int(b.red)) <= 24 && abs(Int(a.green) - Int(b.green)) <= 24 && abs(Int(a.blue) - Int(b.blue)) <= 24
    }
}
