import BlendTestSupport
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
        if let failure = GoldenFile.failure(text, name, in: directory) { XCTFail(failure, file: file, line: line) }
    }
}
