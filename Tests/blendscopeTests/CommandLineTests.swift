import XCTest
import Foundation

/// Runs the real `blendscope` binary, as scripts do.
final class CommandLineTests: XCTestCase {
    func testHelpNamesTheTool() throws {
        let result = try CLI.run(["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("blendscope"), result.stdout)
    }

    /// `--help` alone takes a shortcut in main.swift: the same bytes as ArgumentParser's own
    /// route to the root's help (`blendscope help`), at any terminal width.
    func testHelpShortcutPrintsWhatArgumentParserPrints() throws {
        for columns in ["80", "132"] {
            let viaParser = try CLI.run(["help"], environment: ["COLUMNS": columns])
            XCTAssertEqual(viaParser.status, 0, viaParser.stderr)
            for flag in ["--help", "-h"] {
                let shortcut = try CLI.run([flag], environment: ["COLUMNS": columns])
                XCTAssertEqual(shortcut.status, 0)
                XCTAssertEqual(shortcut.stdout, viaParser.stdout, "\(flag) at \(columns) columns")
                XCTAssertEqual(shortcut.stderr, "")
            }
        }
    }
}
