import GRDB

extension Schema {
    /// Version 3: what a training run leaves beside its encoder (`source = 'trained'`, whose
    /// `config` holds the run's settings as JSON and whose probabilities are the run's
    /// out-of-fold and test predictions). Every table hangs off the encoder with ON DELETE
    /// CASCADE, so deleting the encoder removes the whole run in one statement.
    static func createTrainingTables(_ db: Database) throws {
        // One row per trained encoder. `feature_source` is the name of the encoder whose
        // features were used, kept as text so that the run still says where it came from if
        // that encoder is deleted later. The scores are the out-of-fold ones at the official
        // grid's best α/β.
        try db.create(table: "training_run") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("encoder_id", .integer).notNull().unique().references("encoder", onDelete: .cascade)
            t.column("feature_source", .text).notNull()
            t.column("feature_dimension", .integer).notNull().check { $0 > 0 }
            t.column("train_clips", .integer).notNull()
            t.column("test_clips", .integer).notNull()
            t.column("alpha", .double).notNull()
            t.column("beta", .double).notNull()
            t.column("acc_presence", .double).notNull()
            t.column("acc_salience", .double).notNull()
            t.column("score", .double).notNull()
            t.column("seconds", .double).notNull()
            t.column("created", .datetime).notNull()
        }

        // Per-epoch curves. `stage` is the held-out fold (0–4) or -1 for the model trained on
        // all folds, which has no validation figures (its columns stay NULL).
        try db.create(table: "training_curve", options: .withoutRowID) { t in
            t.column("run_id", .integer).notNull().references("training_run", onDelete: .cascade)
            t.column("stage", .integer).notNull().check { $0 >= -1 }
            t.column("epoch", .integer).notNull().check { $0 >= 1 }
            t.column("train_loss", .double).notNull()
            t.column("validation_loss", .double)
            t.column("acc_presence", .double)
            t.column("acc_salience", .double)
            t.column("score", .double)
            t.column("alpha", .double)
            t.column("beta", .double)
            t.primaryKey(["run_id", "stage", "epoch"])
        }

        // The models, enough to predict again: weights and batch-norm statistics as Float32
        // BLOBs, the standardisation as Float64 BLOBs (it is fitted in Double). `stage` as in
        // `training_curve`.
        try db.create(table: "training_model") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("run_id", .integer).notNull().references("training_run", onDelete: .cascade)
            t.column("stage", .integer).notNull().check { $0 >= -1 }
            t.column("architecture", .text).notNull()
            t.column("input_width", .integer).notNull().check { $0 > 0 }
            t.column("dropout", .double).notNull()
            t.column("best_epoch", .integer).notNull()
            t.column("epochs_run", .integer).notNull()
            t.column("parameters", .blob).notNull()
            t.column("state", .blob).notNull()
            t.column("mean", .blob).notNull()
            t.column("scale", .blob).notNull()
            t.uniqueKey(["run_id", "stage"])
        }
    }
}
