import BlendCore
import Foundation
import XCTest
import BlendMedia

final class VideoWriterTests: XCTestCase {
    private func path(_ name: String) -> String { TestClips.directory + "/" + name }

    func testH264InMP4() throws {
        let file = path("writer-h264.mp4")
        let writer = try VideoWriter(path: file, width: 64, height: 48, fps: 25, codec: .h264, quality: .constant(20))
        for i in 0..<10 { try writer.append(RGBImage(width: 64, height: 48, fill: RGB(UInt8(i * 20), 90, 160))) }
        try writer.finish()
        let info = try VideoProbe.info(path: file)
        XCTAssertEqual(info.codec, "h264")
        XCTAssertEqual(info.frames, 10)
        XCTAssertEqual(info.fps, 25)
        let last = try VideoDecoder(path: file).frame(at: 9.0 / 25).image[32, 24]
        XCTAssertEqual(Double(last.red), 180, accuracy: 4)
    }

    /// The writer's own RGB → YCbCr conversion and the decoder's swscale path agree.
    func testColoursSurviveTheRoundTrip() throws {
        let file = path("writer-colours.mov")
        let colours = [RGB(200, 30, 30), RGB(20, 180, 60), RGB(40, 60, 220), RGB(128, 128, 128),
                       RGB(250, 250, 250), RGB(5, 5, 5), RGB(230, 200, 40)]
        let writer = try VideoWriter(path: file, width: 32, height: 32, fps: 10, quality: .constant(2))
        for colour in colours { try writer.append(RGBImage(width: 32, height: 32, fill: colour)) }
        try writer.finish()
        let decoder = try VideoDecoder(path: file)
        for colour in colours {
            let pixel = try XCTUnwrap(decoder.nextFrame()).image[16, 16]
            XCTAssertEqual(Double(pixel.red), Double(colour.red), accuracy: 4, "\(colour) → \(pixel)")
            XCTAssertEqual(Double(pixel.green), Double(colour.green), accuracy: 4, "\(colour) → \(pixel)")
            XCTAssertEqual(Double(pixel.blue), Double(colour.blue), accuracy: 4, "\(colour) → \(pixel)")
        }
    }

    func testRefusesOddSizesAndMismatchedPictures() throws {
        XCTAssertThrowsError(try VideoWriter(path: path("odd.mov"), width: 33, height: 32, fps: 15)) {
            XCTAssertEqual(($0 as? MediaError)?.kind, .invalidRequest)
        }
        let writer = try VideoWriter(path: path("mismatch.mov"), width: 32, height: 32, fps: 15)
        XCTAssertThrowsError(try writer.append(RGBImage(width: 16, height: 16))) {
            XCTAssertEqual(($0 as? MediaError)?.kind, .invalidRequest)
        }
    }

    func testUnwritablePlace() {
        let file = TestClips.directory + "/no-such-folder/clip.mov"
        XCTAssertThrowsError(try VideoWriter(path: file, width: 32, height: 32, fps: 15)) {
            XCTAssertEqual(($0 as? MediaError)?.kind, .encodeFailed)
            XCTAssertEqual(($0 as? MediaError)?.file, file)
        }
    }

    func testAnUnfinishedClipIsRemoved() throws {
        let file = path("unfinished.mov")
        do {
            let writer = try VideoWriter(path: file, width: 32, height: 32, fps: 15)
            try writer.append(RGBImage(width: 32, height: 32))
            XCTAssertTrue(FileManager.default.fileExists(atPath: file))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
    }
}
