import BlendCore

/// One self-contained HTML page for a `ReportDocument`: styles inline, figures inline as SVG,
/// nothing fetched (a content security policy forbids it), readable on a phone (one column,
/// wide tables scroll) and in print (no navigation, figures and tables kept whole). Every text
/// goes through `SafeText.html`.
public enum HTMLReport {
    public static func render(_ document: ReportDocument) -> String {
        let h = SafeText.html
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="generator" content="blendscope">
            <title>\(h(document.title))</title>
            <style>\n\(style)</style>
            </head>
            <body>
            <main>
            <h1>\(h(document.title))</h1>
            <nav aria-label="sections"><ul>\n
            """
        for section in document.sections {
            out += "<li><a href=\"#\(h(section.id))\">\(h(section.title))</a></li>\n"
        }
        out += "</ul></nav>\n"
        for section in document.sections {
            out += "<section id=\"\(h(section.id))\">\n<h2>\(h(section.title))</h2>\n"
            for block in section.blocks { out += render(block) }
            out += "</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    static func render(_ block: ReportBlock) -> String {
        let h = SafeText.html
        switch block {
        case .paragraph(let text):
            return "<p>\(h(text))</p>\n"
        case .missing(let text):
            return "<p class=\"missing\">\(h(text))</p>\n"
        case .facts(let facts):
            return "<dl class=\"facts\">\n" + facts.map { "<dt>\(h($0.name))</dt><dd>\(h($0.value))</dd>\n" }.joined() + "</dl>\n"
        case .figure(let figure):
            // The SVG is blendscope's own drawing (cairo draws text as glyph outlines), not
            // text from a file: it goes in as markup.
            return "<figure data-figure=\"\(h(figure.kind))\">\n\(figure.svg)\n<figcaption>\(h(figure.caption))</figcaption>\n</figure>\n"
        case .table(let table):
            return render(table)
        }
    }

    /// A table with its title as caption, numbers on the right in the paper's style, intervals
    /// in one cell.
    static func render(_ table: ExportTable) -> String {
        let h = SafeText.html
        let merged = table.mergingIntervals()
        let align = { (c: ExportColumn) in c.isNumeric ? " class=\"n\"" : "" }
        var out = "<div class=\"scroll\"><table data-table=\"\(h(table.name))\">\n<caption>\(h(table.title))</caption>\n<thead><tr>"
        out += merged.columns.map { "<th scope=\"col\"\(align($0))>\(h($0.title))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in merged.rows {
            out += "<tr>" + zip(merged.columns, row).map { column, value in
                let text: String
                switch value {
                case .figure(let f): text = f
                // As the intervals beside them: `.207`, thresholds `0.0974`.
                case .number(let x) where x.isFinite: text = ExportTable.short(x, column.places)
                default: text = value.display(places: column.places) ?? "–"
                }
                return "<td\(align(column))>\(h(text))</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    static let style = """
        :root { color-scheme: light; }
        body { margin: 0; color: #111; background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        p, dl.facts { max-width: 46rem; }
        h1 { font-size: 1.6rem; margin: 0.5rem 0; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid #bbb; padding-bottom: 0.2rem; }
        nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; }
        section { margin: 2rem 0; }
        figure { margin: 1rem 0; }
        figure svg { display: block; width: 100%; max-width: 34rem; height: auto; }
        figcaption { font-size: 0.875rem; color: #333; max-width: 40rem; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.875rem; font-variant-numeric: tabular-nums; margin: 0.5rem 0; }
        caption { text-align: left; font-weight: 600; padding: 0.25rem 0; max-width: 46rem; }
        th, td { padding: 0.2rem 0.5rem; border-bottom: 1px solid #ddd; text-align: left; white-space: nowrap; }
        th.n, td.n { text-align: right; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        .missing { color: #555; font-style: italic; }
        @media (max-width: 40rem) {
          main { padding: 0.6rem; }
          dl.facts { grid-template-columns: 1fr; }
          dl.facts dd { margin-bottom: 0.4rem; }
        }
        @media print {
          nav { display: none; }
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          figure, table, dl.facts { break-inside: avoid; }
          figure svg { max-width: 252pt; }
          .scroll { overflow: visible; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
