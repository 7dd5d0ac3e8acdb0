import BlendMedia
import XCTest
@testable import BlendTUI

/// Sixel playback keeps to the terminal's pace: the pace is measured on large writes only, and
/// frames are sized so that a second of them fits in it.
final class SixelThroughputTests: XCTestCase {
    func testOnlyWritesLargerThanThePtyBufferMeasureThePace() {
        let pace = TerminalThroughput()
        pace.record(bytes: 5_000, pixels: 4_000, seconds: 0.000_01)
        XCTAssertNil(pace.pixelBudget(framesPerSecond: 25), "a write the pty's buffer takes whole says nothing")
        // 1 MB/s, 1.25 bytes a pixel: at 25 fps and 80 % of the pace, 25,600 pixels a frame.
        pace.record(bytes: 500_000, pixels: 400_000, seconds: 0.5)
        XCTAssertEqual(pace.pixelBudget(framesPerSecond: 25), 25_600)
        XCTAssertNil(pace.pixelBudget(framesPerSecond: 0))
    }

    func testRecentWritesCountMost() {
        let pace = TerminalThroughput()
        pace.record(bytes: 1_000_000, pixels: 1_000_000, seconds: 1)
        pace.record(bytes: 1_000_000, pixels: 1_000_000, seconds: 0.5)
        // 1 MB/s then 2 MB/s: 1 + 0.3 × (2 − 1) = 1.3 MB/s.
        XCTAssertEqual(pace.pixelBudget(framesPerSecond: 1), 1_040_000)
    }

    func testFramesAreCappedInWidthThenByTheBudgetButNotBelowAFaceWorthShowing() {
        let pane = PixelSize(width: 1280, height: 720)
        XCTAssertEqual(SixelFrameSize.capped(pane, budget: nil), PixelSize(width: 640, height: 360))
        XCTAssertEqual(SixelFrameSize.capped(PixelSize(width: 400, height: 300), budget: nil), PixelSize(width: 400, height: 300))
        XCTAssertEqual(SixelFrameSize.capped(pane, budget: 57_600), PixelSize(width: 320, height: 180))
        XCTAssertEqual(SixelFrameSize.capped(pane, budget: 100), PixelSize(width: 160, height: 90))
        XCTAssertEqual(SixelFrameSize.capped(pane, budget: 10_000_000), PixelSize(width: 640, height: 360))
    }

    func testTheLayerReportsItsSixelWrites() throws {
        final class Recorder: GraphicsWriter {
            var bytes = 0
            func writeGraphics(_ bytes: [UInt8]) { self.bytes += bytes.count }
            func repaint(_ area: Rect) {}
        }
        let pace = TerminalThroughput()
        let layer = GraphicsLayer(mode: .sixel, route: .direct, writer: Recorder(), throughput: pace)
        // Noise, so the sixel is large (well past the pty-buffer size).
        var seed: UInt64 = 7
        let pixels = (0..<(400 * 300 * 3)).map { _ -> UInt8 in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1
            return UInt8(truncatingIfNeeded: seed >> 56)
        }
        let image = RGBImage(width: 400, height: 300, pixels: pixels)
        do {
            _ = try SixelImage.encode(RGBImage(width: 1, height: 1, pixels: [0, 0, 0]))
        } catch {
            throw XCTSkip("libsixel is not installed: \(error)")
        }
        layer.show([CanvasImage(id: 1, area: Rect(x: 0, y: 0, width: 40, height: 15), image: image, version: "t0")])
        XCTAssertNotNil(pace.pixelBudget(framesPerSecond: 25), "the write was large enough to measure")
    }
}

/// The picture follows the sound heard — also when the sound is late — and keeps the wall
/// clock only when the output runs ahead of real time or has stopped.
final class PictureFollowsTheSoundTests: XCTestCase {
    func testThePictureFollowsTheSoundUnlessItRunsAhead() {
        XCTAssertEqual(ClipSound.due(heard: 1.00, wall: 1.02), 1.00, "a device's own delay")
        XCTAssertEqual(ClipSound.due(heard: 0.40, wall: 1.50), 0.40, "an underrun: the picture waits for the sound")
        XCTAssertEqual(ClipSound.due(heard: 3.00, wall: 1.00), 1.00, "the null device: samples taken faster than they sound")
        XCTAssertEqual(ClipSound.due(heard: nil, wall: 1.00), 1.00, "no sound playing")
    }
}
