import BlendCore
import BlendReport

/// A CodaBench submission: every clip decoded at fixed thresholds, written as the challenge's
/// `submission_template.json` has it:
/// `{"predictions": {"<file>.mov": [{"emotion": "hap", "salience": 70.0}, ...]}}`.
/// A single emotion is one entry with salience 100.0; a blend lists the larger salience first
/// (a 50/50 blend in class order). The challenge's scorer compares sets and saliences, so the
/// order is for people reading the file.
public struct Submission: Sendable, Hashable {
    /// One clip's line: its video file name and the decoded label.
    public struct Prediction: Sendable, Hashable {
        public let file: String
        public let label: Label
    }

    /// One per clip, in the clips' order.
    public let predictions: [Prediction]

    /// Decodes every clip of `clips` and of `unlabelled` at `thresholds` with the challenge's
    /// rule. A labelled clip's key is its stem and `.mov` (`A102_ang_int1_ver1.mov`); an
    /// unlabelled one's is its file name as imported (`test_0001.mov`), the template's key.
    public init(clips: ScoredClips, unlabelled: UnlabelledScores = .empty, thresholds: Thresholds) {
        predictions = clips.clips.indices.map { n in
            Prediction(file: clips.clips[n].name + ".mov", label: clips.prediction(of: n, thresholds))
        } + unlabelled.clips.indices.map { n in
            Prediction(file: unlabelled.clips[n].file, label: unlabelled.prediction(of: n, thresholds))
        }
    }

    /// The submission's keys, in its order.
    public var keys: [String] { predictions.map(\.file) }

    /// The entries of one label: (emotion code, salience), larger salience first.
    public static func entries(_ label: Label) -> [(emotion: String, salience: Int)] {
        guard let second = label.second else { return [(label.first.code, 100)] }
        let first = (label.first.code, label.firstSalience), other = (second.code, label.secondSalience)
        return label.secondSalience > label.firstSalience ? [other, first] : [first, other]
    }

    /// The file's text. Saliences are written with one decimal (`70.0`), as in the template's
    /// single entries and the challenge's README.
    public func json() -> String {
        var out = "{\n  \"predictions\": {"
        for (n, p) in predictions.enumerated() {
            out += n == 0 ? "\n" : ",\n"
            let entries = Self.entries(p.label).map {
                "{\"emotion\": \(JSONText.string($0.emotion)), \"salience\": \($0.salience).0}"
            }
            out += "    \(JSONText.string(p.file)): [" + entries.joined(separator: ", ") + "]"
        }
        return out + (predictions.isEmpty ? "}\n}\n" : "\n  }\n}\n")
    }
}
