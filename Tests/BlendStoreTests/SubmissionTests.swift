import BlendCore
import Foundation
import XCTest
@testable import BlendStore

final class SubmissionTests: XCTestCase {
    func testEntriesPutTheLargerSalienceFirst() {
        XCTAssertEqual(Submission.entries(.single(.neu)).map(\.emotion), ["neu"])
        XCTAssertEqual(Submission.entries(.single(.neu)).map(\.salience), [100])
        XCTAssertEqual(Submission.entries(.blend(.hap, 70, .ang)).map(\.emotion), ["hap", "ang"])
        XCTAssertEqual(Submission.entries(.blend(.hap, 70, .ang)).map(\.salience), [70, 30])
        XCTAssertEqual(Submission.entries(.blend(.sad, 50, .fea)).map(\.emotion), ["fea", "sad"])
    }

    func testHandMadeFileIsExactlyTheTemplatesShape() {
        let clips = [
            ClipInfo(name: "A1_hap_int1_ver1", actor: "A1", split: .test, fold: nil, label: .single(.hap)),
            ClipInfo(name: "A1_mix_ang_hap_70_30_ver1", actor: "A1", split: .test, fold: nil, label: .blend(.ang, 70, .hap)),
        ]
        // hap alone; ang .3 hap .5 is a 70/30 toward hap at β .1.
        let p = [0.02, 0.02, 0.02, 0.9, 0.02, 0.02, 0.3, 0.05, 0.05, 0.5, 0.05, 0.05]
        let submission = Submission(clips: ScoredClips(clips: clips, probabilities: p), thresholds: Thresholds(alpha: 0.1, beta: 0.1))
        XCTAssertEqual(submission.json(), """
            {
              "predictions": {
                "A1_hap_int1_ver1.mov": [{"emotion": "hap", "salience": 100.0}],
                "A1_mix_ang_hap_70_30_ver1.mov": [{"emotion": "hap", "salience": 70.0}, {"emotion": "ang", "salience": 30.0}]
              }
            }

            """)
        XCTAssertEqual(Submission(clips: ScoredClips(clips: [], probabilities: []), thresholds: Thresholds(alpha: 0.1, beta: 0.1)).json(),
                       "{\n  \"predictions\": {}\n}\n")
    }

    /// The challenge's `submission_template.json`: one object with the single key
    /// `predictions`, mapping every test video (`<name>.mov`) to a list of one entry
    /// `{"emotion", "salience": 100}` or two with distinct non-neutral emotions whose saliences
    /// are 50/50 or 70/30.
    static func assertTemplateShape(_ text: String, files: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [String: Label] {
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], file: file, line: line)
        XCTAssertEqual(Array(root.keys), ["predictions"], file: file, line: line)
        let predictions = try XCTUnwrap(root["predictions"] as? [String: [[String: Any]]], file: file, line: line)
        XCTAssertEqual(Set(predictions.keys), Set(files), file: file, line: line)
        var labels = [String: Label]()
        for (name, entries) in predictions {
            XCTAssertTrue(name.hasSuffix(".mov"), name, file: file, line: line)
            var parts = [String]()
            for entry in entries {
                XCTAssertEqual(Set(entry.keys), ["emotion", "salience"], name, file: file, line: line)
                let emotion = try XCTUnwrap(entry["emotion"] as? String, file: file, line: line)
                let salience = try XCTUnwrap(entry["salience"] as? Double, file: file, line: line)
                XCTAssertNotNil(Emotion(code: emotion), name, file: file, line: line)
                parts.append("\(emotion):\(Int(salience))")
            }
            // Label's own parser enforces the rest: 100 alone, or two distinct non-neutral
            // emotions at 50/50 or 70/30.
            let label = try XCTUnwrap(Label(parts.sorted { Emotion(code: String($0.prefix { $0 != ":" }))! < Emotion(code: String($1.prefix { $0 != ":" }))! }.joined(separator: ";")),
                                      "\(name): \(parts)", file: file, line: line)
            labels[String(name.dropLast(4))] = label
        }
        return labels
    }

    func testPublicSetTestSplitPassesTheTemplateSchema() throws {
        let project = try TestProject.publicSet(self)
        let test = try project.store.scoredClips(source: .encoder("face")).filter { $0.split == .test }
        XCTAssertEqual(test.count, 161)
        let t = Thresholds(alpha: 0.1, beta: 0.2)
        let text = Submission(clips: test, thresholds: t).json()
        XCTAssertTrue(text.contains("\"salience\": 100.0}"))
        let labels = try Self.assertTemplateShape(text, files: test.clips.map { $0.name + ".mov" })
        for n in test.clips.indices {
            XCTAssertEqual(labels[test.clips[n].name], test.prediction(of: n, t), test.clips[n].name)
        }
    }
}
