import XCTest
@testable import BlendEngine

final class RandomTests: XCTestCase {
    func testReproducibleAndStreamsDiffer() {
        var a = SeededRandom(seed: 7), b = SeededRandom(seed: 7), c = SeededRandom(seed: 7, stream: 1)
        let sa = (0..<8).map { _ in a.next() }
        XCTAssertEqual(sa, (0..<8).map { _ in b.next() })
        XCTAssertNotEqual(sa, (0..<8).map { _ in c.next() })
    }

    func testRangesAndShuffle() {
        var r = SeededRandom(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let f = r.nextUnitFloat()
            XCTAssertTrue(f >= 0 && f < 1)
            let i = r.nextIndex(below: 7)
            XCTAssertTrue((0..<7).contains(i))
            seen.insert(i)
        }
        XCTAssertEqual(seen.count, 7)
        var values = Array(0..<50)
        values.withUnsafeMutableBufferPointer { r.shuffle($0) }
        XCTAssertNotEqual(values, Array(0..<50))
        XCTAssertEqual(values.sorted(), Array(0..<50))
    }
}
