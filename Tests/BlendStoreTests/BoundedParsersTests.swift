import BlendFiles
import Foundation
import XCTest
@testable import BlendStore
#if canImport(Glibc)
import Glibc
#endif

/// The resource bounds of the readers, below the CLI: each limit refuses one byte past it and
/// accepts what lies at it.
final class BoundedParsersTests: XCTestCase {
    // MARK: Header literal

    func testTheLiteralParserNestsToItsLimitAndNoFurther() throws {
        let depth = PythonLiteral.maxDepth
        let atLimit = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        XCTAssertNoThrow(try PythonLiteral.parse(atLimit))
        // 300,000 levels: an error, not a stack overflow (the parser keeps its own stack).
        let deep = String(repeating: "[", count: 300_000) + String(repeating: "]", count: 300_000)
        XCTAssertThrowsError(try PythonLiteral.parse(deep)) { error in
            XCTAssertEqual(error as? PythonLiteralError,
                           PythonLiteralError(reason: "containers nest deeper than 32 levels", offset: 32))
        }
        XCTAssertEqual(try PythonLiteral.parse("{'a': [(1, 2), {}], 'b': ((),), }")["a"],
                       .list([.tuple([.integer(1), .integer(2)]), .dict([])]))
        XCTAssertThrowsError(try PythonLiteral.parse("{'a': }"))
        XCTAssertThrowsError(try PythonLiteral.parse("{'a' 1}"))
        XCTAssertThrowsError(try PythonLiteral.parse("[1 2]"))
    }

    // MARK: .npy

    private func npy(_ header: String, payload: Data = Data()) -> Data {
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let text = Array((header + "\n").utf8)
        data.append(contentsOf: [UInt8(text.count & 0xFF), UInt8(text.count >> 8)])
        data.append(contentsOf: text)
        data.append(payload)
        return data
    }

