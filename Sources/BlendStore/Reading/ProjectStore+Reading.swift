import BlendCore
import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

extension ProjectStore {
    /// Every labelled clip of the project, in import order (unlabelled ones: `unlabelledClips()`).
    public func clips() throws -> [ClipInfo] {
        try pool.read { db in try ClipRow.fetchInfos(db).map(\.info) }
    }

    /// Every unlabelled test clip of the project (`test_0001.mov`), in import order.
    public func unlabelledClips() throws -> [UnlabelledClip] {
        try pool.read { db in try ClipRow.fetchStored(db).compactMap(\.clip.unlabelled) }
    }

    /// Every encoder with what the project holds for it, in creation order.
    public func encoders() throws -> [EncoderInfo] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.name, e.modality, e.source, e.created, e.config,
                       (SELECT COUNT(*) FROM probability p WHERE p.encoder_id = e.id),
                       f.dimension,
                       (SELECT COUNT(*) FROM feature_row r WHERE r.feature_set_id = f.id)
                FROM encoder e LEFT JOIN feature_set f ON f.encoder_id = e.id
                ORDER BY e.id
                """)
            return try rows.map { row in
                var r = CheckedRow(row, table: "encoder")
                let name: String = try r.value(0, "name")
                r.named("encoder '\(name)'")
                return EncoderInfo(name: name, modality: try r.member(1, "modality", of: Modality.self),
                                   source: try r.member(2, "source", of: EncoderSource.self), created: try r.value(3, "created"),
                                   config: try r.optional(4, "config"), probabilityCount: try r.value(5, "probabilities"),
                                   featureDimension: try r.optional(6, "dimension"), featureCount: try r.value(7, "feature rows"))
            }
        }
    }

    /// One encoder's probabilities over the labelled clips it has a prediction for, in clip order.
    ///
    /// - Throws: `StoreError.unknownEncoder` if the project has no such encoder.
    public func scoredClips(encoder: String) throws -> ScoredClips {
        try encoderScores(encoder).labelled
    }

    /// One encoder's probabilities over the labelled and the unlabelled clips it has, each in
    /// clip order; every clip row is checked.
    func encoderScores(_ encoder: String) throws -> (labelled: ScoredClips, unlabelled: UnlabelledScores) {
        try pool.read { db in
            guard let encoderID = try EncoderRow.id(db, name: encoder) else { throw StoreError.unknownEncoder(encoder) }
            let statement = try db.makeStatement(sql: """
                SELECT c.filename, c.actor, c.split, c.fold, c.label, c.file, p.ang, p.disg, p.fea, p.hap, p.sad, p.neu
                FROM probability p JOIN clip c ON c.id = p.clip_id
                WHERE p.encoder_id = ?
                ORDER BY p.clip_id
                """)
            // `p.clip_id`, which is `c.id`: the order of the probability table's primary key
            // (encoder_id, clip_id), so SQLite walks it instead of sorting every row in a
            // temporary B-tree as `ORDER BY c.id` made it do (issue 16).
            statement.arguments = [encoderID]
            let rows = try Row.fetchCursor(statement)
            // The cursor steps this statement: its columns are the current row's.
            let raw = statement.sqliteStatement
            var clips: [ClipInfo] = [], unlabelled: [UnlabelledClip] = []
            var p: [Double] = [], q: [Double] = []
            while let row = try rows.next() {
                // What blendscope writes is read straight from SQLite; anything else is checked.
                let clip = try PlainClipColumns.clip(raw, name: 0, actor: 1, split: 2, fold: 3, label: 4, file: 5)
                    ?? CheckedRow(row, table: "clip").storedClip(name: 0, actor: 1, split: 2, fold: 3, label: 4, file: 5)
                let r = CheckedRow(row, table: "probability", encoder: encoder, clip: clip.name)
                switch clip {
                case .labelled(let c):
                    clips.append(c)
                    for k in 6..<12 { p.append(try Self.probability(raw, k, r)) }
                case .unlabelled(let c):
                    unlabelled.append(c)
                    for k in 6..<12 { q.append(try Self.probability(raw, k, r)) }
                }
            }
            return (ScoredClips(clips: clips, probabilities: p), UnlabelledScores(clips: unlabelled, probabilities: q))
        }
    }

    /// The probability in column `k` (6–11, the emotions in `Emotion.codes` order) of the row
    /// `raw` stands on. A stored REAL in [0, 1], all blendscope writes, is read straight from
    /// SQLite; anything else (an integer, a text, a NULL, a number outside [0, 1]) goes through
    /// `CheckedRow.unit`, which converts it or refuses it naming the table, row and column.
    /// The usual case skips the generic decoding through `DatabaseValue` per value (issue 16).
    @inline(__always)
    private static func probability(_ raw: SQLiteStatement, _ k: Int, _ r: CheckedRow) throws -> Double {
        if sqlite3_column_type(raw, Int32(k)) == SQLITE_FLOAT {
            let x = sqlite3_column_double(raw, Int32(k))
            if x >= 0 && x <= 1 { return x }
        }
        return try r.unit(k, Emotion.codes[k - 6])
    }

    /// Every encoder's probabilities at once, aligned to the project's labelled clips' order.
    public func allProbabilities() throws -> ProbabilityTable {
        try allProbabilityTables().labelled
    }

    /// Every encoder's probabilities, the labelled clips' table and the unlabelled clips' (whose
    /// `clips` are the unlabelled clips in import order, `values` and `present` aligned to them).
    ///
    /// With `only`, just those encoders' probability rows are read (and checked): the others'
    /// columns stay empty (`present` false). A fusion reads the encoders it weighs, not all.
    func allProbabilityTables(only: Set<String>? = nil) throws -> (labelled: ProbabilityTable, unlabelled: UnlabelledTable) {
        try pool.read { db in
            let stored = try ClipRow.fetchStored(db)
            var rows: [(id: Int64, info: ClipInfo)] = [], others: [(id: Int64, clip: UnlabelledClip)] = []
            for row in stored {
                switch row.clip {
                case .labelled(let c): rows.append((row.id, c))
                case .unlabelled(let c): others.append((row.id, c))
                }
            }
            let clips = rows.map(\.info)
            // Ids are small positive integers (autoincrement): arrays indexed by id beat
            // dictionaries in the loop over every probability row. An unlabelled clip's
            // position is -2 - its place among the unlabelled ones.
            var position = [Int](repeating: -1, count: Int(stored.map(\.id).max() ?? 0) + 1)
            for (i, row) in rows.enumerated() { position[Int(row.id)] = i }
            for (i, row) in others.enumerated() { position[Int(row.id)] = -2 - i }
            var encoderIDs: [Int64] = []
            var names: [String] = []
            let encoders = try Row.fetchCursor(db, sql: "SELECT id, name FROM encoder ORDER BY id")
            while let row = try encoders.next() {
                let r = CheckedRow(row, table: "encoder")
                encoderIDs.append(try r.value(0, "id"))
                names.append(try r.value(1, "name"))
            }
            var encoderIndex = [Int](repeating: -1, count: Int(encoderIDs.max() ?? 0) + 1)
            for (e, id) in encoderIDs.enumerated() { encoderIndex[Int(id)] = e }

            let n = clips.count
            var values = [[Double]](repeating: [Double](repeating: 0, count: n * Emotion.count), count: names.count)
            var present = [[Bool]](repeating: [Bool](repeating: false, count: n), count: names.count)
            let u = others.count
            var otherValues = [[Double]](repeating: [Double](repeating: 0, count: u * Emotion.count), count: names.count)
            var otherPresent = [[Bool]](repeating: [Bool](repeating: false, count: u), count: names.count)
            let wanted = only.map { only in encoderIDs.indices.filter { only.contains(names[$0]) }.map { encoderIDs[$0] } }
            let probabilities = try Row.fetchCursor(db, sql: """
                SELECT encoder_id, clip_id, ang, disg, fea, hap, sad, neu FROM probability
                """ + (wanted.map { " WHERE encoder_id IN (\($0.map(String.init).joined(separator: ", ")))" } ?? ""))
            while let row = try probabilities.next() {
                let r = CheckedRow(row, table: "probability")
                let encoderID: Int = try r.value(0, "encoder_id"), clipID: Int = try r.value(1, "clip_id")
                guard encoderID >= 0, clipID >= 0, encoderID < encoderIndex.count, clipID < position.count,
                      case let e = encoderIndex[encoderID], e >= 0, case let i = position[clipID], i != -1 else {
                    throw StoreError.corrupt("a probability row refers to a missing encoder or clip")
                }
                let isLabelled = i >= 0, j = isLabelled ? i : -2 - i
                if isLabelled { present[e][j] = true } else { otherPresent[e][j] = true }
                let base = j * Emotion.count
                for k in 0..<Emotion.count {
                    let x: Double = try r.value(k + 2, Emotion.codes[k])
                    guard x >= 0 && x <= 1 else {
                        var named = r
                        named.named("encoder '\(names[e])', clip '\(isLabelled ? clips[j].name : others[j].clip.name)'")
                        throw named.corrupt(Emotion.codes[k], "\(x) is outside [0, 1]")
                    }
                    if isLabelled { values[e][base + k] = x } else { otherValues[e][base + k] = x }
                }
            }
            return (ProbabilityTable(clips: clips, encoders: names, values: values, present: present),
                    UnlabelledTable(clips: others.map(\.clip), values: otherValues, present: otherPresent))
        }
    }
}
