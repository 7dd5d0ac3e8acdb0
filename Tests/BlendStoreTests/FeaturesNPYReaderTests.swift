import Foundation
import XCTest
@testable import BlendStore

final class FeaturesNPYReaderTests: XCTestCase {
    // MARK: what numpy writes

    func testReadsFormatVersionsOneTwoAndThree() throws {
        for version in 1...3 {
            let array = try NPYReader.read(contentsOf: FeatureFixtures.url("matrix_v\(version).npy"))
            XCTAssertEqual(array.dataType, .float32)
            XCTAssertEqual(array.shape, [3, 2])
            XCTAssertEqual(array.elements, .float32(FeatureFixtures.matrix(rows: 3, columns: 2)), "version \(version)")
        }
    }

    func testReadsAOneDimensionalFloat64Array() throws {
        let array = try NPYReader.read(contentsOf: FeatureFixtures.url("vector_f64.npy"))
        XCTAssertEqual(array.shape, [3])
        XCTAssertEqual(array.elements, .float64([1.5, -2.25, 3.0]))
    }

    func testReadsASingleColumnSavedInFortranOrder() throws {
        // One column is laid out the same in both orders, so there is nothing to refuse.
        let array = try NPYReader.read(contentsOf: FeatureFixtures.url("column_fortran.npy"))
        XCTAssertEqual(array.shape, [4, 1])
        XCTAssertEqual(array.elements, .float32([0, 1, 2, 3]))
    }

    func testReadsStrArraysIncludingCharactersBeyondASCII() throws {
        let names = try NPYReader.read(contentsOf: FeatureFixtures.url("names.npy"))
        XCTAssertEqual(names.dataType, .unicode(characters: 28))
        XCTAssertEqual(names.elements, .strings(FeatureFixtures.names))
        let unicode = try NPYReader.read(contentsOf: FeatureFixtures.url("names_unicode.npy"))
        XCTAssertEqual(unicode.elements, .strings(["Zoë_hap", "😀_neu", ""]))
    }

    // MARK: what it refuses, and why

    func testRefusesUnsupportedArraysWithAReason() {
        let cases: [(String, String)] = [
            ("big_endian.npy",
             "dtype '>f4' is big-endian; blendscope reads little-endian data (convert with X.astype(X.dtype.newbyteorder('<')))"),
            ("fortran_order.npy",
             "the array is stored in Fortran (column-major) order; save np.ascontiguousarray(X) instead"),
            ("int64.npy",
             "unsupported dtype '<i8' (64-bit integer); features must be float32 or float64 (X.astype(np.float32)) and names strings"),
            ("structured.npy",
             "the array has a structured dtype (named fields); save a plain float32 matrix and a str array of names"),
            ("three_d.npy", "the array has shape (2, 2, 2); blendscope reads 1-D and 2-D arrays"),
        ]
        for (name, message) in cases {
            let url = FeatureFixtures.url(name)
            assertFeatureError(try NPYReader.read(contentsOf: url), file: url.relativePath, message)
        }
    }

    func testRefusesObjectArraysBecauseTheyArePickles() throws {
        let data = npy(header: "{'descr': '|O', 'fortran_order': False, 'shape': (4,), }", payload: Data(count: 32))
        assertFeatureError(
            try NPYReader.read(data, file: "names.npy"), file: "names.npy",
            "dtype '|O' is an object array, which numpy stores as a Python pickle that blendscope does not load; "
                + "save names as a str array (np.array(names, dtype=str)) and features as float32")
    }

    func testRefusesStringsThatAreNotText() {
        var surrogate = Data(count: 8)
        surrogate[0] = 0x61
        surrogate[5] = 0xD8
        assertFeatureError(
            try NPYReader.read(npy(header: "{'descr': '<U1', 'fortran_order': False, 'shape': (2,), }", payload: surrogate), file: "n.npy"),
            file: "n.npy", "string [1] holds 0xd800, which is not a Unicode code point")
        assertFeatureError(
            try NPYReader.read(
                npy(header: "{'descr': '|S2', 'fortran_order': False, 'shape': (2,), }", payload: Data([0x61, 0, 0xC3, 0x28])),
                file: "n.npy"),
            file: "n.npy", "string [1] is not valid UTF-8")
    }

