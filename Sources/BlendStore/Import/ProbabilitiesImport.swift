import BlendCore
import Foundation
import GRDB

/// A probabilities CSV: `filename` and the six classes `ang, disg, fea, hap, sad, neu`, in any
/// column order, one row per clip. Every value must be a finite, non-negative decimal number
/// and each row must sum to 1 within 1e-3, unless `normalize` divides every row by its sum.
enum ProbabilitiesImport {
    static let sumTolerance = 1e-3

    struct ParsedRow {
        let line: Int
        let stem: String
        /// The name as parsed: an unlabelled one may create its clip (`unlabelled: true`).
        let name: AnyClipName
        /// In class order.
        let p: (Double, Double, Double, Double, Double, Double)
    }

    /// Checks every row of `table`; writes nothing.
    static func parse(_ table: CSVTable, normalize: Bool) throws(InputError) -> [ParsedRow] {
        let expected = ["filename"] + Emotion.allCases.map(\.code)
        try table.rejectColumns(notIn: expected)
        let filename = try table.requireColumn("filename")
        var classColumns: [Int] = []
        for e in Emotion.allCases { classColumns.append(try table.requireColumn(e.code)) }

        var rows: [ParsedRow] = []
        rows.reserveCapacity(table.rows.count)
        var firstLine: [String: Int] = [:]
        var v = [Double](repeating: 0, count: Emotion.count)
        for record in table.rows {
            try table.checkWidth(record)
            let name = try AnyClipName.parse(record.fields[filename].trimmingSpaces, file: table.file, line: record.line)
            let stem = name.stem
            if let first = firstLine[stem] {
                throw InputError(file: table.file, line: record.line, "duplicate filename '\(stem)' (first on line \(first))")
            }
            firstLine[stem] = record.line
            var sum = 0.0
            for k in 0..<Emotion.count {
                let x = try CSVNumber.field(record, classColumns[k], in: table)
                guard x >= 0 else {
                    throw InputError(file: table.file, line: record.line,
                                     "negative probability \(record.fields[classColumns[k]].trimmingSpaces) in column '\(Emotion(rawValue: k)!.code)'")
                }
                v[k] = x
                sum += x
            }
            if normalize {
                guard sum > 0 else {
                    throw InputError(file: table.file, line: record.line, "probabilities sum to 0 and cannot be normalised")
                }
                // Six finite values can still sum past Double's range (1e308 + 1e308).
                guard sum.isFinite else {
                    throw InputError(file: table.file, line: record.line,
                                     "probabilities sum to more than \(Double.greatestFiniteMagnitude) and cannot be normalised")
                }
                for k in 0..<Emotion.count { v[k] /= sum }
                // Subnormal values (4.9e-324) divide into ratios far from summing to 1.
                let normalised = v.reduce(0, +)
                guard abs(normalised - 1) <= 1e-9 else {
                    throw InputError(file: table.file, line: record.line,
                                     "probabilities sum to \(sum), too small to normalise exactly (they rescale to \(normalised))")
                }
            } else if abs(sum - 1) > sumTolerance {
                throw InputError(file: table.file, line: record.line,
                                 "probabilities sum to \(String(format: "%.6f", sum)), more than 0.001 away from 1 (import with normalize to rescale)")
            }
            rows.append(ParsedRow(line: record.line, stem: stem, name: name, p: (v[0], v[1], v[2], v[3], v[4], v[5])))
        }
        return rows
    }
}

extension ProjectStore {
    /// Imports one encoder's probabilities in one transaction, creating the encoder if needed.
    ///
    /// Every file name must be a clip of the project's metadata, except with `unlabelled`: then
    /// an unlabelled test clip's name (`test_0001.mov`, `ClipName` rule 6) the project lacks
    /// creates that clip (its file name kept as given). A labelled name still needs its
    /// metadata. An encoder that already has probabilities is refused unless `replace` is true,
    /// which swaps them all at once.
    ///
    /// - Throws: `InputError` (`FILE:LINE: message`) on bad input, leaving the project as it was;
    ///   `StoreError.invalid` for an empty encoder name.
    @discardableResult
    public func importProbabilities(from url: URL, encoder: String, modality: Modality = .unknown,
                                    normalize: Bool = false, replace: Bool = false,
                                    unlabelled: Bool = false) throws -> ProbabilitiesImportSummary {
        let name = try Self.checkedEncoderName(encoder)
        let table = try CSVTable(contentsOf: url)
        let rows = try ProbabilitiesImport.parse(table, normalize: normalize)
        return try pool.write { db in
            var clips = try ClipDirectory(db)
            var created: [UnlabelledClip] = []
            for row in rows where clips.id(of: row.stem) == nil {
                guard unlabelled, case .unlabelled(let stem, let file) = row.name else {
                    throw InputError.notInMetadata(row.stem, file: table.file, line: row.line, unlabelledName: row.name)
                }
                created.append(UnlabelledClip(name: stem, file: file))
            }
            if !created.isEmpty {
                try ClipRow.insert(created, db)
                clips = try ClipDirectory(db)
            }
            var clipIDs: [Int64] = []
            clipIDs.reserveCapacity(rows.count)
            for row in rows {
                guard let id = clips.id(of: row.stem) else {
                    throw InputError.notInMetadata(row.stem, file: table.file, line: row.line)
                }
                clipIDs.append(id)
            }
            let encoderID = try EncoderRow.findOrCreate(db, name: name, modality: modality, source: .imported)
            let previous = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM probability WHERE encoder_id = ?",
                                            arguments: [encoderID]) ?? 0
            if previous > 0 {
                guard replace else {
                    throw InputError(file: table.file,
                                     "encoder '\(name)' already has probabilities for \(previous) clips (give --replace to overwrite them)")
                }
                try db.execute(sql: "DELETE FROM probability WHERE encoder_id = ?", arguments: [encoderID])
            }
            let insert = try db.makeStatement(sql: """
                INSERT INTO probability (encoder_id, clip_id, ang, disg, fea, hap, sad, neu)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (row, clipID) in zip(rows, clipIDs) {
                let p = row.p
                insert.setUncheckedArguments([encoderID, clipID, p.0, p.1, p.2, p.3, p.4, p.5])
                try insert.execute()
            }
            // The first source a project gets is the one it opens on and `eval` reads.
            try db.execute(sql: """
                UPDATE settings SET source_kind = 'encoder', source_name = ? WHERE id = 1 AND source_kind IS NULL
                """, arguments: [name])
            let counts = clips.splitCounts(clipIDs)
            return ProbabilitiesImportSummary(file: table.file, encoder: name, rows: rows.count,
                                              train: counts.train, test: counts.test,
                                              missing: clips.count - rows.count, replaced: previous,
                                              normalized: normalize, created: created.count)
        }
    }

    /// An encoder name with surrounding spaces removed; empty names and any character
    /// `TextRules` forbids are refused.
    static func checkedEncoderName(_ name: String) throws -> String {
        let trimmed = name.trimmingSpaces
        guard !trimmed.isEmpty else { throw StoreError.invalid("an encoder needs a non-empty name") }
        try TextRules.check(trimmed, as: "encoder name", or: StoreError.invalid)
        return trimmed
    }
}
