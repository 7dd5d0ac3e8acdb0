import XCTest
@testable import BlendReport
@testable import BlendStore

/// A clip name with an escape sequence or a bidi override, in every export format.
final class EscapedExportTests: XCTestCase {
    static let name = "A1_mix\u{1b}]0;pwned\u{07}_ang\u{202E}_hap`<b>[x](y)|"
    static let table = ExportTable(name: "t", title: "T \u{1b}[2J", columns: [ExportColumn("clip", "clip", .text)],
                                   rows: [[.text(name)]])

    private func raw(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { [0x1b, 0x07, 0x202E].contains($0) }
    }

    func testMarkdownEscapesControlsAndMarkup() {
        let md = ExportFormat.md.render(Self.table)
        XCTAssertEqual(raw(md), [])
        XCTAssertTrue(md.contains("| A1_mix\\\\u{001B}\\]0;pwned\\\\u{0007}_ang\\\\u{202E}_hap\\`\\<b\\>\\[x\\](y)\\| |"), md)
    }

    func testLaTeXEscapesControlsAndSpecials() {
        let tex = ExportFormat.tex.render(Self.table)
        XCTAssertEqual(raw(tex), [])
        XCTAssertTrue(tex.contains("A1\\_mix\\textbackslash{}u\\{001B\\}]0;pwned\\textbackslash{}u\\{0007\\}\\_ang\\textbackslash{}u\\{202E\\}\\_hap"), tex)
        XCTAssertTrue(tex.contains("\\caption{T \\textbackslash{}u\\{001B\\}[2J}"), tex)
    }

    func testJSONEscapesWhatATerminalWouldObey() throws {
        let json = ExportFormat.json.render(Self.table)
        XCTAssertEqual(raw(json), [])
        let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]]
        XCTAssertEqual(rows?.first?["clip"], Self.name, "the same string for a reader")
    }
}
