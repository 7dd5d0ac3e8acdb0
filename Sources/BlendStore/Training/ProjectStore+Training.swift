import BlendCore
import Foundation
import GRDB

extension ProjectStore {
    /// Stores a finished training run as a new encoder (`source: trained`) in one transaction:
    /// the encoder with its configuration, its probabilities, the per-fold curves and every
    /// model's weights. Nothing is written unless everything is.
    ///
    /// An encoder of that name is refused, except a trained one when `replace` is true: it is
    /// then deleted with everything it owns, in the same transaction.
    ///
    /// - Throws: `StoreError.invalid` for a bad record or a name taken, `.unknownEncoder` for
    ///   a feature source the project lacks, `.unknownClip` for a clip it lacks.
    @discardableResult
    public func storeTrainedEncoder(_ record: TrainedEncoderRecord, replace: Bool = false) throws -> TrainingRunInfo {
        let name = try Self.checkedEncoderName(record.name)
        guard record.probabilities.count == record.clips.count * Emotion.count else {
            throw StoreError.invalid("\(record.clips.count) clips need \(record.clips.count * Emotion.count) probabilities, got \(record.probabilities.count)")
        }
        guard record.featureDimension > 0 else { throw StoreError.invalid("a trained encoder needs a feature dimension") }
        guard Set(record.models.map(\.stage)).count == record.models.count else {
            throw StoreError.invalid("training run '\(name)' holds two models for one stage")
        }
        return try pool.write { db in
            guard let sourceID = try EncoderRow.id(db, name: record.featureSource) else {
                throw StoreError.unknownEncoder(record.featureSource)
            }
            let modality = try String.fetchOne(db, sql: "SELECT modality FROM encoder WHERE id = ?", arguments: [sourceID])
            if let existing = try EncoderRow.filter(Column("name") == name).fetchOne(db) {
                guard replace, existing.source == EncoderSource.trained.rawValue else {
                    throw StoreError.invalid(existing.source == EncoderSource.trained.rawValue
                        ? "a trained encoder named '\(name)' already exists (choose another name, or replace it)"
                        : "an \(existing.source) encoder named '\(name)' already exists; only trained encoders can be replaced")
                }
                try Self.deleteEncoder(db, id: existing.id!, name: name)
            }
            let clips = try ClipDirectory(db)
            var clipIDs: [Int64] = []
            clipIDs.reserveCapacity(record.clips.count)
            for stem in record.clips {
                guard let id = clips.id(of: stem) else { throw StoreError.unknownClip(stem) }
                clipIDs.append(id)
            }
            var encoder = EncoderRow(id: nil, name: name, modality: modality ?? Modality.unknown.rawValue,
                                     source: EncoderSource.trained.rawValue, created: Date(), config: record.config)
            try encoder.insert(db)
            let encoderID = encoder.id!

            let insertProbability = try db.makeStatement(sql: """
                INSERT INTO probability (encoder_id, clip_id, ang, disg, fea, hap, sad, neu) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (i, clipID) in clipIDs.enumerated() {
                let p = record.probabilities[(i * Emotion.count)..<((i + 1) * Emotion.count)].map { DatabaseValue(value: $0) }
                insertProbability.setUncheckedArguments(StatementArguments([encoderID.databaseValue, clipID.databaseValue] + p))
                try insertProbability.execute()
            }

            let counts = clips.splitCounts(clipIDs)
            let m = record.outOfFoldMetrics
            try db.execute(sql: """
                INSERT INTO training_run (encoder_id, feature_source, feature_dimension, train_clips, test_clips,
                    alpha, beta, acc_presence, acc_salience, score, seconds, created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [encoderID, record.featureSource, record.featureDimension, counts.train, counts.test,
                                 record.outOfFold.alpha, record.outOfFold.beta, m.accPresence, m.accSalience, m.score,
                                 record.seconds, Date()])
            let runID = db.lastInsertedRowID

            let insertEpoch = try db.makeStatement(sql: """
                INSERT INTO training_curve (run_id, stage, epoch, train_loss, validation_loss, acc_presence,
                    acc_salience, score, alpha, beta) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for e in record.curves {
                insertEpoch.setUncheckedArguments([runID, e.stage.storedValue, e.epoch, e.trainLoss, e.validationLoss,
                                                   e.accPresence, e.accSalience, e.score, e.thresholds?.alpha,
                                                   e.thresholds?.beta])
                try insertEpoch.execute()
            }

            let insertModel = try db.makeStatement(sql: """
                INSERT INTO training_model (run_id, stage, architecture, input_width, dropout, best_epoch, epochs_run,
                    parameters, state, mean, scale) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for model in record.models {
                insertModel.setUncheckedArguments([runID, model.stage.storedValue, model.architecture, model.inputWidth,
                                                   model.dropout, model.bestEpoch, model.epochsRun,
                                                   Float32Blob(model.parameters), Float32Blob(model.state),
                                                   Float64Blob(model.mean), Float64Blob(model.scale)])
                try insertModel.execute()
            }
            return try Self.trainingRuns(db, encoderID: encoderID)[0]
        }
    }

    /// Every stored training run, oldest first.
    public func trainingRuns() throws -> [TrainingRunInfo] {
        try pool.read { db in try Self.trainingRuns(db, encoderID: nil) }
    }

    /// The run that produced trained encoder `encoder`.
    ///
    /// - Throws: `StoreError.unknownEncoder`, or `.invalid` when the encoder was not trained here.
    public func trainingRun(encoder: String) throws -> TrainingRunInfo {
        try pool.read { db in try Self.trainingRuns(db, encoderID: Self.trainedEncoderID(db, encoder))[0] }
    }

    /// The run's curves, by stage (folds ascending, then the final model) and epoch.
    public func trainingCurves(encoder: String) throws -> [TrainingEpoch] {
        try pool.read { db in
            let encoderID = try Self.trainedEncoderID(db, encoder)
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.stage, c.epoch, c.train_loss, c.validation_loss, c.acc_presence, c.acc_salience, c.score,
                       c.alpha, c.beta
                FROM training_curve c JOIN training_run r ON r.id = c.run_id
                WHERE r.encoder_id = ? ORDER BY c.stage = -1, c.stage, c.epoch
                """, arguments: [encoderID])
            return try rows.map { row in
                let r = CheckedRow(row, table: "training_curve", name: "encoder '\(encoder)'")
                let alpha: Double? = try r.optional(7, "alpha"), beta: Double? = try r.optional(8, "beta")
                return TrainingEpoch(stage: try Self.stage(r.value(0, "stage"), encoder), epoch: try r.value(1, "epoch"),
                                     trainLoss: try r.value(2, "train_loss"), validationLoss: try r.optional(3, "validation_loss"),
                                     accPresence: try r.optional(4, "acc_presence"), accSalience: try r.optional(5, "acc_salience"),
                                     score: try r.optional(6, "score"),
                                     thresholds: alpha.flatMap { a in beta.map { Thresholds(alpha: a, beta: $0) } })
            }
        }
    }

    /// The run's models, folds ascending, then the final model.
    public func trainedModels(encoder: String) throws -> [StoredModel] {
        try pool.read { db in
            let encoderID = try Self.trainedEncoderID(db, encoder)
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.stage, m.architecture, m.input_width, m.dropout, m.best_epoch, m.epochs_run,
                       m.parameters, m.state, m.mean, m.scale
                FROM training_model m JOIN training_run r ON r.id = m.run_id
                WHERE r.encoder_id = ? ORDER BY m.stage = -1, m.stage
                """, arguments: [encoderID])
            return try rows.map { row in
                let r = CheckedRow(row, table: "training_model", name: "encoder '\(encoder)'")
                let parameters: Float32Blob = try r.value(6, "parameters"), state: Float32Blob = try r.value(7, "state")
                let mean: Float64Blob = try r.value(8, "mean"), scale: Float64Blob = try r.value(9, "scale")
                return StoredModel(stage: try Self.stage(r.value(0, "stage"), encoder), architecture: try r.value(1, "architecture"),
                                   inputWidth: try r.value(2, "input_width"), dropout: try r.value(3, "dropout"),
                                   bestEpoch: try r.value(4, "best_epoch"), epochsRun: try r.value(5, "epochs_run"),
                                   parameters: parameters.values, state: state.values, mean: mean.values, scale: scale.values)
            }
        }
    }

    /// Deletes trained encoder `name` with its probabilities, run, curves and models. The
    /// project's current source falls back to none if it was this encoder.
    ///
    /// - Throws: `StoreError.unknownEncoder`; `.invalid` for an encoder that was not trained
    ///   here (imports are replaced by importing again) or one a saved fusion still uses.
    public func deleteTrainedEncoder(_ name: String) throws {
        try pool.write { db in
            let id = try Self.trainedEncoderID(db, name)
            try Self.deleteEncoder(db, id: id, name: name)
        }
    }

    /// Deletes an encoder row (cascades do the rest) after checking no fusion uses it.
    private static func deleteEncoder(_ db: Database, id: Int64, name: String) throws {
        let users = try FusionRow.order(Column("id")).fetchAll(db).filter { row in
            let weights = (try? JSONDecoder().decode([FusionWeight].self, from: Data(row.weights.utf8))) ?? []
            return weights.contains { $0.encoder == name }
        }
        guard users.isEmpty else {
            throw StoreError.encoderInUse(name, fusions: users.map(\.name))
        }
        try db.execute(sql: """
            UPDATE settings SET source_kind = NULL, source_name = NULL WHERE source_kind = 'encoder' AND source_name = ?
            """, arguments: [name])
        try db.execute(sql: "DELETE FROM source_thresholds WHERE source_kind = 'encoder' AND source_name = ?",
                       arguments: [name])
        try db.execute(sql: "DELETE FROM encoder WHERE id = ?", arguments: [id])
    }

    private static func trainedEncoderID(_ db: Database, _ name: String) throws -> Int64 {
        guard let row = try EncoderRow.filter(Column("name") == name).fetchOne(db) else {
            throw StoreError.unknownEncoder(name)
        }
        guard row.source == EncoderSource.trained.rawValue,
              try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_run WHERE encoder_id = ?", arguments: [row.id]) == 1 else {
            throw StoreError.invalid("encoder '\(name)' was not trained in this project (it is \(row.source))")
        }
        guard let id = row.id else { throw StoreError.corrupt("table encoder, encoder '\(name)': no id") }
        return id
    }