    func testStringWidthsAndShapesAreCheckedBeforeAnythingIsAllocated() {
        assertFeatureError(
            try NPYReader.read(npy("{'descr': '<U65537', 'fortran_order': False, 'shape': (0,), }"), file: "n.npy"),
            file: "n.npy", "dtype '<U65537' declares strings of 65537 characters; blendscope reads names of at most 65536")
        assertFeatureError(
            try NPYReader.read(npy("{'descr': '|S9223372036854775807', 'fortran_order': False, 'shape': (0,), }"), file: "n.npy"),
            file: "n.npy", "dtype '|S9223372036854775807' declares strings of 9223372036854775807 bytes; blendscope reads names of at most 65536")
        assertFeatureError(
            try NPYReader.read(npy("{'descr': '<U+4', 'fortran_order': False, 'shape': (1,), }"), file: "n.npy"),
            file: "n.npy", "dtype '<U+4' is not a numpy dtype string")
        assertFeatureError(
            try NPYReader.read(npy("{'descr': '<f1152921504606846976', 'fortran_order': False, 'shape': (1,), }"), file: "n.npy"),
            file: "n.npy",
            "unsupported dtype '<f1152921504606846976' (1152921504606846976-byte float); features must be float32 or float64 "
                + "(X.astype(np.float32)) and names strings")
        // A zero in the shape does not hide an overflowing product before it.
        assertFeatureError(
            try NPYReader.read(
                npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 4611686018427387904, 0), }"),
                file: "n.npy"),
            file: "n.npy", "the shape (4611686018427387904, 4611686018427387904, 0) is too large to hold")
        XCTAssertNoThrow(try NPYReader.read(npy("{'descr': '<U65536', 'fortran_order': False, 'shape': (0,), }"), file: "n.npy"))
    }

    func testHeadersLongerThanNumpysLimitAreRefused() {
        let padded = "{'descr': '<f4', 'fortran_order': False, 'shape': (0,), }" + String(repeating: " ", count: 10_000)
        var data = Data([0x93] + Array("NUMPY".utf8) + [2, 0])
        let text = Array(padded.utf8)
        data.append(contentsOf: (0..<4).map { UInt8((text.count >> (8 * $0)) & 0xFF) })
        data.append(contentsOf: text)
        assertFeatureError(
            try NPYReader.read(data, file: "h.npy"), file: "h.npy",
            "the header declares \(text.count) bytes; blendscope reads headers of at most 10000 bytes "
                + "(numpy writes about 128, and np.load refuses more than 10000 too)")
    }

    // MARK: CSV

    func testCSVLimitsNameTheLine() {
        let limits = CSVLimits(recordBytes: 32, fieldBytes: 8, columns: 4)
        func failure(_ text: String) -> InputError? {
            do {
                _ = try CSVReader.records(Array(text.utf8), file: "t.csv", limits: limits)
                return nil
            } catch {
                return error
            }
        }
        XCTAssertNil(failure("a,b,c,d\n12345678,1\n"))
        XCTAssertEqual(failure("a\n123456789\n")?.description, "t.csv:2: field 1 is longer than 8 bytes (8 bytes), the most one CSV field may hold")
        XCTAssertEqual(failure("a,b,c,d,e\n")?.line, 1)
        // A field is refused on the line where it crosses its limit.
        XCTAssertEqual(failure("a\n\"1234\n5678\",1\n")?.line, 3)
        XCTAssertEqual(failure("a\n" + String(repeating: "1,", count: 3) + "\n" + String(repeating: "1234567,", count: 4))?.line, 3)
        // A quoted field's line breaks count towards its record.
        let wideFields = CSVLimits(recordBytes: 32, fieldBytes: 64, columns: 4)
        XCTAssertThrowsError(
            try CSVReader.records(Array(("a\n\"" + String(repeating: "\n", count: 40) + "\"\n").utf8), file: "t.csv", limits: wideFields)
        ) { error in
            XCTAssertEqual("\(error)", "t.csv:2: line longer than 32 bytes (32 bytes), the most one CSV record may hold; is this a CSV file?")
        }
    }

    func testChunkedReadingMatchesWholeReading() throws {
        let scratch = try FeatureScratchDirectory()
        // Records that straddle the 64 KiB chunk boundary, a CRLF split across it, and a BOM.
        var text = "\u{FEFF}filename,x\r\n"
        var i = 0
        while text.utf8.count < 200_000 {
            text += i % 7 == 0 ? "\"q\"\"\(i)\r\nline\",\(i)\r\n" : "clip\(i),\(i)\r\n"
            i += 1
        }
        let url = try scratch.write(Data(text.utf8), as: "t.csv")
        let streamed = try CSVTable(contentsOf: url)
        let whole = try CSVTable(bytes: Array(text.utf8), file: url.relativePath)
        XCTAssertEqual(streamed.header, ["filename", "x"])
        XCTAssertEqual(streamed.rows, whole.rows)
        XCTAssertEqual(streamed.rows.count, i)
    }

    // MARK: Regular files

    func testTheRegularFileCheckSaysWhatThePathIs() throws {
        let scratch = try FeatureScratchDirectory()
        let fifo = scratch.url.appendingPathComponent("f.csv").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let link = scratch.url.appendingPathComponent("l.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: scratch.url.path)
        let dangling = scratch.url.appendingPathComponent("d.csv").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "/nonexistent/x")
        func reason(_ path: String) -> String? {
            do {
                _ = try InputFile.checkRegular(path)
                return nil
            } catch {
                return error.reason
            }
        }
        XCTAssertEqual(reason(fifo), "is a FIFO (named pipe), not a regular file")
        XCTAssertEqual(reason(scratch.url.path), "is a directory")
        XCTAssertEqual(reason(link), "is a symbolic link to a directory")
        XCTAssertEqual(reason(dangling), "is a symbolic link to nothing (no such file)")
        XCTAssertEqual(reason("/dev/null"), "is a character device, not a regular file")
        XCTAssertEqual(reason(scratch.url.appendingPathComponent("missing").path), "no such file")
        XCTAssertNil(reason(try scratch.write(Data("x".utf8), as: "ok.csv").path))
        XCTAssertThrowsError(try InputFile.openForReading(fifo))
    }

    // MARK: --normalize

    func testNormalizeRefusesSumsThatOverflowOrVanish() throws {
        let header = "filename,ang,disg,fea,hap,sad,neu\n"
        for (row, message) in [
            ("A1_ang_int1_ver1,1e308,1e308,0,0,0,0", "probabilities sum to more than 1.7976931348623157e+308 and cannot be normalised"),
            ("A1_ang_int1_ver1,0,0,0,0,0,0", "probabilities sum to 0 and cannot be normalised"),
        ] {
            let table = try CSVTable(bytes: Array((header + row + "\n").utf8), file: "p.csv")
            XCTAssertThrowsError(try ProbabilitiesImport.parse(table, normalize: true)) { error in
                XCTAssertEqual(error as? InputError, InputError(file: "p.csv", line: 2, message))
            }
        }
        let tiny = try CSVTable(bytes: Array((header + "A1_ang_int1_ver1,5e-324,1e-323,0,0,0,0\n").utf8), file: "p.csv")
        let rows = try ProbabilitiesImport.parse(tiny, normalize: true)
        XCTAssertEqual(rows[0].p.0 + rows[0].p.1, 1, accuracy: 1e-12)
    }
}
