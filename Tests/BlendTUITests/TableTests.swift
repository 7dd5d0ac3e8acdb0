import XCTest
@testable import BlendTUI

final class TableTests: XCTestCase {
    private let columns = [
        TableColumn("clip", width: .fill(1)),
        TableColumn("P", width: .fixed(1)),
        TableColumn("Δp", width: .fixed(4), alignment: .right),
    ]

    private func row(_ i: Int) -> [Span] {
        [Span("A\(i)_mix_ang_fea"), Span(i % 2 == 0 ? "✓" : "✗", Style(fg: i % 2 == 0 ? .success : .error)),
         Span(Format.fraction(Double(i % 100) / 100, digits: 2))]
    }

    func testGoldenWithSelectionAtTheEndOfAHugeTable() {
        var canvas = Canvas(width: 30, height: 6)
        Table(columns: columns, rowCount: 100_000, scroll: TableScroll(selected: 99_999, offset: 0), regionID: "clips",
              row: row).render(into: &canvas, area: canvas.bounds)
        XCTAssertEqual(canvas.text(), """
            clip                   P   Δp
            A99995_mix_ang_fea     ✗  .95│
            A99996_mix_ang_fea     ✓  .96│
            A99997_mix_ang_fea     ✗  .97│
            A99998_mix_ang_fea     ✓  .98│
            A99999_mix_ang_fea     ✗  .99┃
            """)
        XCTAssertEqual(canvas[0, 5].style, Style(fg: .selectionText, bg: .selection, .bold))
        XCTAssertEqual(canvas[23, 5].style, Style(fg: .error, bg: .selection, .bold))
        XCTAssertEqual(canvas[23, 4].style, Style(fg: .success))
        XCTAssertEqual(canvas.region(atX: 3, y: 2), "clips:99996")
    }

    func testSortMarkerAndHeaderRegions() {
        var canvas = Canvas(width: 30, height: 2)
        Table(columns: columns, rowCount: 1, scroll: TableScroll(), regionID: "clips", sortColumn: 2, sortAscending: false,
              row: row).render(into: &canvas, area: canvas.bounds)
        XCTAssertEqual(canvas.text(), "clip                    P  Δp▼\nA0_mix_ang_fea          ✓  .00")
        XCTAssertEqual(canvas[29, 0].style, Style(fg: .accent, .bold))
        XCTAssertEqual(canvas.region(atX: 2, y: 0), "clips.header:0")
        XCTAssertEqual(canvas.region(atX: 28, y: 0), "clips.header:2")
    }

    func testOnlyVisibleRowsAreProduced() {
        // 100,000 rows cost what 30 do: the row closure runs once per visible row.
        for count in [30, 100_000] {
            var calls = 0
            var canvas = Canvas(width: 40, height: 31)
            Table(columns: columns, rowCount: count, scroll: TableScroll(selected: count / 2)) { i in
                calls += 1
                return self.row(i)
            }.render(into: &canvas, area: canvas.bounds)
            XCTAssertEqual(calls, 30, "rows asked for with \(count) rows")
        }
    }

    func testEmptyTableSaysSo() {
        var canvas = Canvas(width: 30, height: 3)
        Table(columns: columns, rowCount: 0, scroll: TableScroll(selected: nil), emptyMessage: "no clip matches the filter",
              row: row).render(into: &canvas, area: canvas.bounds)
        XCTAssertEqual(canvas.text(), "clip                    P   Δp\nno clip matches the filter\n")
    }

    func testUnfocusedSelectionIsQuieter() {
        var canvas = Canvas(width: 30, height: 3)
        Table(columns: columns, rowCount: 2, scroll: TableScroll(selected: 1), focused: false, row: row)
            .render(into: &canvas, area: canvas.bounds)
        XCTAssertEqual(canvas[0, 2].style, Style(bg: .selection))
        XCTAssertEqual(canvas.text(), "clip                    P   Δp\nA0_mix_ang_fea          ✓  .00\nA1_mix_ang_fea          ✗  .01")
    }

    func testScrollKeepsTheSelectionInViewMovingAsLittleAsPossible() {
        var scroll = TableScroll()
        scroll.move(by: 5, rowCount: 100, visibleRows: 10)
        XCTAssertEqual(scroll, TableScroll(selected: 5, offset: 0))
        scroll.move(by: 7, rowCount: 100, visibleRows: 10)
        XCTAssertEqual(scroll, TableScroll(selected: 12, offset: 3))
        scroll.page(1, rowCount: 100, visibleRows: 10)
        XCTAssertEqual(scroll, TableScroll(selected: 21, offset: 12))
        scroll.move(by: -10, rowCount: 100, visibleRows: 10)
        XCTAssertEqual(scroll, TableScroll(selected: 11, offset: 11))
        scroll.select(10_000, rowCount: 100, visibleRows: 10)
        XCTAssertEqual(scroll, TableScroll(selected: 99, offset: 90))
        scroll.select(-4, rowCount: 100, visibleRows: 10)
        XCTAssertEqual(scroll, TableScroll(selected: 0, offset: 0))
        scroll.move(by: 1, rowCount: 0, visibleRows: 10)
        XCTAssertEqual(scroll, TableScroll(selected: nil, offset: 0))
        scroll.move(by: 1, rowCount: 3, visibleRows: 10)
        XCTAssertEqual(scroll, TableScroll(selected: 0, offset: 0), "from nothing selected, down selects the first")
    }

    func testOffsetNeverLeavesSpaceBelowTheLastRow() {
        XCTAssertEqual(TableScroll.offset(keeping: 5, from: 95, visibleRows: 10, rowCount: 100), 5)
        XCTAssertEqual(TableScroll.offset(keeping: 99, from: 95, visibleRows: 10, rowCount: 100), 90)
        XCTAssertEqual(TableScroll.offset(keeping: nil, from: 50, visibleRows: 10, rowCount: 20), 10)
        XCTAssertEqual(TableScroll.offset(keeping: 2, from: 0, visibleRows: 10, rowCount: 3), 0)
    }
}
