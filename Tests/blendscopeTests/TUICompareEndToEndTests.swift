import Foundation
import XCTest

/// Drives the real binary on the demo inside tmux: key 7 shows the Compare screen, whose
/// paired comparison arrives off the UI thread; its Δ Score matches `blendscope compare`;
/// Enter lists the flipped clips on the Clips screen and Esc drops the list.
final class TUICompareEndToEndTests: XCTestCase {
    private var session: TmuxSession!

    func testKeySevenComparesTwoSourcesAndEnterListsTheFlips() throws {
        guard (try? CLI.run(["--version"])) != nil else { throw XCTSkip("no blendscope binary") }
        let project = try SharedDemo.project()
        session = try TmuxSession(self, name: "compare", width: 120, height: 34)
        try session.keys("\(CLI.executable.path) \(project)", "Enter")
        try session.waitFor("the overview") { $0.contains("Encoders at their own best") }

        try session.keys("7")
        let shown = try session.waitFor("the paired comparison", timeout: 60) {
            $0.contains("Compare A − B") && $0.contains("McNemar p") && !$0.contains("computing")
        }
        // The two sources the screen picked, by the lines that name them.
        func name(_ side: String) -> String? {
            // After the pane's border (light or heavy, as the focus has it).
            shown.split(separator: "\n").lazy.compactMap { line -> String? in
                let inside = line.dropFirst()
                guard inside.hasPrefix(" \(side) ") else { return nil }
                return inside.dropFirst(side.count + 2).split(separator: " ").first.map(String.init)
            }.first
        }
        let a = try XCTUnwrap(name("A"), shown), b = try XCTUnwrap(name("B"), shown)
        XCTAssertTrue(shown.contains("Score"), shown)
        let json = try CLI.json(["compare", project, "--encoder", a, "--encoder", b, "--json"])
        let delta = try XCTUnwrap((json["delta"] as? [String: Any])?["score"] as? Double, "\(json)")
        let text = NumberTextForTest.fraction(delta)
        let scoreLine = try XCTUnwrap(shown.split(separator: "\n").first { $0.dropFirst().hasPrefix(" Score ") }, shown)
        XCTAssertTrue(scoreLine.contains(text), "\(scoreLine) lacks \(text)")

        try session.keys("Enter")
        try session.waitFor("the flipped clips on the Clips screen") { $0.contains("flips \(a) vs \(b)") }
        try session.keys("Escape")
        try session.waitFor("the list dropped") { !$0.contains("flips \(a) vs \(b)") }
        try session.keys("q")
    }
}

/// `.012`, `−.041`: the TUI's spelling of a rate (no leading zero, a true minus).
enum NumberTextForTest {
    static func fraction(_ x: Double) -> String {
        let s = String(format: "%.3f", x)
        if s == "-0.000" { return ".000" }
        let trimmed = s.replacingOccurrences(of: "0.", with: ".", options: [], range: s.range(of: "0."))
        return trimmed.hasPrefix("-") ? "−" + trimmed.dropFirst() : trimmed
    }
}
