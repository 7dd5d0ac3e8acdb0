import GRDB

extension Schema {
    /// Version 5: unlabelled test clips (`test_0001.mov`, `ClipName` rule 6). Their `label`,
    /// `kind` and `actor` are NULL, and `file` keeps the file name as imported — the clip's key
    /// in a submission (labelled clips keep `file` NULL and are submitted as `STEM.mov`).
    ///
    /// SQLite cannot relax a NOT NULL, so `clip` is rebuilt: create `clip_v5`, copy every row
    /// with its id, drop `clip`, rename. `probability`, `feature_row`, `note` and `tag`
    /// reference `clip(id)` ON DELETE CASCADE: dropping `clip` with foreign keys enforced would
    /// delete them all. GRDB's migrator runs a `.deferred` migration (the default) with
    /// `PRAGMA foreign_keys = OFF` and runs `PRAGMA foreign_key_check` before committing
    /// (GRDB/Migration/Migration.swift), which is SQLite's own recipe for such a rebuild
    /// (lang_altertable.html#otheralter); the ids are copied, so every reference still holds.
    static func allowUnlabelledClips(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE clip_v5 (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              filename TEXT NOT NULL UNIQUE,
              actor TEXT,
              split TEXT NOT NULL CHECK (split IN ('train', 'test')),
              fold INTEGER CHECK (fold IS NULL OR (fold >= 0 AND fold <= 4)),
              label TEXT,
              kind TEXT CHECK (kind IS NULL OR kind IN ('single', '50/50', '70/30')),
              video_path TEXT,
              duration DOUBLE,
              fps DOUBLE,
              frames INTEGER,
              file TEXT,
              CHECK ((label IS NULL) = (kind IS NULL)),
              CHECK (label IS NOT NULL OR (actor IS NULL AND split = 'test' AND fold IS NULL AND file IS NOT NULL)),
              CHECK (label IS NULL OR actor IS NOT NULL)
            );
            INSERT INTO clip_v5 (id, filename, actor, split, fold, label, kind, video_path, duration, fps, frames)
              SELECT id, filename, actor, split, fold, label, kind, video_path, duration, fps, frames FROM clip;
            DROP TABLE clip;
            ALTER TABLE clip_v5 RENAME TO clip;
            CREATE INDEX clip_on_actor ON clip(actor);
            """)
    }
}
