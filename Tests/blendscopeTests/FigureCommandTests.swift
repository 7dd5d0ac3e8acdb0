import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `blendscope figure` through the binary on the public set: every kind in every format, the
/// format rules, the refusals, and cairo loaded only by the verb that draws.
final class FigureCommandTests: XCTestCase {
    private let kinds = ["heatmap", "beta-curves", "confusion", "actor-beta"]

    private func fileBytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func testEveryKindInEveryFormat() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try PublicSetProject.make(in: dir)
        let before = try fileBytes(project)
        for kind in kinds {
            for format in ["pdf", "svg", "png"] {
                let out = dir.appendingPathComponent("\(kind).\(format)").path
                let r = try CLI.run(["figure", project, kind, "--out", out, "--replicates", "100"])
                XCTAssertEqual(r.status, 0, "\(kind) \(format): \(r.stderr)")
                XCTAssertTrue(r.stdout.hasPrefix("wrote \(out) (\(kind), \(format.uppercased()), 252 × "), r.stdout)
                let data = try fileBytes(out)
                switch format {
                case "pdf":
                    let text = String(decoding: data, as: UTF8.self)
                    XCTAssertTrue(text.contains("/MediaBox [ 0 0 252 "), kind)
                    XCTAssertEqual(text.components(separatedBy: "/Type /Page").count - text.components(separatedBy: "/Type /Pages").count, 1, kind)
                case "svg":
                    let text = String(decoding: data, as: UTF8.self)
                    XCTAssertTrue(text.contains("<svg") && text.contains("width=\"252pt\""), kind)
                    XCTAssertTrue(XMLParser(data: data).parse(), "\(kind): SVG does not parse")
                default:
                    let width = data.count > 24 ? data[16..<20].reduce(0) { $0 << 8 | Int($1) } : 0
                    XCTAssertEqual(width, 1050, "\(kind): 252 pt at 300 dpi")
                }
            }
        }
        XCTAssertEqual(try fileBytes(project), before, "figure only reads the project")
    }

    /// fusion-weights and durations need a fusion and durations: on `ReportProject`.
    func testFusionWeightsAndDurationsInEveryFormat() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try ReportProject.make(in: dir)
        for (kind, extra) in [("fusion-weights", ["--fusion", "late"]), ("durations", ["--bins", "4"])] {
            for format in ["pdf", "svg", "png"] {
                let out = dir.appendingPathComponent("\(kind).\(format)").path
                let r = try CLI.run(["figure", project, kind, "--out", out, "--replicates", "100"] + extra)
                XCTAssertEqual(r.status, 0, "\(kind) \(format): \(r.stderr)")
                XCTAssertTrue(r.stdout.hasPrefix("wrote \(out) (\(kind), \(format.uppercased()), 252 × "), r.stdout)
                let data = try fileBytes(out)
                switch format {
                case "pdf": XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("/MediaBox [ 0 0 252 "), kind)
                case "svg": XCTAssertTrue(XMLParser(data: data).parse(), "\(kind): SVG does not parse")
                default: XCTAssertEqual(data.count > 24 ? data[16..<20].reduce(0) { $0 << 8 | Int($1) } : 0, 1050, kind)
                }
                // The same figure twice is the same file.
                let again = dir.appendingPathComponent("again.\(format)").path
                XCTAssertEqual(try CLI.run(["figure", project, kind, "--out", again, "--replicates", "100"] + extra).status, 0)
                XCTAssertEqual(try fileBytes(again), data, "\(kind) \(format) is not reproducible")
            }
        }
        let out = dir.appendingPathComponent("x.pdf").path
        for (arguments, message) in [
            (["figure", project, "fusion-weights", "--out", out], "encoder face is not a fusion: give --fusion NAME (saved: late)"),
            (["figure", project, "fusion-weights", "--fusion", "late", "--split", "train", "--out", out], "does not take --split"),
            (["figure", project, "heatmap", "--bins", "3", "--out", out], "--bins and --edges go with durations"),
        ] {
            let r = try CLI.run(arguments)
            XCTAssertNotEqual(r.status, 0, "\(arguments)")
            XCTAssertTrue(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(arguments) wrote a file")
        }
        let noVideos = try PublicSetProject.make(in: try CLI.scratchDirectory(self))
        let r = try CLI.run(["figure", noVideos, "durations", "--out", out])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("link the videos first"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testFormatFromOptionThenExtensionThenPDFAndStandardOutput() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try PublicSetProject.make(in: dir)
        let svgAsPNG = dir.appendingPathComponent("f.svg").path
        XCTAssertEqual(try CLI.run(["figure", project, "heatmap", "--format", "png", "--out", svgAsPNG]).status, 0)
        XCTAssertEqual(Array(try fileBytes(svgAsPNG).prefix(4)), [0x89, 0x50, 0x4E, 0x47], "--format wins over the extension")
        let plain = dir.appendingPathComponent("figure").path
        XCTAssertEqual(try CLI.run(["figure", project, "confusion", "--rates", "--out", plain]).status, 0)
        XCTAssertTrue(String(decoding: try fileBytes(plain).prefix(5), as: UTF8.self) == "%PDF-", "PDF by default")
        let banded = dir.appendingPathComponent("bands.svg").path
        let b = try CLI.run(["figure", project, "beta-curves", "--bands", "--replicates", "100", "--out", banded])
        XCTAssertEqual(b.status, 0, b.stderr)
        let svg = String(decoding: try fileBytes(banded), as: UTF8.self)
        XCTAssertTrue(svg.contains("fill-opacity:0.15") || svg.contains("fill-opacity=\"0.15\""), "a band")
        let piped = try CLI.run(["figure", project, "heatmap", "--format", "svg", "--width", "page"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.contains("width=\"516pt\""), "standard output when it is not a terminal")
    }

    func testRefusalsLeaveNoFile() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try PublicSetProject.make(in: dir)
        let out = dir.appendingPathComponent("x.pdf").path
        for (arguments, message) in [
            (["figure", project, "heatmap", "--rates", "--out", out], "--rates goes with confusion"),
            (["figure", project, "confusion", "--metric", "acc-s", "--out", out], "--metric goes with heatmap"),
            (["figure", project, "pie", "--out", out], "pie"),
            (["figure", project, "heatmap", "--bands", "--out", out], "--bands goes with beta-curves"),
            (["figure", project, "actor-beta", "--fold", "1", "--out", out], "does not take --split, --fold or --actor"),
            (["figure", project, "heatmap", "--encoder", "nope", "--out", out], "nope"),
        ] {
            let r = try CLI.run(arguments)
            XCTAssertNotEqual(r.status, 0, "\(arguments)")
            XCTAssertTrue(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(arguments) wrote a file")
        }
        let r = try CLI.run(["figure", project, "heatmap", "--out", out], environment: ["BLENDSCOPE_CAIRO_DIR": "/nonexistent"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("libcairo.so.2 not found: install libcairo2 (apt-get install libcairo2)"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    /// Under a pseudo-terminal (util-linux `script`), no --out is refused rather than garbling it.
    func testRefusesToWriteBinaryToATerminal() throws {
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else { throw XCTSkip("no \(script)") }
        let dir = try CLI.scratchDirectory(self)
        let project = try PublicSetProject.make(in: dir)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-eqc", "'\(CLI.executable.path)' figure '\(project)' heatmap", "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1, text)
        XCTAssertTrue(text.contains("standard output is a terminal and a PDF figure is binary"), text)
        XCTAssertFalse(text.contains("%PDF"), text)
    }

    /// What a process maps, from the loader's trace (as LazyLibrariesTests reads it).
    private func mapsCairo(_ arguments: [String]) throws -> (CLI.Result, Bool) {
        let traces = try CLI.scratchDirectory(self)
        let r = try CLI.run(arguments, environment: ["LD_DEBUG": "files",
                                                     "LD_DEBUG_OUTPUT": traces.appendingPathComponent("trace").path])
        var text = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: traces.path) {
            text += try String(contentsOf: traces.appendingPathComponent(name), encoding: .utf8)
        }
        XCTAssertTrue(text.contains("libc.so"), "no loader trace")
        return (r, text.contains("libcairo.so.2"))
    }

    func testOnlyTheFigureVerbLoadsCairo() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try PublicSetProject.make(in: dir)
        for arguments in [["--help"], ["figure", "--help"], ["eval", project]] {
            let (r, cairo) = try mapsCairo(arguments)
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr)")
            XCTAssertFalse(cairo, "\(arguments) mapped cairo")
        }
        let (r, cairo) = try mapsCairo(["figure", project, "heatmap", "--out", dir.appendingPathComponent("h.pdf").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(cairo, "figure draws with cairo")
    }
}
