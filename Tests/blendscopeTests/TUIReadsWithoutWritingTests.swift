import Foundation
import XCTest

/// The TUI reads a project without writing it: visiting every screen and quitting leaves the
/// file's bytes as they were, and a project edited by hand is named, not crashed on.
final class TUIReadsWithoutWritingTests: XCTestCase {
    func testVisitingEveryScreenAndQuittingLeavesTheFileAsItWas() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: project))
        let session = try TmuxSession(self, name: "idle", width: 100, height: 30)
        try session.keys("\(CLI.executable.path) \(project); echo \"ex\"\"ited=$?\"", "Enter")
        try session.waitFor("the overview") { $0.contains("honest Score") }
        for screen in ["2", "3", "4", "5", "6", "1"] {
            try session.keys(screen)
            // The tab bar marks the screen shown; each screen's own content loads in the background.
            try session.waitFor("screen \(screen)") { !$0.isEmpty }
        }
        try session.waitFor("the overview again") { $0.contains("honest Score") }
        try session.keys("q")
        try session.waitFor("the shell") { $0.contains("exited=0") }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: project)), before, "the idle TUI changed the project file")
    }

    func testAHandEditedProjectIsNamedOnScreenAndQuitsCleanly() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let edit = Process()
        edit.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        edit.arguments = [project, "PRAGMA ignore_check_constraints = ON; UPDATE probability SET hap = -5 WHERE clip_id = 1;"]
        try edit.run()
        edit.waitUntilExit()
        XCTAssertEqual(edit.terminationStatus, 0)
        let session = try TmuxSession(self, name: "edited", width: 160, height: 30)
        try session.keys("\(CLI.executable.path) \(project); echo \"ex\"\"ited=$?\"", "Enter")
        try session.waitFor("the damage named") { $0.contains("damaged project file") && $0.contains("column hap") }
        try session.keys("q")
        try session.waitFor("the shell") { $0.contains("exited=0") }
    }
}
