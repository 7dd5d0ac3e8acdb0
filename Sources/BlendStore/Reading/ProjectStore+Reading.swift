import BlendCore
import Foundation
import GRDB

extension ProjectStore {
    /// Every clip of the project, in import order.
    public func clips() throws -> [ClipInfo] {
        try pool.read { db in try ClipRow.fetchInfos(db).map(\.info) }
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
                let name: String = row[0]
                guard let modality = Modality(rawValue: row[1]), let source = EncoderSource(rawValue: row[2]) else {
                    throw StoreError.corrupt("encoder '\(name)' has modality '\(row[1] as String)' and source '\(row[2] as String)'")
                }
                return EncoderInfo(name: name, modality: modality, source: source, created: row[3], config: row[4],
                                   probabilityCount: row[5], featureDimension: row[6], featureCount: row[7])
            }
        }
    }

    /// One encoder's probabilities over the clips it has a prediction for, in clip order.
    ///
    /// - Throws: `StoreError.unknownEncoder` if the project has no such encoder.
    public func scoredClips(encoder: String) throws -> ScoredClips {
        try pool.read { db in
            guard let encoderID = try EncoderRow.id(db, name: encoder) else { throw StoreError.unknownEncoder(encoder) }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.filename, c.actor, c.split, c.fold, c.label, p.ang, p.disg, p.fea, p.hap, p.sad, p.neu
                FROM probability p JOIN clip c ON c.id = p.clip_id
                WHERE p.encoder_id = ?
                ORDER BY c.id
                """, arguments: [encoderID])
            var clips: [ClipInfo] = []
            var p: [Double] = []
            while let row = try rows.next() {
                let name: String = row[0]
                guard let split = Split(rawValue: row[2]), let label = Label(row[4]) else {
                    throw StoreError.corrupt("clip '\(name)' has split '\(row[2] as String)' and label '\(row[4] as String)'")
                }
                clips.append(ClipInfo(name: name, actor: row[1], split: split, fold: row[3], label: label))
                for k in 5..<11 { p.append(row[k]) }
            }
            return ScoredClips(clips: clips, probabilities: p)
        }
    }

    /// Every encoder's probabilities at once, aligned to the project's clip order.
    public func allProbabilities() throws -> ProbabilityTable {
        try pool.read { db in
            let rows = try ClipRow.fetchInfos(db)
            let clips = rows.map(\.info)
            // Ids are small positive integers (autoincrement): arrays indexed by id beat
            // dictionaries in the loop over every probability row.
            var position = [Int](repeating: -1, count: Int(rows.map(\.id).max() ?? 0) + 1)
            for (i, row) in rows.enumerated() { position[Int(row.id)] = i }
            var encoderIDs: [Int64] = []
            var names: [String] = []
            let encoders = try Row.fetchCursor(db, sql: "SELECT id, name FROM encoder ORDER BY id")
            while let row = try encoders.next() {
                encoderIDs.append(row[0])
                names.append(row[1])
            }
            var encoderIndex = [Int](repeating: -1, count: Int(encoderIDs.max() ?? 0) + 1)
            for (e, id) in encoderIDs.enumerated() { encoderIndex[Int(id)] = e }

            let n = clips.count
            var values = [[Double]](repeating: [Double](repeating: 0, count: n * Emotion.count), count: names.count)
            var present = [[Bool]](repeating: [Bool](repeating: false, count: n), count: names.count)
            let probabilities = try Row.fetchCursor(db, sql: """
                SELECT encoder_id, clip_id, ang, disg, fea, hap, sad, neu FROM probability
                """)
            while let row = try probabilities.next() {
                let encoderID: Int, clipID: Int
                (encoderID, clipID) = (row[0], row[1])
                guard encoderID < encoderIndex.count, clipID < position.count,
                      case let e = encoderIndex[encoderID], e >= 0, case let i = position[clipID], i >= 0 else {
                    throw StoreError.corrupt("a probability row refers to a missing encoder or clip")
                }
                present[e][i] = true
                let base = i * Emotion.count
                values[e].withUnsafeMutableBufferPointer { v in
                    for k in 0..<Emotion.count { v[base + k] = row[k + 2] }
                }
            }
            return ProbabilityTable(clips: clips, encoders: names, values: values, present: present)
        }
    }
}
