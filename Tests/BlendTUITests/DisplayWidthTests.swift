import CNcursesW
import Glibc
import XCTest
@testable import BlendTUI

final class DisplayWidthTests: XCTestCase {
    func testAgreesWithTheCLibraryAcrossTheBasicPlaneAndEmoji() throws {
        // The table was generated from wcwidth; this keeps it honest after a libc upgrade.
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil else { throw XCTSkip("no C.UTF-8 locale") }
        var mismatches: [String] = []
        for value in Array(0x20...0xFFFF) + Array(0x1F300...0x1FAFF) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let expected = Int(wcwidth(wchar_t(value)))
            if DisplayWidth.of(scalar) != expected { mismatches.append(String(value, radix: 16)) }
        }
        XCTAssertEqual(mismatches.prefix(10), [], "\(mismatches.count) code points differ")
    }

    func testClusters() {
        XCTAssertEqual(DisplayWidth.of("a" as Character), 1)
        XCTAssertEqual(DisplayWidth.of("日" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("é" as Character), 1, "e + combining acute is one cell")
        XCTAssertEqual(DisplayWidth.of("\u{2764}\u{FE0F}" as Character), 2, "emoji presentation is wide")
        XCTAssertEqual(DisplayWidth.of("\u{0301}" as Character), 0, "a lone combining mark takes no cell")
        XCTAssertEqual(DisplayWidth.of("\u{07}" as Character), 1, "controls show as a replacement")
        XCTAssertEqual(DisplayWidth.of("█▌●★━⣿"), 6)
        XCTAssertEqual(DisplayWidth.of("A日本b"), 6)
    }

    func testControlsAreReplaced() {
        XCTAssertEqual(DisplayWidth.printable("\t"), DisplayWidth.replacement)
        XCTAssertEqual(DisplayWidth.printable("x"), "x")
    }
}