    func testRefusesABadMagicAndSaysWhatItFound() throws {
        var data = try FeatureFixtures.data("matrix_v1.npy")
        data[0] = 0
        assertFeatureError(
            try NPYReader.read(data, file: "m.npy"), file: "m.npy", "not an .npy file: it starts with '\\x00NUMPY' instead of '\\x93NUMPY'")
        assertFeatureError(
            try NPYReader.read(Data("a,b\n1,2\n".utf8), file: "m.npy"), file: "m.npy",
            "not an .npy file: it starts with 'a,b\\x0a1,' instead of '\\x93NUMPY'")
        assertFeatureError(
            try NPYReader.read(FeatureFixtures.data("savez_f32.npz"), file: "m.npy"), file: "m.npy",
            "not an .npy file: it is a zip archive (an .npz?); name it .npz")
    }

    func testRefusesStreamsCutShortAtEachStage() throws {
        let whole = try FeatureFixtures.data("matrix_v1.npy")
        XCTAssertEqual(whole.count, 152, "fixture: a 10-byte preamble, a 118-byte header, 24 bytes of data")
        assertFeatureError(
            try NPYReader.read(whole.prefix(4), file: "m.npy"), file: "m.npy", "the file ends inside the .npy magic (4 bytes)")
        assertFeatureError(
            try NPYReader.read(whole.prefix(9), file: "m.npy"), file: "m.npy", "the file ends inside the .npy preamble (9 bytes)")
        assertFeatureError(
            try NPYReader.read(whole.prefix(20), file: "m.npy"), file: "m.npy",
            "the header is cut short: it declares 118 bytes but only 10 follow")
        assertFeatureError(
            try NPYReader.read(whole.dropLast(4), file: "m.npy"), file: "m.npy",
            "the data is cut short: shape (3, 2) of <f4 needs 24 bytes after the header, but only 20 follow")
    }

    func testRefusesUnknownFormatVersions() throws {
        var data = try FeatureFixtures.data("matrix_v1.npy")
        data[6] = 4
        assertFeatureError(
            try NPYReader.read(data, file: "m.npy"), file: "m.npy",
            "unsupported .npy format version 4.0 (blendscope reads 1.0, 2.0 and 3.0)")
    }

    func testRefusesMalformedHeaders() {
        /// A file with `header` and no payload is refused with `problem`, then the header itself.
        func refused(_ header: String, _ problem: String, line: UInt = #line) {
            assertFeatureError(try NPYReader.read(npy(header: header, payload: Data()), file: "m.npy"), file: "m.npy", line: nil,
                               problem + ": " + header, line: line)
        }
        refused("{'descr': '<f4', 'shape': (3, 2", "the header is not a Python dict literal (expected ')' at byte 32)")
        refused("{'descr': '<f4', 'fortran_order': False}", "the header lacks 'shape'")
        refused("{'descr': '<f4', 'fortran_order': False, 'shape': (3, -2)}",
                "the header's 'shape' is not a tuple of non-negative integers")
        refused("{'descr': '<f4', 'fortran_order': 0, 'shape': (3,)}", "the header's 'fortran_order' is not True or False")
        assertFeatureError(
            try NPYReader.read(
                npy(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 4)}", payload: Data()),
                file: "m.npy"),
            file: "m.npy", "the shape (4611686018427387904, 4) is too large to hold")
    }

    func testNamesTheNPZEntryAndTheMissingFile() throws {
        assertFeatureError(
            try NPYReader.read(try FeatureFixtures.data("int64.npy").prefix(3), file: "f.npz", entry: "X.npy"), file: "f.npz",
            "entry 'X.npy': the file ends inside the .npy magic (3 bytes)")
        let missing = FeatureFixtures.url("no_such_file.npy")
        assertFeatureError(
            try NPYReader.read(contentsOf: missing), file: missing.relativePath, "cannot read the file: no such file")
    }

    /// A format 1.0 stream around a hand-written header.
    private func npy(header: String, payload: Data) -> Data {
        let text = Array((header + "\n").utf8)
        return Data(NPYHeader.magic + [1, 0, UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text) + payload
    }
}
