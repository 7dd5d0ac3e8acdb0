import BlendCore
import Foundation
import XCTest

/// The demo's anonymised test split (`NAME.files/challenge/`) walked as README's "Submitting to
/// the challenge" walks it: four commands from the files to a checked submission, then the
/// hidden labels give the score it would get, which the labelled demo project reproduces.
final class DemoChallengeFilesTests: XCTestCase {
    func testTheFourCommandsGiveASubmissionWhoseHiddenScoreTheDemoReproduces() throws {
        let dir = try CLI.scratchDirectory(self)
        let demo = dir.appendingPathComponent("demo.sqlite").path
        let built = try CLI.run(["demo", demo, "--no-videos"])
        XCTAssertEqual(built.status, 0, built.stderr)
        let files = dir.appendingPathComponent("demo.files")
        let challenge = files.appendingPathComponent("challenge")
        let submit = dir.appendingPathComponent("submit.sqlite").path
        let out = dir.appendingPathComponent("predictions.json").path
        let template = challenge.appendingPathComponent("submission_template.json").path
        let steps: [[String]] = [
            ["import", submit, "--metadata", files.appendingPathComponent("train_metadata.csv").path,
             "--metadata", challenge.appendingPathComponent("test_metadata.csv").path],
            ["import", submit, "--probs", challenge.appendingPathComponent("probs_HiCMAE.csv").path, "--encoder", "HiCMAE"],
            ["export", submit, "submission", "--encoder", "HiCMAE", "--template", template, "--out", out],
            ["export", submit, "submission", "--encoder", "HiCMAE", "--check", out, "--template", template],
        ]
        for step in steps {
            let r = try CLI.run(step)
            XCTAssertEqual(r.status, 0, "\(step): \(r.stderr)")
        }

        // Score the submission against the hidden labels, as the challenge would.
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        let predictions = try XCTUnwrap(object?["predictions"] as? [String: [[String: Any]]])
        let hidden = try String(contentsOf: challenge.appendingPathComponent("hidden_test_labels.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst()
        XCTAssertEqual(hidden.count, predictions.count)
        var m = Metrics()
        for line in hidden {
            let f = line.split(separator: ",").map(String.init)
            let label = try XCTUnwrap(Label(f[2]), f[2])
            let entries = try XCTUnwrap(predictions[f[0]], f[0])
            let pairs = try entries.map { e -> String in
                "\(try XCTUnwrap(e["emotion"] as? String)):\(Int(try XCTUnwrap(e["salience"] as? Double)))"
            }
            // Label's spelling lists the classes in order; the file lists the larger first.
            let order = Dictionary(uniqueKeysWithValues: Emotion.allCases.map { ($0.code, $0.rawValue) })
            let spelled = pairs.sorted { order[String($0.prefix { $0 != ":" })]! < order[String($1.prefix { $0 != ":" })]! }
            m.add(label: label, prediction: try XCTUnwrap(Label(spelled.joined(separator: ";"))))
        }
        // The submission decodes HiCMAE at its own best on the training clips.
        let chosen = try CLI.json(["eval", submit, "--encoder", "HiCMAE", "--json"])
        XCTAssertEqual(chosen["thresholds_from"] as? String, "best on train")
        let (alpha, beta) = (try XCTUnwrap(chosen["alpha"] as? Double), try XCTUnwrap(chosen["beta"] as? Double))
        let eval = try CLI.json(["eval", demo, "--encoder", "HiCMAE", "--split", "test", "--alpha", "\(alpha)", "--beta", "\(beta)", "--json"])
        XCTAssertEqual(eval["clips"] as? Int, m.clips)
        XCTAssertEqual(try XCTUnwrap(eval["score"] as? Double), m.score, accuracy: 1e-12)
        // The submission project scores only its training clips and says so.
        let own = try CLI.run(["eval", submit, "--encoder", "HiCMAE"])
        XCTAssertTrue(own.stdout.contains("\(m.clips) unlabelled test clips not scored"), own.stdout)
    }

    /// The demo project holds the anonymised copy as unlabelled test clips: the same
    /// probabilities as their originals under the hidden-label mapping, never scored, and the
    /// submission the challenge wants straight from the demo (`--unlabelled --template`).
    func testTheDemoProjectHoldsTheAnonymisedCopyAsUnlabelledClips() throws {
        let dir = try CLI.scratchDirectory(self)
        let demo = dir.appendingPathComponent("demo.sqlite").path
        let built = try CLI.run(["demo", demo, "--no-videos"])
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(built.stdout.contains("596 unlabelled test clips"), built.stdout)
        let challenge = dir.appendingPathComponent("demo.files/challenge")
        let template = challenge.appendingPathComponent("submission_template.json").path
        let unlabelled = dir.appendingPathComponent("unlabelled.json").path
        let all = dir.appendingPathComponent("all.json").path
        for step in [["export", demo, "submission", "--encoder", "HiCMAE", "--unlabelled", "--template", template, "--out", unlabelled],
                     ["export", demo, "submission", "--encoder", "HiCMAE", "--split", "test", "--out", all],
                     ["export", demo, "submission", "--encoder", "HiCMAE", "--unlabelled", "--check", unlabelled, "--template", template]] {
            let r = try CLI.run(step)
            XCTAssertEqual(r.status, 0, "\(step): \(r.stderr)")
        }
        func predictions(_ path: String) throws -> [String: [[String: Any]]] {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
            return try XCTUnwrap(object?["predictions"] as? [String: [[String: Any]]])
        }
        let copies = try predictions(unlabelled), both = try predictions(all)
        XCTAssertEqual(copies.count, 596)
        XCTAssertEqual(both.count, 1192, "the test split: 596 labelled clips and their 596 unlabelled copies")
        let hidden = try String(contentsOf: challenge.appendingPathComponent("hidden_test_labels.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst()
        XCTAssertEqual(hidden.count, 596)
        for line in hidden {
            let f = line.split(separator: ",").map(String.init)
            // A copy carries its original's probabilities, so it decodes to the same label.
            let copy = try XCTUnwrap(copies[f[0]], f[0]), original = try XCTUnwrap(both[f[1] + ".mov"], f[1])
            XCTAssertEqual(copy.count, original.count, f[0])
            for (a, b) in zip(copy, original) {
                XCTAssertEqual(a["emotion"] as? String, b["emotion"] as? String, f[0])
                XCTAssertEqual(a["salience"] as? Double, b["salience"] as? Double, f[0])
            }
            XCTAssertNotNil(both[f[0]], f[0])
        }
        // Never scored: the labelled figures are those of the clips alone, and every verb says so.
        let eval = try CLI.json(["eval", demo, "--encoder", "HiCMAE", "--json"])
        XCTAssertEqual(eval["clips"] as? Int, 3055)
        XCTAssertEqual(eval["unlabelled"] as? Int, 596)
        let open = try CLI.run([demo])
        XCTAssertTrue(open.stdout.contains("test 596 + 596 unlabelled"), open.stdout)
        // Without --template the copy and the labelled names together do not match the template.
        let mixed = try CLI.run(["export", demo, "submission", "--encoder", "HiCMAE", "--template", template, "--out",
                                 dir.appendingPathComponent("mixed.json").path])
        XCTAssertNotEqual(mixed.status, 0)
        XCTAssertTrue(mixed.stderr.contains("extra"), mixed.stderr)
        let misused = try CLI.run(["export", demo, "submission", "--unlabelled", "--split", "train"])
        XCTAssertNotEqual(misused.status, 0)
        XCTAssertTrue(misused.stderr.contains("--unlabelled takes the test split"), misused.stderr)
    }
}
