import BlendCore
import BlendReport
import GRDB

extension ProjectStore {
    /// The `predictions` view (schema version 6) as `export predictions` writes it: one row per
    /// clip and encoder, encoders in creation order, clips in import order; every value checked
    /// as it is read.
    public func predictionsTable() throws -> ExportTable {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT v.clip, v.actor, v.split, v.fold, v.label, v.encoder, v.ang, v.disg, v.fea, v.hap, v.sad, v.neu
                FROM predictions v JOIN encoder e ON e.name = v.encoder JOIN clip c ON c.filename = v.clip
                ORDER BY e.id, c.id
                """)
            var out = [[ExportValue]]()
            while let row = try rows.next() {
                var r = CheckedRow(row, table: "predictions")
                let clip: String = try r.value(0, "clip")
                r.named("clip '\(clip)'")
                let fold: Int? = try r.optional(3, "fold")
                let label: String? = try r.optional(4, "label")
                var values: [ExportValue] = [
                    .text(clip), (try r.optional(1, "actor", as: String.self)).map(ExportValue.text) ?? .missing,
                    .text(try r.value(2, "split")), fold.map(ExportValue.integer) ?? .missing,
                    label.map(ExportValue.text) ?? .missing, .text(try r.value(5, "encoder")),
                ]
                for (k, e) in Emotion.allCases.enumerated() { values.append(.number(try r.unit(6 + k, e.code))) }
                out.append(values)
            }
            return AnalysisTables.predictions(rows: out)
        }
    }
}

extension AnalysisTables {
    /// Every encoder's six probabilities per clip, in long form (the `predictions` view).
    static func predictions(rows: [[ExportValue]]) -> ExportTable {
        let columns = [
            ExportColumn("clip", nil, .clip), ExportColumn("actor", nil, .text), ExportColumn("split", nil, .text),
            ExportColumn("fold", nil, .count), ExportColumn("label", nil, .text), ExportColumn("encoder", nil, .text),
        ] + Emotion.allCases.map { ExportColumn($0.code, nil, .rate) }
        return ExportTable(name: "predictions", title: "Every encoder's class probabilities per clip, in long form",
                           columns: columns, rows: rows)
    }
}
