import XCTest
@testable import BlendStore

final class FeaturesZipChecksumTests: XCTestCase {
    private func crc(_ bytes: [UInt8], continuing checksum: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { ZipChecksum.crc32($0, continuing: checksum) }
    }

    func testMatchesTheStandardCheckValues() {
        XCTAssertEqual(crc(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(crc([]), 0)
        XCTAssertEqual(crc(Array("The quick brown fox jumps over the lazy dog".utf8)), 0x414F_A339)
    }

    func testEightByteStepsAgreeWithByteStepsAtEveryLengthAndSplit() {
        let bytes = (0..<41).map { UInt8(truncatingIfNeeded: $0 &* 73 &+ 11) }
        for length in 0...bytes.count {
            let whole = crc(Array(bytes[..<length]))
            // Bytes fed one at a time only ever take the byte-by-byte path.
            let stepwise = bytes[..<length].reduce(UInt32(0)) { crc([$1], continuing: $0) }
            XCTAssertEqual(whole, stepwise, "length \(length)")
            let split = length / 3
            XCTAssertEqual(crc(Array(bytes[split..<length]), continuing: crc(Array(bytes[..<split]))), whole)
        }
    }
}
