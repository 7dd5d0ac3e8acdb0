import BlendCore
import Foundation
import GRDB

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
    static func importChallengeCopy(_ files: Files, pairs: [(clip: String, file: String)], into store: ProjectStore) throws {
        guard let challenge = files.challenge else { return }
        try store.importMetadata(from: challenge.appendingPathComponent("test_metadata.csv"))
        try store.copyDemoClipData(pairs.map { ($0.clip, ClipName.stem(of: $0.file)) }, videos: false)
    }

    /// Links each unlabelled copy to its original clip's video, by the mapping in
    /// `challenge/hidden_test_labels.csv` (`filename,clip,label`), once the videos are linked.
    public static func linkChallengeVideos(in store: ProjectStore, files folder: String) throws {
        let url = URL(fileURLWithPath: folder).appendingPathComponent("challenge/hidden_test_labels.csv")
        let table = try CSVTable(contentsOf: url)
        guard let file = table.header.firstIndex(of: "filename"), let clip = table.header.firstIndex(of: "clip") else {
            throw InputError(file: table.file, line: 1, "expected columns filename and clip")
        }
        let pairs = table.rows.compactMap { record -> (String, String)? in
            guard record.fields.count > max(file, clip) else { return nil }
            return (record.fields[clip], ClipName.stem(of: record.fields[file]))
        }
        try store.copyDemoClipData(pairs, videos: true)
    }
}

extension ProjectStore {
    /// For each (original, copy) pair of clip names: the original's probabilities and feature
    /// rows for every encoder (or, with `videos`, its video columns) copied onto the copy.
    func copyDemoClipData(_ pairs: [(original: String, copy: String)], videos: Bool) throws {
        try pool.write { db in
            let statements = videos ? [
                """
                UPDATE clip SET (video_path, duration, fps, frames) =
                    (SELECT video_path, duration, fps, frames FROM clip WHERE filename = ?1)
                WHERE filename = ?2
                """,
            ] : [
                """
                INSERT INTO probability (encoder_id, clip_id, ang, disg, fea, hap, sad, neu)
                SELECT encoder_id, (SELECT id FROM clip WHERE filename = ?2), ang, disg, fea, hap, sad, neu
                FROM probability WHERE clip_id = (SELECT id FROM clip WHERE filename = ?1)
                """,
                """
                INSERT INTO feature_row (feature_set_id, clip_id, vector)
                SELECT feature_set_id, (SELECT id FROM clip WHERE filename = ?2), vector
                FROM feature_row WHERE clip_id = (SELECT id FROM clip WHERE filename = ?1)
                """,
            ]
            for sql in statements {
                let statement = try db.makeStatement(sql: sql)
                for pair in pairs {
                    statement.setUncheckedArguments([pair.original, pair.copy])
                    try statement.execute()
                }
            }
        }
    }
}
