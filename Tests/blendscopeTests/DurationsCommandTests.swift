import BlendTestSupport
import Foundation
import XCTest

/// `durations` and `export durations` through the binary, on ``HandProject`` with tiny videos
/// made by the `ffmpeg` command line and linked by `import --videos`:
/// - 1 s: A3's `hap` and A9's `sad` (both right at α .1);
/// - 3 s: A1's 50/50 blends with margins .20 and .10 (right at the current β .2395);
/// - 4 s: A1's 70/30 with margin .30 (right) and A2's 70/30 blends with margins .08 and .06
///   (called 50/50 at β .2395: wrong; right at β .05, their bin's best);
/// - no video: A1's third 50/50 blend and A9's ang/sad blend.
///
/// With `--edges 2,3.5` the bins are `< 2`, `2–3.5`, `≥ 3.5`. Over the official β at α .1 the
/// seven clips with a video are right 3, 1, 2, 2, 3, 3, 2, … times: the best β is .05.
final class DurationsCommandTests: XCTestCase {
    private static let seconds: [String: Int] = [
        "A3_hap_int1_ver1": 1, "A9_sad_int1_ver1": 1,
        "A1_mix_ang_hap_50_50_ver1": 3, "A1_mix_ang_hap_50_50_ver2": 3,
        "A1_mix_ang_hap_70_30_ver1": 4, "A2_mix_ang_hap_70_30_ver1": 4, "A2_mix_ang_hap_70_30_ver2": 4,
    ]

