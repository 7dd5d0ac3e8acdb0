import BlendCore
@testable import BlendMedia
import Foundation
import XCTest
@testable import BlendTUI

/// The clip pane in the finer cell modes and with the sound strips (goldens), the strips'
/// toggles, and where the pixel modes place their picture (and where they place none).
final class ClipVideoGraphicsTests: XCTestCase {
    private typealias F = WorkbenchFixture

    /// A picture with edges in both directions: a diagonal split and a bright square.
    private static func picture(_ size: PixelSize) -> RGBImage {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(size.width * size.height * 3)
        for y in 0..<size.height {
            for x in 0..<size.width {
                let square = x > size.width / 3 && x < 2 * size.width / 3 && y > size.height / 3 && y < 2 * size.height / 3
                let c: RGB = square ? RGB(250, 240, 200) : x * size.height > y * size.width ? RGB(200, 40, 50) : RGB(30, 60, 200)
                pixels += [c.red, c.green, c.blue]
            }
        }
        return RGBImage(width: size.width, height: size.height, pixels: pixels)
    }

    /// A made-up sound: loud in its first second, a quiet tail; energy high in the middle bands.
    static func audio(clip: String) -> ClipAudio {
        let rms = (0..<160).map { i in i < 50 ? 0.3 * (1 + sin(Double(i) / 4)) / 2 + 0.05 : 0.02 }
        let power = (0..<320).map { frame in
            (0..<64).map { band in (frame < 100 ? 1.0 : 0.01) * exp(-pow(Double(band - 20), 2) / 50) + 1e-6 }
        }
        return ClipAudio(clip: clip, duration: 3.2, envelope: AudioEnvelope(window: 0.02, rms: rms),
                         spectrogram: Spectrogram(hop: 0.01, lowestFrequency: 50, highestFrequency: 8000, power: power))
    }

    private func state(graphics: VideoGraphics, full: Bool, width: Int = 160, height: Int = 48) -> WorkbenchState {
        var state = F.clips(videos: [F.rowName(0): "/videos/first.mov"], width: width, height: height)
        state.clips.video.graphics = graphics
        // The graphics are chosen before the first frame; the full view's toggle asks again
        // for this clip's box (twice: back to the pane).
        F.send(&state, F.key("v"))
        if !full { F.send(&state, F.key("v")) }
        return state
    }

    private func open(_ state: inout WorkbenchState, sound: Bool = true) {
        let box = state.clips.video.box!
        let clip = state.clips.video.clip!
        var frame: ClipVideoFrame?
        if !box.isTooSmall {
            let layout = CellLayout(displayAspect: 1, columns: box.columns, rows: box.rows, mode: box.graphics.cellMode)
            let image = Self.picture(layout.pixels)
            frame = ClipVideoFrame(clip: clip, time: 0.6, grid: CellRenderer.render(image, mode: box.graphics.cellMode, color: .truecolor))
        }
        F.send(&state, .clipVideo(.opened(clip: clip, info: F.videoInfo, frame: frame, box: box)))
        if sound { F.send(&state, .clipVideo(.audio(clip: clip, Self.audio(clip: clip)))) }
    }

    func testSextantPanesWithTheSoundStrips() throws {
        for mode in [CellMode.sextant] {
            for full in [false, true] {
                var state = state(graphics: .cells(mode), full: full)
                XCTAssertEqual(state.clips.video.box?.graphics, .cells(mode))
                open(&state)
                let canvas = F.program.frame(state, width: 160, height: 48)
                let scalars = canvas.text().unicodeScalars
                let range: ClosedRange<UInt32> = mode == .sextant ? 0x1FB00...0x1FB3B : 0x1CD00...0x1CDE5
                XCTAssertGreaterThan(scalars.filter { range.contains($0.value) }.count, 5, "\(mode) glyphs on screen")
                try F.assertGolden(canvas, "clips-video-\(mode.rawValue)\(full ? "-full" : "")-160x48")
            }
        }
    }

    func testStripsToggleAndGiveTheirRowsBack() throws {
        var state = state(graphics: .fallback, full: false)
        open(&state)
        let both = state.clips.video.box!
        F.send(&state, F.key("a"))
        XCTAssertFalse(state.clips.video.showWaveform)
        let spectrogramOnly = state.clips.video.box!
        XCTAssertEqual(spectrogramOnly.rows, both.rows + 2, "the waveform's rows go back to the picture")
        F.send(&state, F.key("A"))
        XCTAssertEqual(state.clips.video.box!.rows, both.rows + 4)
        open(&state, sound: false)
        try F.assertGolden(F.program.frame(state, width: 160, height: 48), "clips-video-no-strips-160x48")
        F.send(&state, F.key("a"))
        F.send(&state, F.key("A"))
        open(&state)
        try F.assertGolden(F.program.frame(state, width: 160, height: 48), "clips-video-strips-160x48")
    }

