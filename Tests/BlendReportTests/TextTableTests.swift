import BlendCore
import XCTest
@testable import BlendReport

/// The CLI's aligned tables, from strings and from a report.
final class TextTableTests: XCTestCase {
    func testAlignsNumbersRightAndTextLeft() {
        let text = TextTable.render(["name", "n"], [["a", "10"], ["long name", "7"]], rightAligned: [1])
        XCTAssertEqual(text, "name        n\na          10\nlong name   7")
    }

    func testEscapesControlsBeforeMeasuring() {
        let text = TextTable.render(["clip", "n"], [["a\u{1b}b", "1"]], rightAligned: [1])
        let lines = text.split(separator: "\n")
        XCTAssertFalse(text.contains("\u{1b}"))
        XCTAssertEqual(lines.last, Substring(SafeText.terminal("a\u{1b}b", keepingLineBreaks: false) + "  1"))
        XCTAssertEqual(lines.first?.count, lines.last?.count, "the header as wide as the escaped row")
    }

    func testAReportAsTheCLIPrintsIt() {
        let table = ExportTable(
            name: "t", title: "T",
            columns: [ExportColumn("fold", nil, .text), ExportColumn("clips", nil, .count),
                      ExportColumn("beta", "β*", .threshold), ExportColumn("score", "Score", .rate),
                      ExportColumn("gap", nil, .rate)]
                + ExportColumn.bounds(of: "score", "Score", .rate),
            rows: [
                [.text("0"), .integer(12), .number(0.0974), .number(0.2706), .number(-0.012), .number(0.188), .number(0.3)],
                [.text("mean"), .integer(24), .missing, .number(0.25), .missing, .missing, .missing],
            ])
        XCTAssertEqual(TextTable.render(table), """
            fold  clips      β*              Score     gap
            0        12  0.0974  .271 [.188, .300]  -0.012
            mean     24       –               .250       –
            """)
    }
}
