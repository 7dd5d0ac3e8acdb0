import XCTest
@testable import BlendStore

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String) throws -> [CSVRecord] {
        try CSVReader.records(Array(text.utf8), file: "t.csv")
    }

    private func failure(_ text: String) -> String? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    func testPlainRecordsKeepTheirLines() throws {
        let r = try read("a,b\n1,2\n3,4\n")
        XCTAssertEqual(r, [CSVRecord(line: 1, fields: ["a", "b"]),
                           CSVRecord(line: 2, fields: ["1", "2"]),
                           CSVRecord(line: 3, fields: ["3", "4"])])
    }

    func testCRLFAndMissingFinalBreak() throws {
        XCTAssertEqual(try read("a,b\r\n1,2\r\n3,4"),
                       [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", "2"]),
                        CSVRecord(line: 3, fields: ["3", "4"])])
        XCTAssertEqual(try read("a\r1\r"), [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 2, fields: ["1"])])
    }

    func testByteOrderMarkIsDropped() throws {
        let r = try CSVReader.records([0xEF, 0xBB, 0xBF] + Array("filename,x\n".utf8), file: "t.csv")
        XCTAssertEqual(r, [CSVRecord(line: 1, fields: ["filename", "x"])])
    }

    func testQuotedFields() throws {
        let r = try read("name,note\n\"a,b\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",\"\"\nlast,x\n")
        XCTAssertEqual(r, [CSVRecord(line: 1, fields: ["name", "note"]),
                           CSVRecord(line: 2, fields: ["a,b", "say \"hi\""]),
                           CSVRecord(line: 3, fields: ["two\nlines", ""]),
                           CSVRecord(line: 5, fields: ["last", "x"])])
    }

    func testEmptyFieldsAndBlankLines() throws {
        XCTAssertEqual(try read("a,,\n\n\n,b,\n"),
                       [CSVRecord(line: 1, fields: ["a", "", ""]), CSVRecord(line: 4, fields: ["", "b", ""])])
        XCTAssertEqual(try read(""), [])
        XCTAssertEqual(try read("\n\n"), [])
    }

    func testMalformedQuotingIsLocated() {
        XCTAssertEqual(failure("a\n\"open,b\nc\n"), "t.csv:2: quoted field is never closed")
        XCTAssertEqual(failure("a\nx\"y\n"),
                       "t.csv:2: quote inside an unquoted field (quote the whole field and double inner quotes)")
        XCTAssertEqual(failure("a\n\"x\"y\n"), "t.csv:2: unexpected character after a closing quote")
    }

    func testInvalidUTF8IsRefused() {
        XCTAssertThrowsError(try CSVReader.records(Array("a\n".utf8) + [0xC3, 0x28, 0x0A], file: "t.csv")) {
            XCTAssertEqual("\($0)", "t.csv:2: not valid UTF-8 text")
        }
    }

    func testStrictNumbers() {
        XCTAssertEqual(try CSVNumber.parse(" 0.25 ").get(), 0.25)
        XCTAssertEqual(try CSVNumber.parse("-1e-3").get(), -0.001)
        XCTAssertEqual(try CSVNumber.parse("5.").get(), 5)
        XCTAssertEqual(try CSVNumber.parse(".5").get(), 0.5)
        XCTAssertEqual(CSVNumber.parse("0x1p3"), .failure(.malformed))
        XCTAssertEqual(CSVNumber.parse("1e"), .failure(.malformed))
        XCTAssertEqual(CSVNumber.parse("."), .failure(.malformed))
        XCTAssertEqual(CSVNumber.parse("0.1.2"), .failure(.malformed))
        XCTAssertEqual(CSVNumber.parse(""), .failure(.empty))
        XCTAssertEqual(CSVNumber.parse("NaN"), .failure(.notFinite))
        XCTAssertEqual(CSVNumber.parse("-inf"), .failure(.notFinite))
        XCTAssertEqual(CSVNumber.parse("1e999"), .failure(.notFinite))
    }

    func testTableHeaderRules() {
        XCTAssertThrowsError(try CSVTable(bytes: [], file: "t.csv")) {
            XCTAssertEqual("\($0)", "t.csv: empty file (expected a header line)")
        }
        XCTAssertThrowsError(try CSVTable(bytes: Array("a,b\n".utf8), file: "t.csv")) {
            XCTAssertEqual("\($0)", "t.csv: no data rows after the header")
        }
        XCTAssertThrowsError(try CSVTable(bytes: Array("a, a\n1,2\n".utf8), file: "t.csv")) {
            XCTAssertEqual("\($0)", "t.csv:1: duplicate column 'a'")
        }
    }
}
