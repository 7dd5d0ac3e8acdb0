import BlendFigures
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Every figure kind in every format, drawn by cairo and read back: a PDF of one page at the
/// figure's size, an SVG that parses with an <svg> root of that size and drawn content, a PNG
/// of the right pixel size that is not one flat colour.
final class FigureRenderingTests: XCTestCase {
    func testEveryKindInEveryFormat() throws {
        for width in FigureWidth.allCases {
            for (name, figure) in SampleFigures.all(width) {
                let what = "\(name) at \(width)"
                try checkPDF(FigureRenderer.render(figure, as: .pdf), figure, what)
                try checkSVG(FigureRenderer.render(figure, as: .svg), figure, what)
                try checkPNG(FigureRenderer.render(figure, as: .png), figure, what)
            }
        }
    }

    /// The same figure drawn twice is the same bytes in every format: no creation time in the
    /// PDF, cairo's process-wide surface ids numbered again in the SVG.
    func testSameFigureSameBytes() throws {
        for (name, figure) in SampleFigures.all(.column) {
            for format in FigureFormat.allCases {
                let first = try FigureRenderer.render(figure, as: format)
                let second = try FigureRenderer.render(figure, as: format)
                XCTAssertEqual(first, second, "\(name) as \(format) differs between two drawings")
            }
        }
        let pdf = String(decoding: try FigureRenderer.render(SampleFigures.all(.column)[0].1, as: .pdf), as: UTF8.self)
        XCTAssertFalse(pdf.contains("/CreationDate"))
        XCTAssertTrue(pdf.contains("/Creator (blendscope)"))
    }

    /// Two figures inline in one page keep their ids apart, references included.
    func testInlineSVGIdsArePrefixed() throws {
        let svg = try FigureRenderer.render(SampleFigures.all(.column)[0].1, as: .svg)
        let inline = SVGIdentifiers.inline(svg, prefix: "f1")
        XCTAssertTrue(inline.hasPrefix("<svg"))
        let ids = inline.matches(of: #/ id="([^"]+)"/#).map { String($0.output.1) }
        XCTAssertFalse(ids.isEmpty)
        XCTAssertTrue(ids.allSatisfy { $0.hasPrefix("f1-") }, "\(ids.prefix(5))")
        let refs = inline.matches(of: /href="#([^"]+)"/).map { String($0.output.1) }
        XCTAssertFalse(refs.isEmpty)
        XCTAssertTrue(Set(refs).isSubset(of: Set(ids)), "every reference points at an id of the same figure")
    }

    func testFormatFromTheFileName() {
        XCTAssertEqual(FigureFormat(path: "out/fig.PDF"), .pdf)
        XCTAssertEqual(FigureFormat(path: "a.svg"), .svg)
        XCTAssertEqual(FigureFormat(path: "a.png"), .png)
        XCTAssertNil(FigureFormat(path: "a.eps"))
        XCTAssertNil(FigureFormat(path: "figure"))
    }

    private func checkPDF(_ data: Data, _ figure: Figure, _ what: String) throws {
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("%PDF-"), what)
        XCTAssertEqual(text.components(separatedBy: "/Type /Page").count - text.components(separatedBy: "/Type /Pages").count, 1,
                       "\(what): one page")
        let box = "/MediaBox [ 0 0 \(Self.number(figure.width)) \(Self.number(figure.height)) ]"
        XCTAssertTrue(text.contains(box), "\(what): no \(box)")
    }

    private func checkSVG(_ data: Data, _ figure: Figure, _ what: String) throws {
        let reader = SVGReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        XCTAssertTrue(parser.parse(), "\(what): \(parser.parserError.map(String.init(describing:)) ?? "")")
        XCTAssertEqual(reader.root, "svg", what)
        XCTAssertEqual(reader.width, "\(Self.number(figure.width))pt", what)
        XCTAssertEqual(reader.height, "\(Self.number(figure.height))pt", what)
        XCTAssertGreaterThan(reader.drawn, 50, "\(what): hardly anything drawn")
    }

    private func checkPNG(_ data: Data, _ figure: Figure, _ what: String) throws {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        XCTAssertEqual(Array(data.prefix(8)), signature, what)
        // IHDR is the first chunk: length, "IHDR", then width and height big-endian.
        let bytes = Array(data.prefix(24))
        XCTAssertEqual(String(decoding: bytes[12..<16], as: UTF8.self), "IHDR", what)
        let be = { (i: Int) in bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        let size = FigureRenderer.pixelSize(of: figure)
        XCTAssertEqual(be(16), size.width, what)
        XCTAssertEqual(be(20), size.height, what)
        XCTAssertEqual(size.width, Int((figure.width * 300 / 72).rounded(.up)), "\(what): 300 dpi")
        let summary = try FigureRenderer.summarisePNG(data)
        XCTAssertEqual(summary.width, size.width, what)
        XCTAssertGreaterThan(summary.colours, 16, "\(what): a PNG of one flat colour")
    }

    /// A size as cairo writes it: no decimals for whole points.
    private static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}

private final class SVGReader: NSObject, XMLParserDelegate {
    var root: String?
    var width: String?
    var height: String?
    var drawn = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil {
            root = name
            width = attributes["width"]
            height = attributes["height"]
        }
        if ["path", "rect", "use", "g", "image"].contains(name) { drawn += 1 }
    }
}
