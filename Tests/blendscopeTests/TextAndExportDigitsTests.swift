import Foundation
import XCTest

/// The CLI's text tables and `export … --format md` read the same rows: every figure a verb
/// prints in a table has the digits the export writes in the matching cell. Only the look may
/// differ (`0.309` in Markdown's plain cells, `.309` in the CLI).
final class TextAndExportDigitsTests: XCTestCase {
    func testEveryTableTheCLIPrintsHasTheExportsDigits() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let source = ["--encoder", "hand"]
        func run(_ arguments: [String]) throws -> String {
            let r = try CLI.run(arguments)
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr)")
            return r.stdout
        }
        func export(_ kind: String, _ more: [String] = []) throws -> [[String: String]] {
            TableDigits.markdown(try run(["export", project, kind] + source + more + ["--format", "md"]))
        }

        let folds = try TableDigits.textTable(try run(["folds", project] + source), header: "fold")
        TableDigits.compare(folds, try export("folds"), [
            (["fold"], "fold"), (["clips"], "clips"), (["actors"], "actors"), (["α*"], "α*"), (["β*"], "β*"),
            (["ACC_P"], "ACC_P"), (["ACC_S"], "ACC_S"), (["Score"], "Score"), (["α others"], "α others"),
            (["β others"], "β others"), (["honest"], "honest Score"), (["baseline"], "baseline Score"),
        ], "folds")

        let actors = try TableDigits.textTable(try run(["actors", project] + source), header: "actor")
        TableDigits.compare(actors, try export("actors"), [
            (["actor"], "actor"), (["fold"], "fold"), (["blends"], "blends"), (["β*", "β* interval"], "β*"),
            (["|Δβ|"], "|Δβ|"), (["ACC_S@β*"], "ACC_S at β*"), (["ACC_S@β"], "ACC_S at global β"),
            (["margin 50/50"], "median margin 50/50"), (["margin 70/30"], "median margin 70/30"), (["flips"], "flips"),
        ], "actors")

        let emotions = try TableDigits.textTable(try run(["confusion", project] + source), after: "Presence per emotion", header: "emotion")
        TableDigits.compare(emotions, try export("emotions"), ["emotion", "TP", "FP", "FN", "P", "R", "F1"].map { ([$0], $0) }, "emotions")

        let review = try TableDigits.textTable(try run(["review", project] + source), header: "#")
        TableDigits.compare(review, try export("review"), [
            (["#"], "rank"), (["clip"], "clip"), (["label"], "label"), (["margin"], "margin"),
            (["class thr"], "class thr."), (["score"], "score"),
        ], "review")
    }
}

/// Reading the CLI's text tables and the Markdown export, and comparing their figures.
enum TableDigits {
    /// A text table's cells: lines from `header` until a blank line or a line of one cell, split at runs of
    /// two or more spaces (cells hold single spaces only: `.331 [.266, .424]`).
    static func textTable(_ output: String, after heading: String? = nil, header first: String) throws -> [[String: String]] {
        var lines = output.components(separatedBy: "\n")
        if let heading, let h = lines.firstIndex(of: heading) { lines = Array(lines[(h + 1)...]) }
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(first) }, "no table starting \(first) in\n\(output)")
        func cells(_ line: String) -> [String] {
            line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let header = cells(lines[start])
        // A row may end in an empty cell (review's tags), which the trimmed line leaves out.
        return lines[(start + 1)...].prefix { !$0.isEmpty && cells($0).count >= header.count - 1 }
            .map { Dictionary(zip(header, cells($0)), uniquingKeysWith: { a, _ in a }) }
    }

    /// A Markdown table's rows keyed by column title (as escaped: `\|Δβ\|`).
    static func markdown(_ output: String) -> [[String: String]] {
        // The table's lines: the provenance comment before it is not a row.
        let lines = output.split(separator: "\n").filter { $0.hasPrefix("|") }.map { $0.dropFirst(2).dropLast(2).components(separatedBy: " | ") }
        guard let header = lines.first else { return [] }
        // Markdown's escapes (`ang\>hap`) dropped: the CLI prints the text itself.
        return lines.dropFirst(2).map { row in
            Dictionary(zip(header, row.map { $0.replacingOccurrences(of: "\\", with: "") }), uniquingKeysWith: { a, _ in a })
        }
    }

    /// The figures of a cell, each without a leading zero: `0.309` → [`.309`],
    /// `.331 [.266, .424]` → [`.331`, `.266`, `.424`].
    static func figures(_ cell: String) -> [String] {
        cell.replacingOccurrences(of: "[", with: " ").replacingOccurrences(of: "]", with: " ")
            .replacingOccurrences(of: ",", with: " ").split(separator: " ").map { s in
                var s = String(s)
                if s.hasPrefix("0.") && s.count <= 5 { s.removeFirst() }
                if s.hasPrefix("-0.") && s.count <= 6 { s.remove(at: s.index(after: s.startIndex)) }
                return s
            }
    }

    /// Compares `text` and `md` row by row on `pairs` (CLI headers → Markdown title); a CLI
    /// side of several headers reads as their cells joined.
    static func compare(_ text: [[String: String]], _ md: [[String: String]], _ pairs: [([String], String)],
                         _ report: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(text.isEmpty, report, file: file, line: line)
        XCTAssertGreaterThanOrEqual(md.count, text.count, report, file: file, line: line)
        for (r, row) in text.enumerated() where r < md.count {
            for (cli, title) in pairs {
                let left = cli.map { row[$0] ?? "?" }.filter { $0 != "–" }.flatMap(figures)
                let right = figures(md[r][title] ?? md[r][title.replacingOccurrences(of: "|", with: "\\|")] ?? "?").filter { $0 != "–" }
                XCTAssertEqual(left, right, "\(report) row \(r): CLI \(cli) against export \(title)", file: file, line: line)
            }
        }
    }
}
