@testable import BlendDemo
import XCTest
@testable import BlendCore

final class DemoRandomTests: XCTestCase {
    func testStreamsAreReproducibleAndDistinct() {
        var a = DemoRandom(seed: 2026, stream: 1), b = DemoRandom(seed: 2026, stream: 1)
        var c = DemoRandom(seed: 2026, stream: 2), d = DemoRandom(seed: 2027, stream: 1)
        let first = (0..<8).map { _ in a.next() }
        XCTAssertEqual(first, (0..<8).map { _ in b.next() })
        XCTAssertNotEqual(first, (0..<8).map { _ in c.next() })
        XCTAssertNotEqual(first, (0..<8).map { _ in d.next() })
    }

    func testNormalsHaveUnitMomentsAndUniformsStayInRange() {
        var random = DemoRandom(seed: 7, stream: 0)
        let n = 100_000
        var sum = 0.0, squares = 0.0
        for _ in 0..<n {
            let x = random.normal()
            sum += x
            squares += x * x
        }
        XCTAssertEqual(sum / Double(n), 0, accuracy: 0.015)
        XCTAssertEqual(squares / Double(n), 1, accuracy: 0.02)
        for _ in 0..<10_000 {
            let u = random.uniform()
            XCTAssert(u >= 0 && u < 1)
            XCTAssert((0..<7).contains(random.int(below: 7)))
        }
    }

    func testShuffleIsAPermutation() {
        var random = DemoRandom(seed: 1, stream: 1)
        var items = Array(0..<50)
        random.shuffle(&items)
        XCTAssertNotEqual(items, Array(0..<50))
        XCTAssertEqual(items.sorted(), Array(0..<50))
    }
}
