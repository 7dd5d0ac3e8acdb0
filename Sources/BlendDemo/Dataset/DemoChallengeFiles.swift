import BlendCore

/// The demo's test split as the real challenge ships its test set: anonymised. Each test clip,
/// in the demo's order, becomes `test_0001.mov`, `test_0002.mov` … (`ClipName` rule 6), with
/// no label and no actor; the labels stay in a hidden-label file, so a participant's path
/// (import, decode, submit) can be walked on the demo and the score the submission would get
/// looked up on the labelled demo project.
extension DemoDataset {
    /// (original stem, anonymised file name) for every test clip, in the demo's order.
    public var anonymisedTestNames: [(clip: String, file: String)] {
        let test = clips.filter { $0.info.split == .test }
        let width = max(4, String(test.count).count)
        return test.enumerated().map { n, clip in
            let number = String(n + 1)
            return (clip.name, "test_" + String(repeating: "0", count: width - number.count) + number + ".mov")
        }
    }

    /// The test metadata a participant gets: a `filename` column of anonymised names.
    public func anonymisedTestMetadataCSV(lineEnding: String = "\r\n") -> String {
        (["filename"] + anonymisedTestNames.map(\.file)).map { $0 + lineEnding }.joined()
    }

    /// The encoder's probabilities with the training rows as they are and the test rows under
    /// their anonymised names: what a participant's model writes.
    public func anonymisedProbabilitiesCSV(encoder: Int, lineEnding: String = "\r\n") -> String {
        let renamed = Dictionary(uniqueKeysWithValues: anonymisedTestNames.map { ($0.clip, $0.file) })
        var text = "filename," + Emotion.allCases.map(\.code).joined(separator: ",") + lineEnding
        let units = shippedUnits[encoder]
        for (c, clip) in clips.enumerated() {
            text += renamed[clip.info.name] ?? clip.info.name
            for k in 0..<Emotion.count { text += "," + DemoRounding.decimal(units[c * Emotion.count + k]) }
            text += lineEnding
        }
        return text
    }

    /// The hidden labels: `filename,clip,label` (`test_0001.mov,A401_ang_int1_ver1,ang:100`).
    public func hiddenTestLabelsCSV(lineEnding: String = "\r\n") -> String {
        let labels = Dictionary(uniqueKeysWithValues: clips.map { ($0.info.name, $0.info.label) })
        return "filename,clip,label" + lineEnding + anonymisedTestNames.map { pair in
            "\(pair.file),\(pair.clip),\(labels[pair.clip].map(\.description) ?? "")" + lineEnding
        }.joined()
    }

    /// The challenge's `submission_template.json` for the anonymised names (a neutral
    /// placeholder per clip, as templates carry one).
    public func submissionTemplateJSON() -> String {
        "{\n  \"predictions\": {\n" + anonymisedTestNames.map {
            "    \"\($0.file)\": [{\"emotion\": \"neu\", \"salience\": 100.0}]"
        }.joined(separator: ",\n") + "\n  }\n}\n"
    }
}
