import XCTest
@testable import BlendMedia

final class MediaLibrariesTests: XCTestCase {
    func testLinkedAgainstFFmpeg() {
        let v = MediaLibraries.versions
        XCTAssertEqual(Set(v.keys), ["avformat", "avcodec", "swscale", "avutil"])
        for (name, version) in v {
            let major = Int(version.split(separator: ".")[0]) ?? 0
            XCTAssertGreaterThan(major, 0, "\(name) \(version)")
        }
    }
}
