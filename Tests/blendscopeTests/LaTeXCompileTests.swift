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

    static var pdflatex: String? {
        ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private func requirePDFLaTeX() throws -> String {
        if let tool = Self.pdflatex { return tool }
        if ProcessInfo.processInfo.environment["BLENDSCOPE_MAKE_TEST"] != nil {
            XCTFail("pdflatex is missing under make test: scripts/install-deps.sh installs texlive-latex-base and texlive-latex-recommended")
        }
        throw XCTSkip("pdflatex is not installed (make test installs texlive-latex-base and texlive-latex-recommended)")
    }

    func testEveryLaTeXExportOfTheDemoCompilesAndFitsTheTextWidthAndAColumn() throws {
        let pdflatex = try requirePDFLaTeX()
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
                let log = try compile(file, twoColumn: width == "column", pdflatex: pdflatex, in: dir)
                let problems = log.split(separator: "\n").filter { $0.hasPrefix("!") || $0.contains("Overfull \\hbox") }
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

    /// Compiles `table` inside a one- or two-column article; returns pdflatex's log.
    private func compile(_ table: URL, twoColumn: Bool, pdflatex: String, in dir: URL) throws -> String {
        let stem = table.deletingPathExtension().lastPathComponent + "-doc"
        let document = """
            \\documentclass\(twoColumn ? "[twocolumn]" : ""){article}
            \\usepackage{booktabs}
            \(twoColumn ? "" : "\\usepackage{longtable}")
            \\begin{document}
            Text before the table.

            \\input{\(table.lastPathComponent)}

            Text after the table.
            \\end{document}

            """
        try document.write(to: dir.appendingPathComponent(stem + ".tex"), atomically: true, encoding: .utf8)
        var log = ""
        // longtable settles its column widths over a second run.
        for _ in 0..<2 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: pdflatex)
            process.arguments = ["-interaction=nonstopmode", "-halt-on-error", stem + ".tex"]
            process.currentDirectoryURL = dir
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            // The log is bytes (TeX writes ^^ notation for what it cannot print).
            log = String(decoding: try Data(contentsOf: dir.appendingPathComponent(stem + ".log")), as: UTF8.self)
            if process.terminationStatus != 0 { return log + "\n! pdflatex exited \(process.terminationStatus)" }
            if !log.contains("Rerun LaTeX") && !log.contains("Table widths have changed") { break }
        }
        return log
    }
}
