import BlendStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// Drives the real binary inside tmux, as a person would: opens a small project, visits
/// every screen, moves β and checks the ACC_S shown against `blendscope eval`, resizes below
/// the minimum and back, retrains an encoder from the Jobs screen and waits for the job to
/// succeed, and quits leaving the shell usable. Uses its own tmux server
/// (`-L`), never the user's.
final class TUIEndToEndTests: XCTestCase {
    private var session: TmuxSession!

    /// The number after `label` on the screen's status line.
    private func statusValue(_ label: String, in text: String) -> String? {
        guard let line = text.split(separator: "\n").last(where: { $0.contains("ACC_S") && $0.contains("Score") }),
              let range = line.range(of: label + " ") else { return nil }
        return String(line[range.upperBound...].prefix { !$0.isWhitespace })
    }

    func testEveryScreenBetaAgainstEvalResizeAndQuit() throws {
        guard (try? CLI.run(["--version"])) != nil,
              FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
        else { throw XCTSkip("tmux is not installed") }
        let dir = try CLI.scratchDirectory(self)
        let project = dir.appendingPathComponent("e2e.sqlite").path
        let set = CLI.fixtures.appendingPathComponent("public_set")
        for arguments in [["import", project, "--metadata", set.appendingPathComponent("train_metadata.csv").path,
                           "--metadata", set.appendingPathComponent("test_metadata.csv").path],
                          ["import", project, "--probs", set.appendingPathComponent("probs_face.csv").path, "--encoder", "face"],
                          ["use", project, "--encoder", "face", "--alpha", "0.1", "--beta", "0.2"]] {
            let r = try CLI.run(arguments)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        try importFeatures(project, dir)

        session = try TmuxSession(self, name: "e2e", width: 100, height: 30)
        try session.keys("\(CLI.executable.path) \(project)", "Enter")
        try session.waitFor("the overview with metrics and the encoder table") {
            $0.contains("honest Score") && $0.contains("ACC_S .") && $0.contains("Encoders at their own best") && $0.contains(" face ")
        }

        try session.keys("2")
        try session.waitFor("the clips screen with the decision trace") { $0.contains("Decision") && $0.contains("top two ") }
        try session.keys("f")
        try session.waitFor("the single-label filter") { $0.contains("f single") }

        try session.keys("3")
        try session.waitFor("the thresholds screen") { $0.contains("α / β") && $0.contains("over α × β") }
        try session.keys("Right", "Right", "Right")
        let shown = try session.waitFor("β 0.23") { $0.contains("β 0.23") }
        let eval = try CLI.json(["eval", project, "--encoder", "face", "--alpha", "0.1", "--beta", "0.23", "--json"])
        let expected = (eval["acc_salience"] as? Double).map { String(format: "%.3f", $0).replacingOccurrences(of: "0.", with: ".") }
        XCTAssertEqual(statusValue("ACC_S", in: shown), expected, shown)

        try session.keys("4")
        try session.waitFor("the fusion screen with its live metrics") { $0.contains("Weights (Σ=1)") && $0.contains("edited") }
        try session.keys("o", "Enter")
        try session.waitFor("a greedy re-optimisation run as a job to its proposal") { $0.contains("greedy proposal · job ") }
        try session.keys("a")
        try session.waitFor("the proposal accepted") { $0.contains("accepted greedy") }
        try session.keys("5")
        try session.waitFor("the confusion screen") { $0.contains("Presence · all · counts · α") && $0.contains("Per emotion") }
        try session.keys("Enter")
        try session.waitFor("the clips of the selected cell") { $0.contains("cell ang → ang") }

        try session.keys("?")
        try session.waitFor("the help") { $0.contains("Global") }
        try session.keys("Escape")
        // Escape then a key at once would read as alt+key: wait for the help to close.
        try session.waitFor("the help closed") { !$0.contains("Show every key binding") }
        try session.keys("1")
        try session.waitFor("the overview again") { $0.contains("Folds: own best") }

        try session.tmux(["resize-window", "-t", "e2e", "-x", "40", "-y", "12"])
        try session.waitFor("the too-small message") { $0.contains("40×12") && $0.contains("60×16") }
        try session.tmux(["resize-window", "-t", "e2e", "-x", "100", "-y", "30"])
        try session.waitFor("the layout back") { $0.contains("Folds: own best") }

        // A one-epoch linear retraining of `face`, started from the Jobs screen's form.
        try session.keys("6")
        try session.waitFor("the jobs screen with the Fusion screen's job") { $0.contains("fuse   succeeded") }
        try session.keys("n")
        try session.waitFor("the retraining form") { $0.contains("saves as face-mlp512") }
        try session.keys("Down", "Left", "Left", "Down", "BSpace", "BSpace", "BSpace", "1")
        try session.waitFor("the form set to 1 epoch of linear") { $0.contains("saves as face-linear") && $0.contains("epochs   1") }
        try session.keys("Enter")
        // Until the status bar drops its ⟳, the job still counts as this process's and `q` asks.
        let done = try session.waitFor("the job to succeed", timeout: 30) { $0.contains("train  succeeded") && !$0.contains("⟳") }
        XCTAssertTrue(done.contains("100%"), done)

        try session.keys("q")
        // Keys typed before the shell is back would reach the TUI (or nobody): wait for the prompt.
        try session.waitFor("the shell's prompt") { text in
            !text.contains("1 Overview") && text.split(separator: "\n").contains { ["#", "$"].contains($0.trimmingCharacters(in: .whitespaces)) }
        }
        try session.keys("echo still-$((40+2))", "Enter")
        try session.waitFor("a usable shell") { $0.contains("still-42") }
    }

    /// Features for encoder `face` on every clip: the label's soft vector plus a little
    /// deterministic noise, 8 columns (enough for a retraining to run, not to be good).
    private func importFeatures(_ project: String, _ dir: URL) throws {
        var state: UInt64 = 7
        func noise() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 0.4 - 0.2
        }
        var csv = "filename," + (0..<8).map { "f\($0)" }.joined(separator: ",") + "\n"
        for clip in try ProjectStore(path: project, create: false).clips() {
            var soft = [Double](repeating: 0, count: 8)
            soft[clip.label.first.rawValue] = Double(clip.label.firstSalience) / 100
            if let second = clip.label.second { soft[second.rawValue] = Double(clip.label.secondSalience) / 100 }
            csv += clip.name + "," + soft.map { String($0 + noise()) }.joined(separator: ",") + "\n"
        }
        let file = dir.appendingPathComponent("face-features.csv")
        try Data(csv.utf8).write(to: file)
        let r = try CLI.run(["import", project, "--features", file.path, "--encoder", "face"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testOpenKeepsTheTextOverviewWhenPipedAndChecksItsOptions() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = dir.appendingPathComponent("piped.sqlite").path
        let set = CLI.fixtures.appendingPathComponent("public_set")
        XCTAssertEqual(try CLI.run(["import", project, "--metadata", set.appendingPathComponent("train_metadata.csv").path]).status, 0)
        let piped = try CLI.run([project, "--theme", "light", "--color", "256"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.contains("piped.sqlite: 478 clips"), piped.stdout)
        let bad = try CLI.run([project, "--color", "purple"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--color must be auto, truecolor, 256, 16, 8 or none"), bad.stderr)
    }
}
