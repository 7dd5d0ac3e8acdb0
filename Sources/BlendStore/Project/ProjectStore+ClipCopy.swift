import BlendCore
import Foundation
import GRDB

extension ProjectStore {
    /// For each (original, copy) pair of clip names: the original's probabilities and feature
    /// rows for every encoder (or, with `videos`, its video columns) copied onto the copy.
    /// Public for BlendDemo, whose anonymised copy of the test split is these copies: rows
    /// copied inside the project, which the importers cannot do.
    public func copyClipData(_ pairs: [(original: String, copy: String)], videos: Bool) throws {
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
