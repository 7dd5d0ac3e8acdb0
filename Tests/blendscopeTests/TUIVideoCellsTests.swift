import Foundation
import XCTest

/// The clip pane through the real binary inside tmux with `--graphics cells`: sextant cells,
/// the sound strips under the time line, play with sound to ALSA's `null` device, mute, the
/// strips' toggles and a clean quit. tmux's capture shows cells only, which is what this checks.
final class TUIVideoCellsTests: XCTestCase {
    private var session: TmuxSession!

    private func ffmpeg(_ arguments: [String]) throws { try FFmpegTool.run(arguments) }

    func testSextantPaneWithSoundStripsPlayMuteAndQuit() throws {
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

        session = try TmuxSession(self, name: "video-cells", width: 160, height: 48)
        // Colours forced: without them (NO_COLOR in the tests' environment) frames are ASCII.
        try session.keys("BLENDSCOPE_AUDIO_DEVICE=null \(CLI.executable.path) \(project) --graphics cells --color 256", "Enter")
        try session.waitFor("the overview") { $0.contains("Encoders at their own best") }
        try session.keys("2")
        try session.waitFor("the clips screen") { $0.contains("Decision") }
        try session.keys("/")
        try session.keys("-l", clip)
        try session.keys("Enter")
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
}
