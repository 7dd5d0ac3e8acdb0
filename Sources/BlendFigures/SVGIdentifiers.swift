import Foundation

/// The ids in cairo's SVG: its surface ids come from a counter over the whole process
/// (`surface6`, then `surface16` for the same figure drawn again), so they are numbered again
/// here in order of appearance; and a page holding several figures needs each figure's ids
/// apart (`glyph0-1` is in every one).
public enum SVGIdentifiers {
    /// `surfaceN` renumbered 1, 2, … in order of first appearance: the same figure, the same bytes.
    public static func numbered(_ svg: Data) -> Data {
        let text = String(decoding: svg, as: UTF8.self)
        var numbers: [Substring: Int] = [:]
        let renamed = text.replacing(/surface[0-9]+/) { match in
            let next = numbers.count + 1
            let n = numbers[match.output] ?? next
            numbers[match.output] = n
            return "surface\(n)"
        }
        return Data(renamed.utf8)
    }

    /// `svg` with every id, and every `#id` reference to one, prefixed by `prefix` and a
    /// hyphen, and the XML declaration dropped: ready to sit inline in an HTML page beside
    /// other figures.
    public static func inline(_ svg: Data, prefix: String) -> String {
        var text = String(decoding: svg, as: UTF8.self)
        if text.hasPrefix("<?xml"), let end = text.firstRange(of: "?>") {
            text = String(text[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        text = text.replacing(#/ id="([^"]+)"/#) { " id=\"\(prefix)-\($0.output.1)\"" }
        text = text.replacing(/href="#([^"]+)"/) { "href=\"#\(prefix)-\($0.output.1)\"" }
        return text.replacing(/url\(#([^)]+)\)/) { "url(#\(prefix)-\($0.output.1))" }
    }
}
