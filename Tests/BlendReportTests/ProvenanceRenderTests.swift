import BlendCore
import XCTest
@testable import BlendReport

/// The provenance in each format: a JSON object beside the rows, `#` lines before the CSV
/// header (or none), an HTML comment before the Markdown table, `%` lines in LaTeX; a value
/// with a line break or `-->` can end none of them.
final class ProvenanceRenderTests: XCTestCase {
    static let table = ExportTable(name: "t", title: "T", columns: [ExportColumn("a", nil, .text), ExportColumn("x", nil, .rate)],
                                   rows: [[.text("one"), .number(0.25)]])

    static var provenance: Provenance {
        var p = Provenance()
        p.add("project", "odd\nname --> here.sqlite")
        p.add("alpha", .number(0.1))
        p.add("replicates", .integer(200))
        return p
    }

    func testEveryFormat() {
        let options = ExportOptions(provenance: Self.provenance)
        XCTAssertEqual(ExportFormat.csv.render(Self.table, options),
                       "# project: odd name --> here.sqlite\n# alpha: 0.1\n# replicates: 200\na,x\none,0.25\n")
        XCTAssertEqual(ExportFormat.csv.render(Self.table, ExportOptions(provenance: Self.provenance, comments: false)),
                       "a,x\none,0.25\n")
        XCTAssertEqual(ExportFormat.json.render(Self.table, options), """
            {
              "provenance": {"project": "odd\\nname --> here.sqlite", "alpha": 0.1, "replicates": 200},
              "rows": [
                {"a": "one", "x": 0.25}
              ]
            }

            """)
        XCTAssertEqual(ExportFormat.md.render(Self.table, options), """
            <!-- blendscope export
            project: odd name - -> here.sqlite
            alpha: 0.1
            replicates: 200
            -->

            | a | x |
            | :--- | ---: |
            | one | 0.250 |

            """)
        let tex = ExportFormat.tex.render(Self.table, options)
        XCTAssertTrue(tex.hasPrefix("% blendscope export · needs \\usepackage{booktabs}\n% project: odd name --> here.sqlite\n% alpha: 0.1\n"), tex)
        XCTAssertTrue(tex.contains("one & .250 \\\\"), tex)
        // Without a provenance, JSON stays the array of rows it was.
        XCTAssertEqual(ExportFormat.json.render(Self.table), "[\n  {\"a\": \"one\", \"x\": 0.25}\n]\n")
    }

    func testLongTablesBreakAcrossPages() {
        let rows = (0..<100).map { [ExportValue.text("r\($0)"), .number(Double($0) / 100)] }
        let long = ExportTable(name: "long", title: "Long", columns: Self.table.columns, rows: rows)
        let text = ExportFormat.tex.render(long, ExportOptions(width: .text))
        XCTAssertTrue(text.contains("\\begin{longtable}{lr}") && text.contains("\\endhead"), text)
        let column = ExportFormat.tex.render(long, ExportOptions(width: .column))
        XCTAssertFalse(column.contains("longtable"), "longtable refuses two-column mode")
        XCTAssertEqual(column.components(separatedBy: "\\begin{tabular}").count - 1, 3, "40 rows a tabular")
        XCTAssertTrue(column.contains("\\refstepcounter{table}\\label{tab:long}\\tablename~\\thetable: Long\\par"), column)
    }
}
