import BlendCore
import XCTest
import BlendMedia

final class RGBImageTests: XCTestCase {
    /// A 3×2 picture whose pixels are numbered 0...5 in their red channel.
    private func numbered() -> RGBImage {
        var image = RGBImage(width: 3, height: 2)
        for y in 0..<2 { for x in 0..<3 { image[x, y] = RGB(UInt8(y * 3 + x), 0, 0) } }
        return image
    }

    private func reds(_ image: RGBImage) -> [[UInt8]] {
        (0..<image.height).map { y in (0..<image.width).map { x in image[x, y].red } }
    }

    func testQuarterTurnCounterClockwise() {
        // 0 1 2        2 5
        // 3 4 5   →    1 4
        //              0 3
        XCTAssertEqual(reds(numbered().rotated(counterClockwise: 90)), [[2, 5], [1, 4], [0, 3]])
    }

    func testHalfTurnAndThreeQuarters() {
        XCTAssertEqual(reds(numbered().rotated(counterClockwise: 180)), [[5, 4, 3], [2, 1, 0]])
        XCTAssertEqual(reds(numbered().rotated(counterClockwise: 270)), [[3, 0], [4, 1], [5, 2]])
        XCTAssertEqual(numbered().rotated(counterClockwise: -90), numbered().rotated(counterClockwise: 270))
    }

    func testFourTurnsAreIdentity() {
        var image = numbered()
        for _ in 0..<4 { image = image.rotated(counterClockwise: 90) }
        XCTAssertEqual(image, numbered())
        XCTAssertEqual(numbered().rotated(counterClockwise: 0), numbered())
    }

    func testFillAndLuma() {
        let image = RGBImage(width: 2, height: 2, fill: RGB(10, 20, 30))
        XCTAssertEqual(image.pixels, [10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20, 30])
        XCTAssertEqual(RGB(255, 255, 255).luma, 255, accuracy: 1e-9)
        XCTAssertEqual(RGB(0, 255, 0).luma, 0.587 * 255, accuracy: 1e-9)
    }
}
