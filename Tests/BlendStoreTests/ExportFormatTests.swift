import BlendCore
import Foundation
import XCTest
@testable import BlendReport
@testable import BlendStore

final class ExportFormatTests: XCTestCase {
    /// Every cell a writer must be careful with: separators, quotes, pipes, line breaks, LaTeX
    /// specials, Greek letters, missing and non-finite values, full-precision numbers.
    static let special = ExportTable(
        name: "special_cases", title: "Odd cells: 50% & more_than α",
        columns: [
            ExportColumn("name", "Name_1", .text), ExportColumn("count", "n", .count),
            ExportColumn("rate", "ACC_P", .number(places: 3)), ExportColumn("beta", "β*", .number(places: 4)),
        ],
        rows: [
            [.text("plain"), .integer(3), .number(0.27049180327868855), .number(0.05)],
            [.text("comma, quote \" and | pipe"), .integer(-1), .number(1.0 / 3), .missing],
            [.text(" spaced "), .missing, .number(.nan), .number(0.4289473684210526)],
            [.text("line\nbreak & 100% of A_1 {x} $5 #2 ~ ^ \\"), .integer(0), .number(1e-05), .number(0.95)],
        ])

    func testCSVParsesBackToTheSameCellsAndBits() throws {
        let text = ExportFormat.csv.render(Self.special)
        XCTAssertTrue(text.hasPrefix("name,count,rate,beta\nplain,3,0.27049180327868855,0.05\n"), text)
        let records = try CSVReader.records(Array(text.utf8), file: "special.csv")
        XCTAssertEqual(records.map(\.fields.count), [4, 4, 4, 4, 4])
        XCTAssertEqual(records[0].fields, ["name", "count", "rate", "beta"])
        for (row, record) in zip(Self.special.rows, records.dropFirst()) {
            for (value, field) in zip(row, record.fields) {
                switch value {
                case .text(let s), .figure(let s): XCTAssertEqual(field, s)
                case .integer(let i): XCTAssertEqual(Int(field), i)
                case .number(let x) where x.isFinite: XCTAssertEqual(Double(field)?.bitPattern, x.bitPattern, field)
                case .number, .missing: XCTAssertEqual(field, "")
                }
            }
        }
    }

    func testCSVQuotesOnlyWhereNeeded() {
        XCTAssertEqual(CSVExport.field("ang+hap"), "ang+hap")
        XCTAssertEqual(CSVExport.field("50/50"), "50/50")
        XCTAssertEqual(CSVExport.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVExport.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVExport.field(" x"), "\" x\"")
        XCTAssertEqual(CSVExport.field("two\nlines"), "\"two\nlines\"")
    }

    /// A JSON value as parsed back; JSONDecoder, since on Linux JSONSerialization may round
    /// the last bit of a Double.
    enum Cell: Decodable, Equatable {
        case null, integer(Int), number(Double), text(String)

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null } else if let i = try? c.decode(Int.self) { self = .integer(i) }
            else if let x = try? c.decode(Double.self) { self = .number(x) } else { self = .text(try c.decode(String.self)) }
        }
    }

    func testJSONParsesBackToRecordsInColumnOrder() throws {
        let text = ExportFormat.json.render(Self.special)
        let records = try JSONDecoder().decode([[String: Cell]].self, from: Data(text.utf8))
        XCTAssertEqual(records.count, 4)
        for (row, record) in zip(Self.special.rows, records) {
            XCTAssertEqual(Set(record.keys), ["name", "count", "rate", "beta"])
            for (column, value) in zip(Self.special.columns, row) {
                let parsed = record[column.key]
                switch value {
                case .text(let s), .figure(let s): XCTAssertEqual(parsed, .text(s))
                case .integer(let i): XCTAssertEqual(parsed, .integer(i))
                case .number(let x) where x.isFinite:
                    guard case .number(let y)? = parsed else { return XCTFail("\(column.key): \(String(describing: parsed))") }
                    XCTAssertEqual(y.bitPattern, x.bitPattern, column.key)
                case .number, .missing: XCTAssertEqual(parsed, .null, column.key)
                }
            }
        }
        let firstLine = text.split(separator: "\n")[1]
        XCTAssertTrue(firstLine.hasPrefix("  {\"name\": \"plain\", \"count\": 3, \"rate\""), String(firstLine))
        XCTAssertEqual(ExportFormat.json.render(ExportTable(name: "e", title: "e", columns: Self.special.columns, rows: [])), "[]\n")
    }

    func testJSONStringsEscapeControlCharacters() {
        XCTAssertEqual(JSONText.string("a\"b\\c\n\t\u{1}é"), "\"a\\\"b\\\\c\\n\\t\\u0001é\"")
    }

    func testMarkdownGolden() {
        Golden.assertMatches(ExportFormat.md.render(Self.special), "special.md")
    }

    func testLaTeXGolden() {
        Golden.assertMatches(ExportFormat.tex.render(Self.special), "special.tex")
    }

    func testLaTeXEscapesEverySpecialCharacter() {
        XCTAssertEqual(LaTeXExport.escape("a_b 50% & $x #1 {y} ~ ^ \\"),
                       "a\\_b 50\\% \\& \\$x \\#1 \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}")
        XCTAssertEqual(LaTeXExport.escape("α* β |Δβ| ≤ .5 <>"),
                       "$\\alpha$* $\\beta$ \\textbar{}$\\Delta$$\\beta$\\textbar{} $\\leq$ .5 \\textless{}\\textgreater{}")
    }

    func testFormatFromFileExtension() {
        XCTAssertEqual(ExportFormat(pathExtension: "CSV"), .csv)
        XCTAssertEqual(ExportFormat(pathExtension: "markdown"), .md)
        XCTAssertEqual(ExportFormat(pathExtension: "tex"), .tex)
        XCTAssertEqual(ExportFormat(pathExtension: "json"), .json)
        XCTAssertNil(ExportFormat(pathExtension: "xlsx"))
    }

    func testDisplayNumbersRoundHalfAwayFromZero() {
        XCTAssertEqual(NumberText.fixed(0.2706, places: 3), "0.271")
        XCTAssertEqual(NumberText.fixed(0.27049, places: 3), "0.270")
        XCTAssertEqual(NumberText.fixed(-0.0004, places: 3), "0.000")
        XCTAssertEqual(NumberText.fixed(-1.25, places: 1), "-1.3")
        XCTAssertEqual(NumberText.fixed(7, places: 0), "7")
        XCTAssertEqual(NumberText.fixed(0.05, places: 4), "0.0500")
    }
}
