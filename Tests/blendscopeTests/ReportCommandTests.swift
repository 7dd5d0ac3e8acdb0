import BlendFigures
import Foundation
import XCTest

/// `blendscope report` through the binary: one self-contained page, the same bytes twice,
/// export's --out safety; and the page loaded in a real browser (headless Chromium).
final class ReportCommandTests: XCTestCase {
    private static let sections = ["summary", "sources", "heatmap", "folds", "actors", "confusion", "fusion", "durations", "provenance"]
    private static let figures = ["heatmap", "beta-curves", "actor-beta", "confusion", "fusion-weights", "durations"]
    private static let time = ["SOURCE_DATE_EPOCH": "1767323045"]

    private func report(_ project: String, _ out: String, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["report", project, "--out", out, "--replicates", "200"] + extra, environment: Self.time)
    }

    func testOneSelfContainedPageTheSameTwice() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try ReportProject.make(in: dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: project))
        let out = dir.appendingPathComponent("report.html").path
        let r = try report(project, out)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "wrote \(out) (HTML report, encoder face at α 0.0974 β 0.4763)\n")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        for id in Self.sections { XCTAssertTrue(html.contains("<section id=\"\(id)\">"), id) }
        for kind in Self.figures { XCTAssertTrue(html.contains("<figure data-figure=\"\(kind)\">"), kind) }
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, Self.figures.count)
        for fetch in ["<script", "<link", "src=", "<img", "@import"] { XCTAssertFalse(html.contains(fetch), fetch) }
        XCTAssertTrue(html.contains("<dd>2026-01-02T03:04:05Z</dd>"), "SOURCE_DATE_EPOCH is the provenance's time")
        XCTAssertTrue(html.contains("<dt>fusion</dt><dd>late</dd>"))
        let again = dir.appendingPathComponent("again.html").path
        XCTAssertEqual(try report(project, again).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: again)), Data(html.utf8), "the same report twice")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: project)), before, "report only reads the project")
    }

    func testRefusalsLeaveNoFile() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try PublicSetProject.make(in: dir)
        let out = dir.appendingPathComponent("r.html").path
        for (arguments, environment, message) in [
            (["report", project, "--out", dir.path], [String: String](), dir.path),
            (["report", project, "--out", out], ["SOURCE_DATE_EPOCH": "yesterday"], "SOURCE_DATE_EPOCH must be whole seconds"),
            (["report", project, "--encoder", "nope", "--out", out], [:], "nope"),
            (["report", project, "--fusion", "nope", "--out", out], [:], "nope"),
        ] {
            let r = try CLI.run(arguments, environment: environment)
            XCTAssertNotEqual(r.status, 0, "\(arguments)")
            XCTAssertTrue(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(arguments) wrote a file")
        }
        // Without a fusion or videos the report still comes, saying what is missing where.
        let r = try CLI.run(["report", project, "--out", out, "--replicates", "100"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(html.contains("No fusion is saved in this project"))
        XCTAssertTrue(html.contains("link the videos first"))
    }

    // MARK: - In a browser

    /// Debian's `chromium`; `make test` installs it and sets BLENDSCOPE_MAKE_TEST, under which
    /// its absence fails the test instead of skipping it.
    private func chromium() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for dir in path.split(separator: ":") + ["/usr/bin"] {
            let candidate = "\(dir)/chromium"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        if ProcessInfo.processInfo.environment["BLENDSCOPE_MAKE_TEST"] == "1" {
            XCTFail("chromium is not installed, and `make test` should have installed it (scripts/install-deps.sh)")
        }
        throw XCTSkip("chromium is not installed (apt-get install chromium; `make test` installs it)")
    }

    /// Runs headless Chromium on `page` with `arguments`; its standard output and error.
    private func browse(_ chromium: String, _ page: String, _ arguments: [String], in dir: URL) throws -> (out: String, err: String) {
        let profile = dir.appendingPathComponent("profile-\(UUID().uuidString)")
        let outFile = dir.appendingPathComponent("chromium.out"), errFile = dir.appendingPathComponent("chromium.err")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        // As root Chromium needs --no-sandbox; its own profile, so that parallel runs never share one.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                             "--enable-logging=stderr", "--v=0"] + arguments + [URL(fileURLWithPath: page).absoluteString]
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        try process.run()
        process.waitUntilExit()
        let err = try String(contentsOf: errFile, encoding: .utf8)
        XCTAssertEqual(process.terminationStatus, 0, err)
        return (try String(contentsOf: outFile, encoding: .utf8), err)
    }

    func testTheReportRendersInABrowser() throws {
        let chromium = try chromium()
        let dir = try CLI.scratchDirectory(self)
        let project = try ReportProject.make(in: dir)
        let page = dir.appendingPathComponent("report.html").path
        XCTAssertEqual(try report(project, page).status, 0)

        let (dom, log) = try browse(chromium, page, ["--dump-dom"], in: dir)
        // The page has no script: any console message (a refused load, a parse error) is a fault.
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        XCTAssertEqual(console, [], "console messages")
        for id in Self.sections { XCTAssertTrue(dom.contains("<section id=\"\(id)\">"), "section \(id) in the rendered page") }
        for kind in Self.figures {
            let parts = dom.components(separatedBy: "<figure data-figure=\"\(kind)\">")
            XCTAssertEqual(parts.count, 2, "figure \(kind) in the rendered page")
            guard parts.count == 2, let svg = parts[1].components(separatedBy: "</svg>").first else { continue }
            XCTAssertTrue(svg.contains("<svg"), "\(kind): no <svg>")
            XCTAssertGreaterThan(svg.components(separatedBy: "<path").count + svg.components(separatedBy: "<use").count, 40,
                                 "\(kind): an empty <svg>")
        }

        // Desktop and phone widths: a screenshot that is not one flat colour.
        for (name, size) in [("desktop", "1280,3000"), ("phone", "390,3000")] {
            let shot = dir.appendingPathComponent("\(name).png")
            _ = try browse(chromium, page, ["--screenshot=\(shot.path)", "--window-size=\(size)", "--hide-scrollbars"], in: dir)
            let summary = try FigureRenderer.summarisePNG(try Data(contentsOf: shot))
            XCTAssertEqual(summary.width, Int(size.split(separator: ",")[0]), name)
            XCTAssertGreaterThan(summary.colours, 64, "\(name): a blank screenshot")
        }

        // Print: the print style sheet gives a PDF of several pages.
        let pdf = dir.appendingPathComponent("report.pdf")
        _ = try browse(chromium, page, ["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer"], in: dir)
        let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("%PDF-"))
        XCTAssertGreaterThan(text.components(separatedBy: "/Type /Page").count - text.components(separatedBy: "/Type /Pages").count, 2,
                             "a printed report of several pages")
    }
}
