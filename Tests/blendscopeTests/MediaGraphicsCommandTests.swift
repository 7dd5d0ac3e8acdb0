import Foundation
import XCTest

/// `media frame --graphics …` and `media audio` through the real binary.
final class MediaGraphicsCommandTests: XCTestCase {
    private func ffmpeg(_ arguments: [String]) throws { try FFmpegTool.run(arguments) }

    /// A 4:3 clip with a tone: 1 s of 440 Hz, AAC.
    private func clip(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("clip.mp4").path
        try ffmpeg(["-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-f", "lavfi",
                    "-i", "sine=frequency=440:sample_rate=16000", "-t", "1",
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", path])
        return path
    }

    func testKittyFrameIsOneChunkedImageOfTheCells() throws {
        let dir = try CLI.scratchDirectory(self)
        let video = try clip(in: dir)
        let r = try CLI.run(["media", "frame", video, "--at", "0.5", "--graphics", "kitty", "--cols", "40", "--rows", "12"],
                            environment: ["TMUX": ""])
        XCTAssertEqual(r.status, 0, r.stderr)
        // 32 × 12 cells of the assumed 10 × 20 pixels: 320 × 240 RGB.
        XCTAssertTrue(r.stdout.hasPrefix("\u{1B}_Ga=T,f=24,s=320,v=240,i=1,p=1,c=32,r=12,q=2,m=1;"), String(r.stdout.prefix(80)))
        XCTAssertTrue(r.stdout.hasSuffix("\u{1B}\\\n"))
        XCTAssertEqual(r.stdout.components(separatedBy: "\u{1B}_G").count - 1, (320 * 240 * 3 / 3 * 4 + 4095) / 4096)
    }

    func testGraphicsThroughTmuxArePassedThrough() throws {
        let dir = try CLI.scratchDirectory(self)
        let video = try clip(in: dir)
        let r = try CLI.run(["media", "frame", video, "--graphics", "iterm", "--cols", "8", "--rows", "3"],
                            environment: ["TMUX": "/tmp/tmux-0/default,1,0"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("\u{1B}Ptmux;\u{1B}\u{1B}]1337;File=inline=1;"), String(r.stdout.prefix(40)))
    }

    func testCellsFrameInSextants() throws {
        let dir = try CLI.scratchDirectory(self)
        let video = try clip(in: dir)
        let r = try CLI.run(["media", "frame", video, "--graphics", "cells", "--mode", "sextant", "--cols", "20", "--rows", "6"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 6)
        let sextants = r.stdout.unicodeScalars.filter { (0x1FB00...0x1FB3B).contains($0.value) }.count
        XCTAssertGreaterThan(sextants, 10, "a testsrc frame is full of two-colour edges")
    }

    func testSixelFrame() throws {
        let dir = try CLI.scratchDirectory(self)
        let video = try clip(in: dir)
        let r = try CLI.run(["media", "frame", video, "--graphics", "sixel", "--cols", "16", "--rows", "6"], environment: ["TMUX": ""])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("\u{1B}P"), String(r.stdout.prefix(10)))
        XCTAssertTrue(r.stdout.hasSuffix("\u{1B}\\\n"))
    }

    func testAudioFiguresAsJSONAndText() throws {
        let dir = try CLI.scratchDirectory(self)
        let video = try clip(in: dir)
        let json = try CLI.run(["media", "audio", video, "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(object["duration"] as? Double), 1, accuracy: 0.05)
        XCTAssertEqual(object["sample_rate"] as? Int, 16_000)
        // A sine at ffmpeg's default amplitude 1/8: RMS 0.088, peak 0.125, voiced throughout.
        XCTAssertEqual(try XCTUnwrap(object["peak"] as? Double), 0.125, accuracy: 0.02)
        XCTAssertEqual(try XCTUnwrap(object["rms"] as? Double), 0.125 / 2.0.squareRoot(), accuracy: 0.01)
        XCTAssertGreaterThan(try XCTUnwrap(object["voiced_share"] as? Double), 0.9)
        let envelope = try XCTUnwrap(object["envelope"] as? [String: Any])
        XCTAssertEqual((envelope["rms"] as? [Double])?.count ?? 0, 50, accuracy: 2)

        let text = try CLI.run(["media", "audio", video, "--strips", "--cols", "40"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let lines = text.stdout.split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("\(video): 1.0"), String(lines[0]))
        XCTAssertTrue(lines[1].hasPrefix("RMS 0.08"), String(lines[1]))
        XCTAssertTrue(lines[2].hasPrefix("envelope, -60 … 0 dBFS: "))
        XCTAssertEqual(lines.count, 3 + 4 + 6)
    }

    func testASilentClipIsRefusedByName() throws {
        let dir = try CLI.scratchDirectory(self)
        let path = dir.appendingPathComponent("silent.mov").path
        try ffmpeg(["-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-t", "1", "-c:v", "mpeg4", path])
        let r = try CLI.run(["media", "audio", path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("\(path): no sound: the file has no audio stream"), r.stderr)
    }

    /// libsixel and FFTW are opened on first use; a machine without them is told which package
    /// to install, in one line, and nothing is printed on stdout.
    func testMissingLibrariesAreNamedWithTheirPackage() throws {
        let dir = try CLI.scratchDirectory(self)
        let video = try clip(in: dir)
        let sixel = try CLI.run(["media", "frame", video, "--graphics", "sixel", "--cols", "8", "--rows", "3"],
                                environment: ["BLENDSCOPE_SIXEL_DIR": "/nonexistent", "TMUX": ""])
        XCTAssertNotEqual(sixel.status, 0)
        XCTAssertEqual(sixel.stdout, "")
        XCTAssertTrue(sixel.stderr.contains("libsixel.so.1 not found: install libsixel1 (apt-get install libsixel1)"), sixel.stderr)
        XCTAssertEqual(sixel.stderr.split(separator: "\n").count, 1, sixel.stderr)

        let fftw = try CLI.run(["media", "audio", video, "--strips"], environment: ["BLENDSCOPE_FFTW_DIR": "/nonexistent"])
        XCTAssertNotEqual(fftw.status, 0)
        XCTAssertEqual(fftw.stdout, "")
        XCTAssertTrue(fftw.stderr.contains("libfftw3f.so.3 not found: install libfftw3-single3"), fftw.stderr)
        // Kitty needs neither: it still works.
        let kitty = try CLI.run(["media", "frame", video, "--graphics", "kitty", "--cols", "8", "--rows", "3"],
                                environment: ["BLENDSCOPE_SIXEL_DIR": "/nonexistent", "TMUX": ""])
        XCTAssertEqual(kitty.status, 0, kitty.stderr)
    }
}
