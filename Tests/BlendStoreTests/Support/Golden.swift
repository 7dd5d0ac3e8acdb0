import Foundation
import XCTest

/// Golden files for exports people read (Markdown, LaTeX), in `Fixtures/golden/`.
///
/// With `BLENDSCOPE_UPDATE_GOLDEN=1` a differing or missing file is rewritten and the test
/// still fails, so an update is always a deliberate second run and a reviewed diff.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden", isDirectory: true)

    static func assertMatches(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        guard text != expected else { return }
        if ProcessInfo.processInfo.environment["BLENDSCOPE_UPDATE_GOLDEN"] == "1" {
            try? Data(text.utf8).write(to: url)
            XCTFail("golden file \(name) rewritten; review the diff and run again", file: file, line: line)
        } else if let expected {
            XCTAssertEqual(text, expected, "differs from golden file \(name)", file: file, line: line)
        } else {
            XCTFail("no golden file \(name) (run with BLENDSCOPE_UPDATE_GOLDEN=1 to create it)", file: file, line: line)
        }
    }
}
