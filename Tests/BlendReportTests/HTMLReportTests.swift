import BlendCore
import BlendReport
import XCTest

/// The HTML report's page: everything escaped through `SafeText.html`, tables with their
/// intervals in one cell, nothing that fetches.
final class HTMLReportTests: XCTestCase {
    func testHTMLEscapingCoversTagsAttributesEntitiesAndControls() {
        XCTAssertEqual(SafeText.html(#"<script>alert("x") & 'y'</script>"#),
                       "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;")
        XCTAssertEqual(SafeText.html("a\u{1B}[31mb\u{202E}c"), "a\\u{001B}[31mb\\u{202E}c")
        XCTAssertEqual(SafeText.html("α β* ≥ 3.66 s"), "α β* ≥ 3.66 s")
    }

    func testEveryTextOfTheDocumentIsEscaped() {
        let hostile = #"<img src=x onerror="alert(1)">"#
        let table = ExportTable(name: "t", title: hostile,
                                columns: [ExportColumn("clip", hostile, .clip), ExportColumn("score", "Score", .rate),
                                          ExportColumn("score_lo", "Score low", .rate), ExportColumn("score_hi", "Score high", .rate),
                                          ExportColumn("alpha", "α", .threshold), ExportColumn("acc", "ACC", .rate)],
                                rows: [[.text(hostile), .number(0.2071), .number(0.188), .number(0.2262), .number(0.0974), .number(0.309)]])
        let document = ReportDocument(title: hostile, sections: [
            ReportSection(id: "s", title: hostile, blocks: [
                .paragraph(hostile), .missing(hostile), .facts([ReportFact(hostile, hostile)]), .table(table),
                .figure(ReportFigure(kind: "k", svg: "<svg width=\"1pt\"></svg>", caption: hostile)),
            ]),
        ])
        let html = HTMLReport.render(document)
        XCTAssertFalse(html.contains("<img"), "no raw markup from text")
        XCTAssertFalse(html.contains("onerror=\""))
        XCTAssertEqual(html.components(separatedBy: "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;").count - 1, 12)
        XCTAssertTrue(html.contains("<svg width=\"1pt\"></svg>"), "the figure's own SVG goes in as markup")
        XCTAssertTrue(html.contains(#"<td class="n">.207 [.188, .226]</td><td class="n">0.0974</td><td class="n">.309</td>"#), html)
        XCTAssertTrue(html.contains("Content-Security-Policy"))
        XCTAssertTrue(html.contains("@media print") && html.contains("width=device-width"))
    }
}
