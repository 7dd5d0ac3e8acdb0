import XCTest
@testable import BlendStore

final class FeaturesPythonLiteralTests: XCTestCase {
    func testParsesTheHeaderNumpyWrites() throws {
        let literal = try PythonLiteral.parse("{'descr': '<f4', 'fortran_order': False, 'shape': (3050, 1024), }   \n")
        XCTAssertEqual(literal["descr"], .string("<f4"))
        XCTAssertEqual(literal["fortran_order"], .boolean(false))
        XCTAssertEqual(literal["shape"], .tuple([.integer(3050), .integer(1024)]))
        XCTAssertNil(literal["missing"])
    }

    func testParsesOneTupleEmptyTupleLongsAndStructuredDescr() throws {
        XCTAssertEqual(try PythonLiteral.parse("(3,)"), .tuple([.integer(3)]))
        XCTAssertEqual(try PythonLiteral.parse("()"), .tuple([]))
        XCTAssertEqual(try PythonLiteral.parse("(3L, 4L)"), .tuple([.integer(3), .integer(4)]))
        XCTAssertEqual(try PythonLiteral.parse("{\"a\": None, 'b': True}")["a"], PythonLiteral.none)
        XCTAssertEqual(
            try PythonLiteral.parse("[('a', '<f4'), ('b', '<i4')]"),
            .list([.tuple([.string("a"), .string("<f4")]), .tuple([.string("b"), .string("<i4")])]))
        XCTAssertEqual(try PythonLiteral.parse("-7"), .integer(-7))
    }

    func testLocatesWhatItCannotParse() {
        XCTAssertThrowsError(try PythonLiteral.parse("{'shape': (3, 2)")) { error in
            XCTAssertEqual(error as? PythonLiteralError, PythonLiteralError(reason: "expected '}'", offset: 16))
        }
        XCTAssertThrowsError(try PythonLiteral.parse("{'descr: 1}")) { error in
            XCTAssertEqual(error as? PythonLiteralError, PythonLiteralError(reason: "unterminated string", offset: 11))
        }
        XCTAssertThrowsError(try PythonLiteral.parse("{'a': yes}")) { error in
            XCTAssertEqual(error as? PythonLiteralError, PythonLiteralError(reason: "unexpected character 'y'", offset: 6))
        }
        XCTAssertThrowsError(try PythonLiteral.parse("(1,) 2")) { error in
            XCTAssertEqual(error as? PythonLiteralError, PythonLiteralError(reason: "unexpected text after the literal", offset: 5))
        }
        XCTAssertThrowsError(try PythonLiteral.parse("(99999999999999999999,)")) { error in
            XCTAssertEqual(
                error as? PythonLiteralError,
                PythonLiteralError(reason: "'99999999999999999999' is not an integer that fits in 64 bits", offset: 1))
        }
    }
}
