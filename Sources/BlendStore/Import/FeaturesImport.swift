import BlendCore
import Foundation
import GRDB

/// Features as CSV: a `filename` column and any number of numeric feature columns (named as
/// the file likes, in file order), one row per clip.
enum FeaturesCSV {
    /// Reads the matrix and the file line of each row; checks numbers, not clip names.
    static func read(_ table: CSVTable) throws(InputError) -> (matrix: FeatureMatrix, lines: [Int]) {
        let filename = try table.requireColumn("filename")
        let featureColumns = table.header.indices.filter { $0 != filename }
        guard !featureColumns.isEmpty else {
            throw InputError(file: table.file, line: table.headerLine, "no feature columns besides 'filename'")
        }
        var names: [String] = []
        var lines: [Int] = []
        var values: [Float] = []
        names.reserveCapacity(table.rows.count)
        values.reserveCapacity(table.rows.count * featureColumns.count)
        for record in table.rows {
            try table.checkWidth(record)
            names.append(record.fields[filename].trimmingSpaces)
            lines.append(record.line)
            for c in featureColumns {
                let x = try CSVNumber.field(record, c, in: table)
                let f = Float(x)
                guard f.isFinite else {
                    throw InputError(file: table.file, line: record.line,
                                     "value \(record.fields[c].trimmingSpaces) in column '\(table.header[c])' is out of Float32 range")
                }
                values.append(f)
            }
        }
        return (FeatureMatrix(names: names, columns: featureColumns.count, values: values), lines)
    }
}

extension ProjectStore {
    /// Imports a features CSV (`filename` + numeric columns) for `encoder` in one transaction.
    ///
    /// - Throws: `InputError` (`FILE:LINE: message`) on bad input, leaving the project as it was.
    @discardableResult
    public func importFeaturesCSV(from url: URL, encoder: String, modality: Modality = .unknown,
                                  replace: Bool = false) throws -> FeaturesImportSummary {
        let table = try CSVTable(contentsOf: url, limits: .features)
        let (matrix, lines) = try FeaturesCSV.read(table)
        return try storeFeatures(matrix, sourceFile: table.file, encoder: encoder, modality: modality,
                                 replace: replace, lines: lines)
    }

    /// Stores a feature matrix from any reader (CSV, `.npy`, `.npz`) as `encoder`'s feature
    /// set, in one transaction, creating the encoder if needed.
    ///
    /// Checks: values fill exactly names × columns, at least one row and one column, every
    /// name a distinct clip of the metadata by `ClipName`'s rule (a video extension or folder is ignored), every
    /// value finite. An encoder that already has features is refused unless `replace`.
    /// Errors name `sourceFile` and the 1-based row as their line.
    ///
    /// - Throws: `InputError` on bad input, leaving the project as it was.
    @discardableResult
    public func storeFeatures(_ matrix: FeatureMatrix, sourceFile: String, encoder: String,
                              modality: Modality = .unknown, replace: Bool = false) throws -> FeaturesImportSummary {
        try storeFeatures(matrix, sourceFile: sourceFile, encoder: encoder, modality: modality, replace: replace, lines: nil)
    }

