import XCTest
@testable import BlendMedia

final class MediaLibrariesTests: XCTestCase {
    func testLoadsFFmpegOnFirstUse() throws {
        let v = try MediaLibraries.versions
        XCTAssertEqual(Set(v.keys), ["avformat", "avcodec", "swscale", "avutil"])
        for (name, version) in v {
            let major = Int(version.split(separator: ".")[0]) ?? 0
            XCTAssertGreaterThan(major, 0, "\(name) \(version)")
        }
        // Loaded once: later calls report the first load's time without loading again.
        let first = try MediaLibraries.load()
        XCTAssertGreaterThanOrEqual(first, 0)
        XCTAssertEqual(try MediaLibraries.load(), first)
    }
}
