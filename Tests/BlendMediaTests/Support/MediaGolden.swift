import BlendTestSupport
import Foundation
import XCTest

/// Golden files of BlendMedia's text output, in `Tests/BlendMediaTests/Golden/`. With
/// `BLENDSCOPE_UPDATE_GOLDEN=1` a differing or missing file is rewritten and the test still
/// fails, so an update is a deliberate second run and a reviewed diff.
enum MediaGolden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden", isDirectory: true)

    static func assertMatches(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        if let failure = GoldenFile.failure(text, name, in: directory) { XCTFail(failure, file: file, line: line) }
    }
}

/// Peak signal-to-noise ratio of two pictures of one size, in dB (infinity when identical).
func psnr(_ a: [UInt8], _ b: [UInt8]) -> Double {
    precondition(a.count == b.count && !a.isEmpty)
    var sum = 0.0
    for i in a.indices {
        let d = Double(a[i]) - Double(b[i])
        sum += d * d
    }
    let mse = sum / Double(a.count)
    return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
}
