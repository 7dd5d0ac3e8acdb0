import Foundation
import XCTest

/// Drives the real binary on a copy of the demo inside tmux (issue 14's task c): Confusion at
/// the source's own thresholds says which they are and shows per-emotion intervals; `e`
/// exports LaTeX byte for byte as `blendscope export PROJECT confusion` does (the same
/// SOURCE_DATE_EPOCH), provenance included; `E` writes a PDF figure next to the project.
final class TUIConfusionExportEndToEndTests: XCTestCase {
    private var session: TmuxSession!

    /// Polls `folder` until a file whose name satisfies `wanted` is there.
    private func waitForFile(in folder: URL, timeout: TimeInterval = 60, _ wanted: (String) -> Bool) throws -> URL {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if let name = names.sorted().first(where: wanted) { return folder.appendingPathComponent(name) }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw CLI.Failure(message: "no such file appeared in \(folder.path): \(try session.screen())")
    }

    func testConfusionExportsLaTeXAsTheCLIDoesAndEWritesAPDF() throws {
        guard (try? CLI.run(["--version"])) != nil else { throw XCTSkip("no blendscope binary") }
        // A copy, so the files written next to it stay out of the shared demo's folder.
        let folder = try CLI.scratchDirectory(self)
        let project = folder.appendingPathComponent("demo.sqlite").path
        try FileManager.default.copyItem(atPath: try SharedDemo.project(), toPath: project)
        let epoch = "1767225600"

        session = try TmuxSession(self, name: "confusion-export", width: 120, height: 34)
        try session.keys("SOURCE_DATE_EPOCH=\(epoch) \(CLI.executable.path) \(project)", "Enter")
        try session.waitFor("the overview") { $0.contains("Encoders at their own best") }
        try session.keys("5")
        let shown = try session.waitFor("the confusion screen with its intervals", timeout: 90) {
            $0.contains("Per emotion") && $0.contains("CI ·")
        }
        XCTAssertTrue(shown.contains("· stored") || shown.contains("· best on train"), "the thresholds' origin:\n\(shown)")

        // e, then LaTeX (CSV, Markdown, LaTeX, JSON) and Enter.
        try session.keys("e")
        try session.waitFor("the export chooser") { $0.contains("Export the presence table") }
        try session.keys("j", "j", "Enter")
        let tex = try waitForFile(in: folder.appendingPathComponent("exports")) { $0.hasSuffix(".tex") }
        let written = try String(contentsOf: tex, encoding: .utf8)
        let cli = try CLI.run(["export", project, "confusion", "--format", "tex"], environment: ["SOURCE_DATE_EPOCH": epoch])
        XCTAssertEqual(cli.status, 0, cli.stderr)
        XCTAssertEqual(written, cli.stdout, "the TUI's export is the CLI's file")
        for key in ["% source: ", "% alpha: ", "% beta: ", "% thresholds: ", "% scope: all", "% blendscope: ", "% created: 2026-01-01T00:00:00Z"] {
            XCTAssertTrue(written.contains(key), "\(key) in\n\(written)")
        }

        // E: the confusion figure, a PDF next to the project.
        try session.keys("E")
        let pdf = try waitForFile(in: folder) { $0.hasPrefix("demo-confusion-") && $0.hasSuffix(".pdf") }
        try session.waitFor("the toast naming the file") { $0.contains(pdf.lastPathComponent) || $0.contains("wrote") }
        let bytes = try Data(contentsOf: pdf)
        XCTAssertEqual(bytes.prefix(5), Data("%PDF-".utf8))
        XCTAssertTrue(String(decoding: bytes.suffix(16), as: UTF8.self).contains("%%EOF"), "a whole PDF")
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("/Type /Page"), "a PDF with a page")
        try session.keys("q")
    }
}
