import Foundation
import XCTest

/// The clip pane through the real binary inside tmux with `--graphics cells`: sextant cells,
/// the sound strips under the time line, play with sound to ALSA's `null` device, mute, the
/// strips' toggles and a clean quit. tmux's capture shows cells only, which is what this checks.
final class TUIVideoCellsTests: XCTestCase {
    private var session: TmuxSession!

    private func ffmpeg(_ arguments: [String]) throws { try FFmpegTool.run(arguments) }

    /// A project of the public set's fixture with one 3-second test-pattern clip linked.
    private func videoProject() throws -> (project: String, clip: String, folder: URL) {
        guard (try? CLI.run(["--version"])) != nil,
              FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
        else { throw XCTSkip("tmux is not installed") }
        let dir = try CLI.scratchDirectory(self)
        let videos = dir.appendingPathComponent("videos")
        try FileManager.default.createDirectory(at: videos, withIntermediateDirectories: true)
        let clip = "A117_ang_int1_ver1"
        try ffmpeg(["-f", "lavfi", "-i", "testsrc=size=320x240:rate=15", "-f", "lavfi",
                    "-i", "sine=frequency=300:sample_rate=16000", "-t", "3",
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", videos.appendingPathComponent("\(clip).mp4").path])
        let project = dir.appendingPathComponent("video.sqlite").path
        let set = CLI.fixtures.appendingPathComponent("public_set")
        for arguments in [["import", project, "--metadata", set.appendingPathComponent("train_metadata.csv").path,
                           "--metadata", set.appendingPathComponent("test_metadata.csv").path],
                          ["import", project, "--probs", set.appendingPathComponent("probs_face.csv").path, "--encoder", "face"],
                          ["import", project, "--videos", videos.path]] {
            let r = try CLI.run(arguments)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        return (project, clip, dir)
    }

    /// Starts the workbench in tmux and shows `clip` on the Clips screen.
    private func openClip(_ clip: String, of project: String, name: String, environment: String) throws {
        session = try TmuxSession(self, name: name, width: 160, height: 48)
        // Colours forced: without them (NO_COLOR in the tests' environment) frames are ASCII.
        try session.keys("\(environment) \(CLI.executable.path) \(project) --graphics cells --color 256", "Enter")
        try session.waitFor("the overview") { $0.contains("Encoders at their own best") }
        try session.keys("2")
        try session.waitFor("the clips screen") { $0.contains("Decision") }
        try session.keys("/")
        try session.keys("-l", clip)
        try session.keys("Enter")
    }

    func testSextantPaneWithSoundStripsPlayMuteAndQuit() throws {
        let (project, clip, _) = try videoProject()
        try openClip(clip, of: project, name: "video-cells", environment: "BLENDSCOPE_AUDIO_DEVICE=null")
        let shown = try session.waitFor("the clip's picture in sextant cells with its sound strips") {
            $0.contains("sextant cells") && $0.contains("h264 320×240") && !$0.contains("sound: decoding")
        }
        let sextants = shown.unicodeScalars.filter { (0x1FB00...0x1FB3B).contains($0.value) }.count
        XCTAssertGreaterThan(sextants, 20, "testsrc's edges are drawn in sextants:\n\(shown)")

        try session.keys("space")
        try session.waitFor("playing (with or without an output, the video runs)") { $0.contains("▶ ") }
        try session.keys("m")
        let muted = try session.waitFor("muted") { $0.contains("· muted") }
        // ALSA's `null` device is an output: nothing says the sound is missing.
        XCTAssertFalse(muted.contains("no audio output"), muted)
        try session.waitFor("the end of the clip", timeout: 15) { $0.contains("❚❚ ") && !$0.contains("❚❚ 0.00 ") }
        try session.keys("a", "A")
        try session.waitFor("still the picture with the strips toggled off") { $0.contains("sextant cells") }

        try session.keys("q")
        try session.waitFor("the shell's prompt") { text in
            !text.contains("1 Overview") && text.split(separator: "\n").contains { ["#", "$"].contains($0.trimmingCharacters(in: .whitespaces)) }
        }
    }

    /// `O` with a terminal player: the workbench steps aside while it runs (the player's own
    /// output on the terminal, its keys reaching it, Ctrl-C ending it and not the workbench),
    /// then comes back whole with a toast saying how the player ended.
    func testOpenInATerminalPlayerSuspendsTheWorkbenchAndComesBack() throws {
        let (project, clip, dir) = try videoProject()
        let player = dir.appendingPathComponent("fake-player").path
        let script = "#!/bin/sh\nprintf 'fake player on %s\\n' \"$(basename \"$1\")\"\nread answer\nexit 3\n"
        XCTAssertTrue(FileManager.default.createFile(atPath: player, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755]))
        try openClip(clip, of: project, name: "video-player", environment: "BLENDSCOPE_AUDIO_DEVICE=null BLENDSCOPE_PLAYER=\(player)")
        try session.waitFor("the clip's picture") { $0.contains("sextant cells") }

        try session.keys("O")
        let away = try session.waitFor("the player on the terminal, the workbench put away") {
            $0.contains("fake player on \(clip).mp4")
        }
        XCTAssertFalse(away.contains("1 Overview"), away)
        try session.keys("-l", "ok")
        try session.keys("Enter")
        try session.waitFor("the workbench back, whole, saying how the player ended") {
            $0.contains("1 Overview") && $0.contains("sextant cells") && $0.contains("ended with status 3")
        }

        try session.keys("O")
        try session.waitFor("the player again") { $0.contains("fake player on") && !$0.contains("1 Overview") }
        try session.keys("C-c")
        try session.waitFor("Ctrl-C ended the player, not the workbench") {
            $0.contains("1 Overview") && $0.contains("ended by signal 2")
        }

        try session.keys("q")
        try session.waitFor("the shell's prompt") { text in
            !text.contains("1 Overview") && text.split(separator: "\n").contains { ["#", "$"].contains($0.trimmingCharacters(in: .whitespaces)) }
        }
    }
}
