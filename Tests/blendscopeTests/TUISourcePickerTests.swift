import BlendStore
import Foundation
import XCTest

/// The source picker in the real binary on the demo, inside tmux: `u` lists the sources,
/// `j` and Enter pick the next one, and the header and the project's current source (what the
/// CLI's next verb uses) both change to it.
final class TUISourcePickerTests: XCTestCase {
    private var session: TmuxSession!

    /// The source in the tab bar's context (`d.sqlite · encoder:NAME`) on the first line.
    private func headerSource(_ screen: String) -> String? {
        guard let line = screen.split(separator: "\n").first, let range = line.range(of: "sqlite · ") else { return nil }
        return String(line[range.upperBound...].prefix { !$0.isWhitespace })
    }

    func testPickingAnotherSourceChangesTheHeaderAndTheProjectsCurrentSource() throws {
        guard (try? CLI.run(["--version"])) != nil else { throw XCTSkip("the binary is not built") }
        // The picker writes the current source: a copy of the shared demo, not the demo itself.
        let dir = try CLI.scratchDirectory(self)
        let project = dir.appendingPathComponent("d.sqlite").path
        try FileManager.default.copyItem(atPath: try SharedDemo.project(), toPath: project)

        session = try TmuxSession(self, name: "picker", width: 160, height: 48)
        try session.keys("\(CLI.executable.path) \(project)", "Enter")
        let opened = try session.waitFor("the overview with its encoders and the source key", timeout: 60) {
            $0.contains("Encoders at their own best") && $0.contains("u source") && $0.contains(" · best on train")
        }
        let before = try XCTUnwrap(headerSource(opened), opened)

        try session.keys("u")
        // Listing sweeps the sources the encoder table has not swept yet: slow on a loaded machine.
        try session.waitFor("the picker with every source's Score", timeout: 180) {
            $0.contains("Source for every screen") && $0.contains("Score") && $0.contains("enter make current")
        }
        try session.keys("j", "Enter")
        let after = try session.waitFor("the header on another source and the toast", timeout: 60) {
            $0.contains("current source: ") && self.headerSource($0) != nil && self.headerSource($0) != before
        }
        let picked = try XCTUnwrap(headerSource(after))
        XCTAssertFalse(after.contains("Source for every screen"), after)

        // The CLI sees the same current source.
        let current = try ProjectStore(path: project, create: false).settings().currentSource
        XCTAssertEqual(current.map { "\($0.kind):\($0.name)" }, picked)

        try session.keys("q")
        try session.waitFor("the shell back") { !$0.contains("Encoders at their own best") }
    }
}