    func testNoSoundTrackIsSaidInThePane() {
        var state = state(graphics: .fallback, full: false)
        open(&state, sound: false)
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains("sound: decoding…"))
        F.send(&state, .clipVideo(.audio(clip: state.clips.video.clip!, nil)))
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains("no sound track"))
        F.send(&state, .clipVideo(.soundUnavailable("no audio output (ALSA: no such device)")))
        F.send(&state, .clipVideo(.soundUnavailable("another reason")))
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("no audio output (ALSA"), "said once, the first reason kept")
        XCTAssertFalse(text.contains("another reason"))
    }

    func testPixelModesPlaceThePictureOnlyOnTheClipsScreenWithoutAnOverlay() {
        var state = state(graphics: .pixels(.kitty), full: false)
        let box = state.clips.video.box!
        XCTAssertEqual(box.graphics, .pixels(.kitty))
        let clip = state.clips.video.clip!
        let blank = TerminalCell(glyph: " ", foreground: .terminalDefault, background: .terminalDefault)
        let grid = CellGrid(columns: 20, rows: 10, cells: Array(repeating: blank, count: 200))
        let frame = ClipVideoFrame(clip: clip, time: 0.4, grid: grid, image: Self.picture(PixelSize(width: 200, height: 200)))
        F.send(&state, .clipVideo(.opened(clip: clip, info: F.videoInfo, frame: frame, box: box)))
        let images = F.program.frame(state, width: 160, height: 48).images
        XCTAssertEqual(images.count, 1)
        XCTAssertEqual(images.first?.id, ClipVideoView.pictureImageID)
        XCTAssertEqual(images.first?.area.width, 20)
        XCTAssertEqual(images.first?.version, "\(clip)@0.4")
        // The help overlay hides it (kitty would draw over the help's text).
        F.send(&state, F.key("?"))
        XCTAssertNotNil(state.app.overlay)
        XCTAssertEqual(F.program.frame(state, width: 160, height: 48).images, [])
        F.send(&state, F.key("esc"))
        XCTAssertEqual(F.program.frame(state, width: 160, height: 48).images.count, 1)
        // Another screen places none.
        F.send(&state, F.key("1"))
        XCTAssertEqual(F.program.frame(state, width: 160, height: 48).images, [])
    }

    /// With a dozen encoders' bars above it (the demo's panel), the picture is decoded for the
    /// rows the pane really leaves, so a pixel mode places it (it is placed only at its own
    /// size) and no picture row covers the text.
    func testTheBoxIsTheRowsTheTextLeavesSoPixelsShowUnderADozenEncoders() throws {
        let base = F.project
        let names = ["synthetic"] + (1...11).map { "encoder-\($0)" }
        let panel = EncoderPanel(names: names,
                                 values: [F.scored.probabilities] + (1...11).map { ScoredClips.synthetic(count: 600, seed: UInt64(8 + $0)).probabilities },
                                 present: Array(repeating: Array(repeating: true, count: 600), count: 12))
        var project = ProjectSnapshot(path: base.path, clips: base.clips, encoders: base.encoders, fusionCount: 0, source: base.source,
                                      thresholds: base.thresholds, scored: base.scored, panel: panel)
        project.thresholdOrigin = .stored
        project.videos = [F.rowName(0): (path: "/videos/first.mov", duration: 3.2)]
        for (width, height) in [(160, 48), (120, 40)] {
            var state = WorkbenchProgram.initialState(path: project.path, width: width, height: height)
            F.send(&state, .loaded(project), F.key("2"))
            state.clips.video.graphics = .pixels(.kitty)
            F.send(&state, F.key("v"), F.key("v"))
            let box = try XCTUnwrap(state.clips.video.box)
            XCTAssertFalse(box.isTooSmall, "\(width)×\(height)")
            let fit = GraphicsLayout(displayAspect: 1, columns: box.columns, rows: box.rows, cell: GraphicsLayout.assumedCell)
            let blank = TerminalCell(glyph: " ", foreground: .terminalDefault, background: .terminalDefault)
            let grid = CellGrid(columns: fit.columns, rows: fit.rows, cells: Array(repeating: blank, count: fit.columns * fit.rows))
            let clip = try XCTUnwrap(state.clips.video.clip)
            let frame = ClipVideoFrame(clip: clip, time: 0.4, grid: grid, image: Self.picture(fit.pixels))
            F.send(&state, .clipVideo(.opened(clip: clip, info: F.videoInfo, frame: frame, box: box)))
            let canvas = F.program.frame(state, width: width, height: height)
            let image = try XCTUnwrap(canvas.images.first, "the picture fits the rows left, so it is placed (\(width)×\(height))")
            XCTAssertEqual(image.area.height, fit.rows)
            let lines = canvas.text().components(separatedBy: "\n")
            let last = try XCTUnwrap(lines.lastIndex { $0.contains("encoder-") || $0.contains("notes") || $0.contains("→ ") })
            XCTAssertLessThan(last, image.area.y, "the text above ends before the picture:\n\(canvas.text())")
        }
    }

    func testGraphicsNamesAndTheSettingsFile() throws {
        XCTAssertEqual(VideoGraphics(name: "cells"), .cells(.sextant))
        XCTAssertEqual(VideoGraphics(name: "kitty"), .pixels(.kitty))
        XCTAssertEqual(VideoGraphics(name: "iTerm"), .pixels(.iterm))
        XCTAssertEqual(VideoGraphics(name: "octant"), .cells(.octant))
        // Octants only where wcwidth (and so curses) can print them; sextants otherwise.
        let octantPrintable = DisplayWidth.of(Unicode.Scalar(0x1CD00 as UInt32)!) >= 0
        XCTAssertEqual(VideoGraphics.cells(.octant).drawable, octantPrintable ? .cells(.octant) : .cells(.sextant))
        XCTAssertEqual(VideoGraphics.pixels(.kitty).drawable, .pixels(.kitty))
        XCTAssertNil(VideoGraphics(name: "ascii"))
        XCTAssertEqual(VideoGraphics(detected: .cells), .fallback)
        XCTAssertEqual(VideoGraphics(detected: .sixel), .pixels(.sixel))
        XCTAssertEqual(try WorkbenchConfig.parse("[video]\ngraphics = \"sixel\"\n", file: "c.toml").graphics, .pixels(.sixel))
        XCTAssertEqual(try WorkbenchConfig.parse("", file: "c.toml"), WorkbenchConfig())
        XCTAssertThrowsError(try WorkbenchConfig.parse("[video]\ngraphics = \"vga\"\n", file: "c.toml")) { error in
            XCTAssertTrue("\(error)".contains("c.toml:2"), "\(error)")
            XCTAssertTrue("\(error)".contains("video.graphics must be one of kitty, sixel"), "\(error)")
        }
        XCTAssertThrowsError(try WorkbenchConfig.parse("colour = 1\n", file: "c.toml")) { error in
            XCTAssertTrue("\(error)".contains("unknown setting \"colour\""), "\(error)")
        }
    }

    func testThePlayerComesFromTheEnvironmentThenThePathAndFitsTheSession() throws {
        let named = ExternalPlayer.find(environment: ["BLENDSCOPE_PLAYER": "vlc --fullscreen", "PATH": "", "DISPLAY": ":0"])
        XCTAssertEqual(named, ExternalPlayer(arguments: ["vlc", "--fullscreen"], placement: .terminal),
                       "a named player may draw on the terminal, so the workbench steps aside")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("player-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func install(_ name: String) {
            let path = dir.appendingPathComponent(name).path
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755]))
        }
        install("ffplay")
        install("xdg-open")
        XCTAssertEqual(ExternalPlayer.find(environment: ["PATH": dir.path, "DISPLAY": ":0"]),
                       ExternalPlayer(arguments: [dir.appendingPathComponent("ffplay").path], placement: .window), "mpv first, then ffplay")
        XCTAssertNil(ExternalPlayer.find(environment: ["PATH": dir.path]), "without a display ffplay and xdg-open cannot show the clip")
        XCTAssertTrue(ExternalPlayer.missingAdvice(environment: [:]).contains("terminal without a display"))
        install("mpv")
        XCTAssertEqual(ExternalPlayer.find(environment: ["PATH": dir.path, "WAYLAND_DISPLAY": "wayland-0"])?.placement, .window)
        XCTAssertEqual(ExternalPlayer.find(environment: ["PATH": dir.path]),
                       ExternalPlayer(arguments: [dir.appendingPathComponent("mpv").path, "--vo=tct"], placement: .terminal))
        XCTAssertNil(ExternalPlayer.find(environment: ["PATH": "/nonexistent", "DISPLAY": ":0"]))
    }

    func testHowThePlayerEndedIsOneToast() {
        func text(_ status: Int32?) -> String {
            guard case .showToast(let text, _) = ExternalPlayer.toast(after: status, name: "mpv", command: "mpv --vo=tct") else { return "" }
            return text
        }
        XCTAssertEqual(text(0), "back from mpv")
        XCTAssertEqual(text(3 << 8), "mpv ended with status 3")
        XCTAssertEqual(text(2), "mpv ended by signal 2")
        XCTAssertTrue(text(nil).hasPrefix("could not start mpv --vo=tct: "))
    }
}
