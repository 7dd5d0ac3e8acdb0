import Foundation
import XCTest

/// Every LaTeX table `export` writes for the demo compiles with pdflatex in a plain `article`
/// (booktabs, and longtable for long tables) and in a two-column one, without an error or an
/// `Overfull \hbox`: the tables fit the text width and, with `--width column`, the two-column
/// article's 229.9 pt column (narrower than IEEEtran's 252 pt).
/// `make test` installs pdflatex (texlive-latex-base, texlive-latex-recommended) and sets
/// BLENDSCOPE_MAKE_TEST, under which a missing pdflatex fails instead of skipping.
final class LaTeXCompileTests: XCTestCase {
    /// Every table kind, with the options that make it (`compare` needs source B).
    static let exports: [(name: String, arguments: [String])] = [
        ("confusion", ["confusion"]), ("confusion-rates", ["confusion", "--rates"]),
        ("salience", ["salience"]), ("salience-rates", ["salience", "--rates"]),
        ("emotions", ["emotions"]), ("emotion-folds", ["emotion-folds"]), ("actors", ["actors"]),
        ("actors-top", ["actors", "--top", "10"]), ("folds", ["folds"]), ("encoders", ["encoders"]),
        ("notes", ["notes"]), ("review", ["review"]), ("review-top", ["review", "--top", "25"]),
        ("compare", ["compare", "--encoder", "HiCMAE", "--encoder-b", "VideoMAE"]),
    ]

    func testEveryLaTeXExportOfTheDemoCompilesAndFitsTheTextWidthAndAColumn() throws {
        let pdflatex = try PDFLaTeX.require()
        let dir = try CLI.scratchDirectory(self)
        let project = try SharedDemo.project()
        let encoders = try CLI.run(["export", project, "encoders", "--format", "csv", "--no-comments"])
        let names = encoders.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
        var exports = Self.exports
        if let i = exports.firstIndex(where: { $0.name == "compare" }), names.count >= 2 {
            exports[i].arguments = ["compare", "--encoder", names[0], "--encoder-b", names[1]]
        }
        for width in ["text", "column"] {
            for export in exports {
                let file = dir.appendingPathComponent("\(export.name)-\(width).tex")
                let r = try CLI.run(["export", project] + export.arguments + ["--format", "tex", "--width", width, "--out", file.path])
                XCTAssertEqual(r.status, 0, "\(export.name): \(r.stderr)")
                guard r.status == 0 else { continue }
                let problems = try PDFLaTeX.problems(file, twoColumn: width == "column", pdflatex: pdflatex, in: dir)
                XCTAssertTrue(problems.isEmpty, "\(export.name) at \(width) width: \(problems.joined(separator: "; "))")
            }
        }
    }

    func testCaptionLabelShortLabelsAndPaperNumbers() throws {
        let project = try SharedDemo.project()
        let confusion = try CLI.run(["export", project, "confusion", "--format", "tex", "--caption", "Presence & more.",
                                     "--label", "tab:mine"])
        XCTAssertEqual(confusion.status, 0, confusion.stderr)
        XCTAssertTrue(confusion.stdout.contains("\\caption{Presence \\& more.}"), confusion.stdout)
        XCTAssertTrue(confusion.stdout.contains("\\label{tab:mine}"))
        XCTAssertTrue(confusion.stdout.contains("a+d"), "short class names")
        XCTAssertTrue(confusion.stdout.contains("a anger, d disgust, f fear, h happiness, s sadness, n neutral"), "the legend")
        let folds = try CLI.run(["export", project, "folds", "--format", "tex", "--replicates", "200"])
        XCTAssertNotNil(folds.stdout.range(of: #"\.\d{3} \[\.\d{3}, \.\d{3}\]"#, options: .regularExpression), folds.stdout)
        let refused = try CLI.run(["export", project, "folds", "--format", "csv", "--caption", "x"])
        XCTAssertEqual(refused.status, 64)
        XCTAssertTrue(refused.stderr.contains("--caption, --label and --width go with LaTeX"), refused.stderr)
    }
}
