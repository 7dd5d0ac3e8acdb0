import XCTest
import Foundation

/// Runs the real `blendscope` binary, as scripts do.
final class CommandLineTests: XCTestCase {
    func testHelpNamesTheTool() throws {
        let result = try CLI.run(["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("blendscope"), result.stdout)
    }
}