    private func projectWithVideos() throws -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ffmpeg") || which("ffmpeg") else {
            throw XCTSkip("ffmpeg is not installed")
        }
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let videos = dir.appendingPathComponent("videos")
        try FileManager.default.createDirectory(at: videos, withIntermediateDirectories: true)
        for (clip, length) in Self.seconds {
            try ffmpeg(["-v", "error", "-y", "-f", "lavfi", "-i", "color=c=gray:s=16x16:r=5", "-t", String(length),
                        "-c:v", "mpeg4", videos.appendingPathComponent("\(clip).mov").path])
        }
        let r = try CLI.run(["import", project, "--videos", videos.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        return project
    }

    /// The durations table compiles with pdflatex at both widths, with no overfull line.
    func testTheLaTeXExportCompilesAndFits() throws {
        let pdflatex = try PDFLaTeX.require()
        let project = try projectWithVideos()
        let dir = try CLI.scratchDirectory(self)
        for width in ["text", "column"] {
            let file = dir.appendingPathComponent("durations-\(width).tex")
            let r = try CLI.run(["export", project, "durations", "--edges", "2,3.5", "--format", "tex", "--width", width,
                                 "--out", file.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let problems = try PDFLaTeX.problems(file, twoColumn: width == "column", pdflatex: pdflatex, in: dir)
            XCTAssertTrue(problems.isEmpty, "durations at \(width) width: \(problems.joined(separator: "; "))")
        }
    }

    /// The table shows the export's figures: the shares and counts from the export's counts,
    /// the rates and β* with the export's digits.
    func testTheTableHasTheExportsDigits() throws {
        let project = try projectWithVideos()
        let text = try CLI.run(["durations", project, "--edges", "2,3.5"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let md = try CLI.run(["export", project, "durations", "--edges", "2,3.5", "--format", "md"])
        XCTAssertEqual(md.status, 0, md.stderr)
        // The export has no intervals: its points against the CLI's.
        let table = try TableDigits.textTable(text.stdout, header: "duration").map { row in
            row.mapValues { $0.components(separatedBy: " [")[0] }
        }
        XCTAssertEqual(table.count, 3, text.stdout)
        TableDigits.compare(table, TableDigits.markdown(md.stdout), [
            (["clips"], "clips"), (["ACC_P"], "ACC_P"), (["ACC_S"], "ACC_S"), (["Score"], "Score"),
            (["β*"], "β*"), (["ACC_S@β*"], "ACC_S at β*"), (["margin"], "median margin"),
        ], "durations")
    }

    func testTableJSONAndExportOnAHandMadeProject() throws {
        let project = try projectWithVideos()
        let json = try CLI.json(["durations", project, "--edges", "2,3.5", "--json"])
        XCTAssertEqual(json["binning"] as? String, "edges 2.0, 3.5 s")
        let kinds = try XCTUnwrap(json["durations_by_kind"] as? [[String: Any]])
        XCTAssertEqual(kinds.map { $0["kind"] as? String }, ["single", "50/50", "70/30"])
        XCTAssertEqual(kinds.map { $0["median"] as? Double }, [1, 3, 4])
        XCTAssertEqual(kinds.map { $0["count"] as? Int }, [2, 2, 3])
        XCTAssertEqual(json["cut_points"] as? [Double], [2, 3.5])
        XCTAssertEqual(json["clips_with_duration"] as? Int, 7)
        XCTAssertEqual(json["clips_without_duration"] as? Int, 2)
        XCTAssertEqual(json["best_beta"] as? Double, 0.05)
        XCTAssertEqual(json["alpha"] as? Double, 0.1)
        let bins = try XCTUnwrap(json["bins"] as? [[String: Any]])
        XCTAssertEqual(bins.map { $0["range"] as? String }, ["< 2.00 s", "2.00–3.50 s", "≥ 3.50 s"])
        XCTAssertEqual(bins.map { $0["clips"] as? Int }, [2, 2, 3])
        XCTAssertEqual(bins.map { $0["singles"] as? Int }, [2, 0, 0])
        XCTAssertEqual(bins.map { $0["even_blends"] as? Int }, [0, 2, 0])
        XCTAssertEqual(bins.map { $0["uneven_blends"] as? Int }, [0, 0, 3])
        XCTAssertEqual(bins.map { $0["acc_presence"] as? Double }, [1, 1, 1])
        XCTAssertEqual(bins.map { $0["acc_salience"] as? Double }, [0, 1, 1.0 / 3])
        XCTAssertEqual(bins.map { $0["salience_errors"] as? Int }, [0, 0, 2])
        XCTAssertEqual(bins[2]["best_beta"] as? Double, 0.05)
        XCTAssertEqual(bins[2]["acc_salience_at_best_beta"] as? Double, 1)
        XCTAssertNil(bins[0]["best_beta"], "no blend, no best β (absent, as nil fields are in every verb's JSON)")
        XCTAssertEqual(try XCTUnwrap(bins[1]["best_beta"] as? Double), HandProject.beta2395, accuracy: 1e-12,
                       "its blends need β ≥ .20; of those the nearest the global .05")
        XCTAssertEqual(bins.map { $0["shortest"] as? Double }, [1, 3, 4])
        let correlation = try XCTUnwrap(json["duration_margin_correlation"] as? [String: Any])
        XCTAssertEqual(Set(correlation.keys), ["pearson", "spearman", "blend_pearson", "blend_spearman"])
        XCTAssertLessThan(try XCTUnwrap(correlation["spearman"] as? Double), 0, "the 1 s singles have the widest margins")
        let finding = try XCTUnwrap(json["finding"] as? String)
        XCTAssertTrue(finding.hasPrefix("The longest clips (≥ 3.50 s) are 100% blends against 0% of the shortest (< 2.00 s)"),
                      finding)

        let text = try CLI.run(["durations", project, "--edges", "2,3.5"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("2 clips have no duration (no linked video) and are in no bin."), text.stdout)
        XCTAssertTrue(text.stdout.contains("finding: The longest clips"), text.stdout)
        XCTAssertTrue(text.stdout.contains("median duration by label kind: single 1.00 s (n 2), 50/50 3.00 s (n 2), 70/30 4.00 s (n 3)"),
                      text.stdout)
        let header = try XCTUnwrap(text.stdout.split(separator: "\n").dropFirst().first)
        XCTAssertTrue(header.hasPrefix("duration"), String(header))

        // Quartiles by default: 7 durations 1, 1, 3, 3, 4, 4, 4 cut at 2, 3 and 4 (numpy's quantiles).
        let quartiles = try CLI.json(["durations", project, "--json"])
        XCTAssertEqual(quartiles["cut_points"] as? [Double], [2, 3, 4])
        XCTAssertEqual((quartiles["bins"] as? [[String: Any]])?.map { $0["clips"] as? Int }, [2, 0, 2, 3])

        // Export: CSV read back, one row per bin, the same numbers.
        let csvFile = try CLI.scratchDirectory(self).appendingPathComponent("durations.csv")
        let export = try CLI.run(["export", project, "durations", "--edges", "2,3.5", "--out", csvFile.path, "--no-comments"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let lines = try String(contentsOf: csvFile, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[0].prefix(4), ["bin", "lower_s", "upper_s", "clips"])
        XCTAssertEqual(lines.dropFirst().map { String($0[3]) }, ["2", "2", "3"])
        let salienceColumn = try XCTUnwrap(lines[0].firstIndex(of: "acc_salience"))
        XCTAssertEqual(Double(lines[3][salienceColumn]) ?? -1, 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(lines[1][lines[0].firstIndex(of: "salience_error_share")!], "", "a bin without found pairs has no share")

        let json2 = try CLI.run(["export", project, "durations", "--format", "json"])
        XCTAssertEqual(json2.status, 0, json2.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json2.stdout.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows.map { $0["clips"] as? Int }, [2, 0, 2, 3])
    }

    /// `--json`'s bins are the export's rows under the keys `durations --json` has always used,
    /// with each bin's interval in `ci` (none for the empty bin).
    func testTheJSONBinsAreTheExportsRows() throws {
        let project = try projectWithVideos()
        let json = try CLI.json(["durations", project, "--json", "--replicates", "200"])
        let bins = try XCTUnwrap(json["bins"] as? [[String: Any]])
        let r = try CLI.run(["export", project, "durations", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // An export's JSON holds its rows beside its provenance.
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(document["rows"] as? [[String: Any]])
        XCTAssertEqual(bins.count, rows.count)
        let keys = ["range": "bin", "lower": "lower_s", "upper": "upper_s", "clips": "clips", "singles": "singles",
                    "even_blends": "even_blends", "uneven_blends": "uneven_blends", "best_beta": "best_beta",
                    "acc_salience_at_best_beta": "acc_salience_at_best_beta", "median_margin": "median_margin",
                    "pair_found": "pairs_found", "salience_errors": "salience_errors", "uneven_pair_found": "uneven_pairs_found",
                    "reversed": "reversed"]
        for (bin, row) in zip(bins, rows) {
            for (key, column) in keys {
                XCTAssertEqual(bin[key] as? NSObject, row[column] is NSNull ? nil : row[column] as? NSObject, "\(key) ~ \(column)")
            }
            guard (bin["clips"] as? Int ?? 0) > 0 else {
                XCTAssertNil(bin["ci"], "an empty bin has no interval")
                continue
            }
            for key in ["acc_presence", "score"] { XCTAssertEqual(bin[key] as? Double, row[key] as? Double, key) }
            let ci = try XCTUnwrap(bin["ci"] as? [String: Any])
            XCTAssertEqual(ci["resampled"] as? String, "actors")
            XCTAssertEqual(ci["replicates"] as? Int, 200)
            let score = try XCTUnwrap(ci["score"] as? [Double])
            XCTAssertTrue(score.count == 2 && score[0] <= score[1], "\(score)")
        }
    }

    func testBadEdgesAndBinsAreRefusedClearly() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        for (arguments, message) in [
            (["--edges", "3,2"], "edges must increase strictly: 2.0 follows 3.0"),
            (["--edges", "2,abc"], "edge 'abc' is not a number of seconds"),
            (["--edges", "2,3", "--bins", "4"], "give --bins or --edges, not both"),
            (["--bins", "0"], "the number of bins must be 1–100, got 0"),
        ] {
            let r = try CLI.run(["durations", project] + arguments)
            XCTAssertNotEqual(r.status, 0, "\(arguments)")
            XCTAssertTrue(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        let export = try CLI.run(["export", project, "folds", "--edges", "2"])
        XCTAssertNotEqual(export.status, 0)
        XCTAssertTrue(export.stderr.contains("--bins and --edges go with durations"), export.stderr)
    }

    func testAProjectWithoutDurationsSaysToImportVideos() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        for arguments in [["durations", project], ["export", project, "durations"]] {
            let r = try CLI.run(arguments)
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.stderr.contains("has a duration: link the videos first with `blendscope import \(project) --videos DIR`"),
                          r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
    }

    private func which(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    private func ffmpeg(_ arguments: [String]) throws {
        let run = try ChildProcessRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["ffmpeg"] + arguments)
        guard run.status == 0 else { throw CLI.Failure(message: "ffmpeg failed: " + run.stderrText) }
    }
}
