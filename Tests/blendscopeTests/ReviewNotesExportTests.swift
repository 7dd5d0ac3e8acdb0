import Foundation
import XCTest
import BlendCore
import BlendStore

/// review, note, notes and export through the binary.
final class ReviewNotesExportTests: XCTestCase {
    func testReviewRanksAsTheLibraryAndShowsTags() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.publicSet(in: dir)
        let top = "A533_sad_int3_ver1"
        XCTAssertEqual(try CLI.run(["note", project, top, "--tag", "suspect-label"]).status, 0)
        let r = try CLI.json(["review", project, "--encoder", "face", "--top", "5", "--json"])
        XCTAssertEqual(r["encoders"] as? [String], ["audio"], "the reviewed encoder does not vote")
        let store = try ProjectStore(path: project, create: false)
        let expected = try store.labelReview(source: .encoder("face"))
        XCTAssertEqual(r["disputed"] as? Int, expected.review.disputedCount)
        let ranking = try XCTUnwrap(r["ranking"] as? [[String: Any]])
        XCTAssertEqual(ranking.map { $0["clip"] as? String },
                       expected.review.top(5).map { expected.clips.clips[$0.clip].name })
        XCTAssertEqual(ranking[0]["clip"] as? String, top)
        XCTAssertEqual(ranking[0]["tags"] as? [String], ["suspect-label"])
        let entry = try XCTUnwrap(ranking[0]["entry"] as? [String: Any])
        XCTAssertEqual(entry["alternative"] as? String, "ang")
        XCTAssertEqual(entry["agreeing"] as? Int, 1)