    /// `lines[i]` is the file line of row `i` when the matrix came from a text file.
    func storeFeatures(_ matrix: FeatureMatrix, sourceFile: String, encoder: String, modality: Modality,
                       replace: Bool, lines: [Int]?) throws -> FeaturesImportSummary {
        let name = try Self.checkedEncoderName(encoder)
        let rows = matrix.names.count, columns = matrix.columns
        let place = { (i: Int) -> Int in lines?[i] ?? i + 1 }
        let placeWord = lines == nil ? "row" : "line"
        func fail(_ row: Int?, _ message: String) -> InputError {
            InputError(file: sourceFile, line: row.map(place), message)
        }
        guard rows > 0 else { throw fail(nil, "no feature rows") }
        guard columns > 0 else { throw fail(nil, "feature vectors have no columns") }
        guard matrix.values.count == rows * columns else {
            throw fail(nil, "the matrix holds \(matrix.values.count) values, not \(rows) names × \(columns) columns")
        }
        var stems: [String] = []
        stems.reserveCapacity(rows)
        var firstRow: [String: Int] = [:]
        for i in 0..<rows {
            let stem = try AnyClipName.parse(matrix.names[i].trimmingSpaces, file: sourceFile, line: place(i)).stem
            if let first = firstRow[stem] {
                throw fail(i, "duplicate filename '\(stem)' (first on \(placeWord) \(place(first)))")
            }
            firstRow[stem] = i
            if let bad = matrix.row(i).firstIndex(where: { !$0.isFinite }) {
                throw fail(i, "not a finite value (\(matrix.values[bad])) in feature column \(bad - i * columns + 1)")
            }
            stems.append(stem)
        }
        return try pool.write { db in
            let clips = try ClipDirectory(db)
            var clipIDs: [Int64] = []
            clipIDs.reserveCapacity(rows)
            for (i, stem) in stems.enumerated() {
                guard let id = clips.id(of: stem) else { throw InputError.notInMetadata(stem, file: sourceFile, line: place(i)) }
                clipIDs.append(id)
            }
            let encoderID = try EncoderRow.findOrCreate(db, name: name, modality: modality, source: .imported)
            var replaced = 0
            if let old = try Row.fetchOne(db, sql: """
                SELECT s.id, (SELECT COUNT(*) FROM feature_row r WHERE r.feature_set_id = s.id)
                FROM feature_set s WHERE s.encoder_id = ?
                """, arguments: [encoderID]) {
                replaced = old[1]
                guard replace else {
                    throw InputError(file: sourceFile,
                                     "encoder '\(name)' already has features for \(replaced) clips (give --replace to overwrite them)")
                }
                try db.execute(sql: "DELETE FROM feature_set WHERE id = ?", arguments: [old[0] as Int64])
            }
            var set = FeatureSetRow(id: nil, encoderId: encoderID, dimension: columns, sourceFile: sourceFile, created: Date())
            try set.insert(db)
            let insert = try db.makeStatement(sql: "INSERT INTO feature_row (feature_set_id, clip_id, vector) VALUES (?, ?, ?)")
            for (i, clipID) in clipIDs.enumerated() {
                insert.setUncheckedArguments([set.id!, clipID, Float32Blob(matrix.row(i))])
                try insert.execute()
            }
            let counts = clips.splitCounts(clipIDs)
            return FeaturesImportSummary(file: sourceFile, encoder: name, rows: rows, dimension: columns,
                                         train: counts.train, test: counts.test, replaced: replaced)
        }
    }

    /// `encoder`'s feature matrix in clip order, names as file-name stems; nil when the
    /// encoder has no features.
    ///
    /// - Throws: `StoreError.unknownEncoder` if the project has no such encoder.
    public func features(encoder: String) throws -> FeatureMatrix? {
        try pool.read { db in
            guard let encoderID = try EncoderRow.id(db, name: encoder) else { throw StoreError.unknownEncoder(encoder) }
            guard let set = try FeatureSetRow.filter(Column("encoder_id") == encoderID).fetchOne(db) else { return nil }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.filename, r.vector FROM feature_row r JOIN clip c ON c.id = r.clip_id
                WHERE r.feature_set_id = ? ORDER BY c.id
                """, arguments: [set.id])
            var names: [String] = []
            var values: [Float] = []
            while let row = try rows.next() {
                let r = CheckedRow(row, table: "feature_row")
                let name: String = try r.value(0, "filename")
                guard let vector = try r.optional(1, "vector", as: Float32Blob.self), vector.values.count == set.dimension else {
                    throw StoreError.corrupt("the feature vector of '\(name)' for '\(encoder)' is not \(set.dimension) Float32 values")
                }
                names.append(name)
                values.append(contentsOf: vector.values)
            }
            return FeatureMatrix(names: names, columns: set.dimension, values: values)
        }
    }
}
