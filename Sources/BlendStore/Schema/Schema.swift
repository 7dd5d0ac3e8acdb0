import GRDB

/// The project file's whole schema, one migration per version. Never edit a migration that has
/// shipped: later issues append new ones (`v2-...`), so every existing project upgrades in place.
enum Schema {
    /// The migration every blendscope project has: how a project is told from another program's
    /// GRDB database.
    static let firstMigration = "v1-project"

    /// The project-format version a new project is written in: the number of migrations. A test
    /// keeps it equal to the migrator's count, so appending a migration bumps it.
    static let formatVersion = 7

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration, migrate: createVersion1)
        migrator.registerMigration("v2-job-interrupted", migrate: allowInterruptedJobs)
        migrator.registerMigration("v3-training", migrate: createTrainingTables)
        migrator.registerMigration("v4-job-metrics", migrate: addJobMetrics)
        migrator.registerMigration("v5-unlabelled-clips", migrate: allowUnlabelledClips)
        migrator.registerMigration("v6-source-thresholds", migrate: createSourceThresholds)
        migrator.registerMigration("v7-views", migrate: createViews)
        return migrator
    }

    /// Version 1: clips, encoders and their outputs, fusions, jobs, notes, tags and settings.
    private static func createVersion1(_ db: Database) throws {
        // One row per clip, named by the file-name stem (`A102_ang_int1_ver1`). The label is
        // `Label.description` (`ang:30;hap:70`); `kind` repeats its type for cheap filtering.
        // Video columns stay empty until a video folder is attached.
        try db.create(table: "clip") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("filename", .text).notNull().unique()
            t.column("actor", .text).notNull().indexed()
            t.column("split", .text).notNull().check { ["train", "test"].contains($0) }
            t.column("fold", .integer).check { $0 == nil || ($0 >= 0 && $0 <= 4) }
            t.column("label", .text).notNull()
            t.column("kind", .text).notNull().check { ["single", "50/50", "70/30"].contains($0) }
            t.column("video_path", .text)
            t.column("duration", .double)
            t.column("fps", .double)
            t.column("frames", .integer)
        }

        // A source of probabilities and/or features: imported from files, trained here, or a
        // fusion's output. `config` is JSON (training or fusion settings), null for imports.
        try db.create(table: "encoder") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique()
            t.column("modality", .text).notNull()
            t.column("source", .text).notNull().check { ["imported", "trained", "fused"].contains($0) }
            t.column("created", .datetime).notNull()
            t.column("config", .jsonText)
        }

        // Six class probabilities per clip per encoder, in the challenge's class order. Small
        // rows keyed by the pair: WITHOUT ROWID keeps them clustered by encoder for fast loads.
        try db.create(table: "probability", options: .withoutRowID) { t in
            t.column("encoder_id", .integer).notNull().references("encoder", onDelete: .cascade)
            t.column("clip_id", .integer).notNull().references("clip", onDelete: .cascade)
            for e in ["ang", "disg", "fea", "hap", "sad", "neu"] { t.column(e, .double).notNull() }
            t.primaryKey(["encoder_id", "clip_id"])
        }

        // At most one feature set per encoder; its rows are little-endian Float32 BLOBs of
        // `dimension` values each (kept in a rowid table: the BLOBs are large).
        try db.create(table: "feature_set") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("encoder_id", .integer).notNull().unique().references("encoder", onDelete: .cascade)
            t.column("dimension", .integer).notNull().check { $0 > 0 }
            t.column("source_file", .text).notNull()
            t.column("created", .datetime).notNull()
        }
        try db.create(table: "feature_row") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("feature_set_id", .integer).notNull().references("feature_set", onDelete: .cascade)
            t.column("clip_id", .integer).notNull().references("clip", onDelete: .cascade)
            t.column("vector", .blob).notNull()
            t.uniqueKey(["feature_set_id", "clip_id"])
        }

        // A saved late fusion: `weights` is a JSON array of {encoder, weight}; `honest_score` is
        // the out-of-sample Score (e.g. thresholds chosen on other folds), `in_sample_score` the
        // one measured on the data that chose them. `output_encoder_id` names the fused encoder
        // holding its probabilities, if they were materialised.
        try db.create(table: "fusion") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique()
            t.column("weights", .jsonText).notNull()
            t.column("alpha", .double).notNull()
            t.column("beta", .double).notNull()
            t.column("method", .text).notNull()
            t.column("honest_score", .double)
            t.column("in_sample_score", .double)
            t.column("created", .datetime).notNull()
            t.column("output_encoder_id", .integer).references("encoder", onDelete: .setNull)
            t.column("provenance", .text)
        }

        // Background work (training, optimisation, decoding). Another process may set
        // `cancel_requested`; the worker polls it and ends with status `cancelled`.
        try db.create(table: "job") { t in
            jobColumns(t, statuses: ["queued", "running", "succeeded", "failed", "cancelled"])
        }

        try db.create(table: "note") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("clip_id", .integer).notNull().indexed().references("clip", onDelete: .cascade)
            t.column("text", .text).notNull()
            t.column("created", .datetime).notNull()
        }
        try db.create(table: "tag") { t in
            t.column("clip_id", .integer).notNull().references("clip", onDelete: .cascade)
            t.column("tag", .text).notNull().indexed()
            t.column("created", .datetime).notNull()
            t.primaryKey(["clip_id", "tag"])
        }

        // Exactly one row (id = 1): what the TUI opens on. The default thresholds sit in the
        // ranges the reference system reports (α 0.10–0.14, β 0.05–0.43) until `use` sets them.
        try db.create(table: "settings") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("source_kind", .text).check { $0 == nil || ["encoder", "fusion"].contains($0) }
            t.column("source_name", .text)
            t.column("alpha", .double).notNull()
            t.column("beta", .double).notNull()
        }
        try db.execute(sql: "INSERT INTO settings (id, alpha, beta) VALUES (1, 0.1, 0.2)")
    }
}