        let train = try CLI.json(["review", project, "--encoder", "face", "--split", "train", "--json"])
        XCTAssertEqual(train["clips"] as? Int, 478)
        let text = try CLI.run(["review", project, "--encoder", "face", "--top", "3"])
        XCTAssertEqual(text.stdout.split(separator: "\n").count, 5, text.stdout)
        XCTAssertTrue(text.stdout.contains("1 other encoder votes"), text.stdout)
        XCTAssertTrue(text.stdout.contains("suspect-label"), text.stdout)
    }

    func testNotesAndTagsAreAddedListedAndRemoved() throws {
        let project = try HandProject.make(in: CLI.scratchDirectory(self))
        let clip = "A2_mix_ang_hap_70_30_ver1"
        let added = try CLI.json(["note", project, clip + ".mov", "--tag", "suspect-label", "--tag", "dim",
                                  "--text", "reads 50/50 to me", "--json"])
        XCTAssertEqual(added["clip"] as? String, clip)
        let annotations = try XCTUnwrap(added["annotations"] as? [[String: Any]])
        XCTAssertEqual(Set(annotations.map { $0["text"] as? String }), ["suspect-label", "dim", "reads 50/50 to me"])
        let noteID = try XCTUnwrap(annotations.first { $0["kind"] as? String == "note" }?["note_id"] as? Int)
        XCTAssertNotNil(annotations.first?["created"] as? String)
        XCTAssertEqual(try CLI.run(["note", project, "A3_hap_int1_ver1", "--tag", "dim"]).status, 0)

        let dim = try CLI.json(["notes", project, "--tag", "dim", "--json"])
        XCTAssertEqual(dim["clips"] as? Int, 2)
        let suspect = try CLI.json(["notes", project, "--tag", "suspect-label", "--json"])
        XCTAssertEqual(suspect["clips"] as? Int, 1)

        // A bad request changes nothing: the unknown note id is refused before the tag goes.
        let refused = try CLI.run(["note", project, clip, "--remove-tag", "dim", "--delete-note", "999"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("\(clip) has no note with id 999"), refused.stderr)
        XCTAssertEqual((try CLI.json(["notes", project, "--clip", clip, "--json"])["annotations"] as? [Any])?.count, 3)

        let removed = try CLI.json(["note", project, clip, "--remove-tag", "dim", "--delete-note", String(noteID), "--json"])
        XCTAssertEqual((removed["annotations"] as? [[String: Any]])?.map { $0["text"] as? String }, ["suspect-label"])
        let unknown = try CLI.run(["note", project, "A5_ang_int1_ver1", "--tag", "x"])
        XCTAssertTrue(unknown.stderr.contains("no clip named 'A5_ang_int1_ver1'"), unknown.stderr)
        let text = try CLI.run(["notes", project])
        XCTAssertTrue(text.stdout.contains("A3_hap_int1_ver1") && text.stdout.contains("#dim"), text.stdout)
        let csv = try CLI.run(["export", project, "notes", "--no-comments"])
        XCTAssertTrue(csv.stdout.hasPrefix("clip,kind,text,created,note_id\n"), csv.stdout)
    }

    func testEveryTableInEveryFormat() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        XCTAssertEqual(try CLI.run(["note", project, "A3_hap_int1_ver1", "--text", "a note, with \"quotes\""]).status, 0)
        for kind in ["confusion", "salience", "emotions", "actors", "folds", "encoders", "notes", "review"] {
            let source = ["encoders", "notes"].contains(kind) ? [] : ["--encoder", "hand"]
            for format in ["csv", "md", "tex", "json"] {
                let r = try CLI.run(["export", project, kind] + source + ["--format", format])
                XCTAssertEqual(r.status, 0, "\(kind) \(format): \(r.stderr)")
                switch format {
                case "csv":
                    // The provenance comes first as `#` lines, then the header.
                    let header = r.stdout.split(separator: "\n").first { !$0.hasPrefix("#") }
                    XCTAssertTrue(r.stdout.hasPrefix("# table: \(kind)\n"), "\(kind): \(r.stdout)")
                    XCTAssertFalse(header?.contains(" ") ?? true, "\(kind): header keys have no spaces")
                case "md": XCTAssertTrue(r.stdout.hasPrefix("<!-- blendscope export\n") && r.stdout.contains("-->\n\n| "), "\(kind)")
                case "tex": XCTAssertTrue(r.stdout.contains("\\toprule") && r.stdout.contains("\\label{tab:\(kind)}"), "\(kind)")
                default:
                    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
                    XCTAssertNotNil(object?["provenance"] as? [String: Any], "\(kind)")
                    XCTAssertNotNil(object?["rows"] as? [[String: Any]], "\(kind)")
                }
            }
        }
        // The extension picks the format; the file appears whole.
        let out = dir.appendingPathComponent("folds.tex")
        let written = try CLI.run(["export", project, "folds", "--out", out.path])
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertTrue(written.stdout.hasPrefix("wrote \(out.path) (tex, 4 rows)"), written.stdout)
        XCTAssertTrue(try String(contentsOf: out, encoding: .utf8).hasSuffix("\\end{table}\n"))
        let review = try CLI.run(["export", project, "review", "--top", "2", "--format", "csv", "--no-comments"])
        XCTAssertEqual(review.stdout.split(separator: "\n").count, 3, review.stdout)
        let folds = try CLI.run(["export", project, "folds", "--format", "csv"])
        XCTAssertTrue(folds.stdout.contains("\nmean,7,,,1.0,"), folds.stdout)

        for (arguments, message) in [
            (["notes", "--encoder", "hand"], "notes does not take --encoder or --fusion"),
            (["emotions", "--rates"], "--rates goes with confusion or salience"),
            (["submission", "--format", "csv"], "a submission is JSON"),
            (["encoders", "--split", "test"], "encoders does not take --split, --fold or --actor"),
            (["folds", "--top", "3"], "--top goes with review"),
        ] {
            let r = try CLI.run(["export", project] + arguments)
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
        }
        let blocked = dir.appendingPathComponent("blocked.csv")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        let failed = try CLI.run(["export", project, "emotions", "--out", blocked.path])
        XCTAssertNotEqual(failed.status, 0)
        XCTAssertTrue(failed.stderr.contains("\(blocked.path): is a directory; give a file name"), failed.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".partial") }, [])
    }

    func testSubmissionOfTheTestSplit() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let out = dir.appendingPathComponent("predictions.json")
        let r = try CLI.run(["export", project, "submission", "--split", "test", "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("2 clips of test, encoder hand at α 0.1000 β 0.2395"), r.stdout)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        XCTAssertEqual(Array(root.keys), ["predictions"])
        let predictions = try XCTUnwrap(root["predictions"] as? [String: [[String: Any]]])
        XCTAssertEqual(Set(predictions.keys), ["A9_sad_int1_ver1.mov", "A9_mix_ang_sad_50_50_ver1.mov"])
        // sad .9 alone; ang .40 and sad .38 are 50/50 at β .2395.
        XCTAssertEqual(predictions["A9_sad_int1_ver1.mov"]?.map { $0["emotion"] as? String }, ["sad"])
        XCTAssertEqual(predictions["A9_sad_int1_ver1.mov"]?.map { $0["salience"] as? Double }, [100])
        XCTAssertEqual(predictions["A9_mix_ang_sad_50_50_ver1.mov"]?.map { $0["emotion"] as? String }, ["ang", "sad"])
        XCTAssertEqual(predictions["A9_mix_ang_sad_50_50_ver1.mov"]?.map { $0["salience"] as? Double }, [50, 50])
        XCTAssertTrue(try String(contentsOf: out, encoding: .utf8).contains("\"salience\": 50.0"))

        // Without --split a submission is the test split; --alpha/--beta override the current.
        let uneven = try CLI.run(["export", project, "submission", "--beta", "0.01"])
        XCTAssertTrue(uneven.stdout.contains("\"A9_mix_ang_sad_50_50_ver1.mov\": [{\"emotion\": \"ang\", \"salience\": 70.0}, {\"emotion\": \"sad\", \"salience\": 30.0}]"),
                      uneven.stdout)
        XCTAssertFalse(uneven.stdout.contains("A1_"), "training clips stay out")
    }
}
