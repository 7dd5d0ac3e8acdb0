import Foundation
import XCTest

/// pdflatex for the tests that compile LaTeX exports.
enum PDFLaTeX {
    static var executable: String? {
        ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// pdflatex's path; skips the test without it, except under `make test`
    /// (BLENDSCOPE_MAKE_TEST), whose scripts/install-deps.sh installs it: there it fails.
    static func require() throws -> String {
        if let tool = executable { return tool }
        if ProcessInfo.processInfo.environment["BLENDSCOPE_MAKE_TEST"] != nil {
            XCTFail("pdflatex is missing under make test: scripts/install-deps.sh installs texlive-latex-base and texlive-latex-recommended")
        }
        throw XCTSkip("pdflatex is not installed (make test installs texlive-latex-base and texlive-latex-recommended)")
    }

    /// The log lines of errors (`!`) and of every `Overfull \hbox` when `table` is compiled.
    static func problems(_ table: URL, twoColumn: Bool, pdflatex: String, in dir: URL) throws -> [String] {
        let log = try compile(table, twoColumn: twoColumn, pdflatex: pdflatex, in: dir)
        return log.split(separator: "\n").filter { $0.hasPrefix("!") || $0.contains("Overfull \\hbox") }.map(String.init)
    }

    /// Compiles `table` inside a one- or two-column article; returns pdflatex's log.
    static func compile(_ table: URL, twoColumn: Bool, pdflatex: String, in dir: URL) throws -> String {
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
