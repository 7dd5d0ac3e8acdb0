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
                let clip = try CheckedRow(row, table: "clip").clip(name: 0, actor: 1, split: 2, fold: 3, label: 4)
                clips.append(clip)
                let r = CheckedRow(row, table: "probability", name: "encoder '\(encoder)', clip '\(clip.name)'")
                for k in 5..<11 { p.append(try r.unit(k, Emotion.allCases[k - 5].code)) }
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
                let r = CheckedRow(row, table: "encoder")
                encoderIDs.append(try r.value(0, "id"))
                names.append(try r.value(1, "name"))
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
                let r = CheckedRow(row, table: "probability")
                let encoderID: Int = try r.value(0, "encoder_id"), clipID: Int = try r.value(1, "clip_id")
                guard encoderID >= 0, clipID >= 0, encoderID < encoderIndex.count, clipID < position.count,
                      case let e = encoderIndex[encoderID], e >= 0, case let i = position[clipID], i >= 0 else {
                    throw StoreError.corrupt("a probability row refers to a missing encoder or clip")
                }
                present[e][i] = true
                let base = i * Emotion.count
                for k in 0..<Emotion.count {
                    let x: Double = try r.value(k + 2, Emotion.allCases[k].code)
                    guard x >= 0 && x <= 1 else {
                        var named = r
                        named.named("encoder '\(names[e])', clip '\(clips[i].name)'")
                        throw named.corrupt(Emotion.allCases[k].code, "\(x) is outside [0, 1]")
                    }
                    values[e][base + k] = x
                }
            }
            return ProbabilityTable(clips: clips, encoders: names, values: values, present: present)
        }
    }
}
