import BlendApp
import BlendCore
import Foundation

/// The demo project's unlabelled clips: the anonymised copy of its test split
/// (`challenge/test_metadata.csv`, `test_0001.mov` …), so that the Clips screen, the unlabelled
/// notes and `export submission --split test` show on `make run` what a participant's project
/// holds. Each copy carries its original clip's probabilities for every encoder, its features
/// and its video link: the anonymised files are the same data under other names (the hidden-label
/// file maps them), so copying rows inside the project keeps the two exactly equal and needs no
/// second set of files. The labelled test clips stay, for "what would the submission score".
extension DemoProject {
    /// Imports `challenge/test_metadata.csv` as unlabelled clips and copies each one's original
    /// clip's probabilities and features onto it (`pairs`: original stem, anonymised file name).
    static func importChallengeCopy(_ files: Files, pairs: [(clip: String, file: String)], into session: ProjectSession) throws {
        guard let challenge = files.challenge else { return }
        _ = try session.importMetadata(files: [challenge.appendingPathComponent("test_metadata.csv").path])
        try session.copyClipData(pairs.map { ($0.clip, ClipName.stem(of: $0.file)) }, videos: false)
    }

    /// Links each unlabelled copy to its original clip's video (`pairs`: original stem,
    /// anonymised file name, as `challenge/hidden_test_labels.csv` maps them), once the videos
    /// are linked.
    public static func linkChallengeVideos(in session: ProjectSession, pairs: [(clip: String, file: String)]) throws {
        try session.copyClipData(pairs.map { ($0.clip, ClipName.stem(of: $0.file)) }, videos: true)
    }
}