    private static func stage(_ value: Int, _ encoder: String) throws -> TrainingStage {
        guard let stage = TrainingStage(storedValue: value) else {
            throw StoreError.corrupt("a training stage of '\(encoder)' is \(value)")
        }
        return stage
    }

    private static func trainingRuns(_ db: Database, encoderID: Int64?) throws -> [TrainingRunInfo] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.name, r.feature_source, r.feature_dimension, e.config, r.train_clips, r.test_clips, r.alpha,
                   r.beta, r.acc_presence, r.acc_salience, r.score, r.seconds, r.created
            FROM training_run r JOIN encoder e ON e.id = r.encoder_id
            WHERE ? IS NULL OR r.encoder_id = ? ORDER BY r.id
            """, arguments: [encoderID, encoderID])
        return try rows.map { row in
            var r = CheckedRow(row, table: "training_run")
            let encoder: String = try r.value(0, "encoder")
            r.named("encoder '\(encoder)'")
            return TrainingRunInfo(encoder: encoder, featureSource: try r.value(1, "feature_source"),
                                   featureDimension: try r.value(2, "feature_dimension"), config: try r.optional(3, "config") ?? "{}",
                                   trainClips: try r.value(4, "train_clips"), testClips: try r.value(5, "test_clips"),
                                   thresholds: Thresholds(alpha: try r.unit(6, "alpha"), beta: try r.unit(7, "beta")),
                                   accPresence: try r.unit(8, "acc_presence"), accSalience: try r.unit(9, "acc_salience"),
                                   score: try r.unit(10, "score"), seconds: try r.finite(11, "seconds"), created: try r.value(12, "created"))
        }
    }
}
