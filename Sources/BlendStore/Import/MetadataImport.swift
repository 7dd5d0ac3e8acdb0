import BlendCore
import Foundation
import GRDB

/// The challenge's metadata CSV:
/// `filename, video_id, mix, emotion_1, emotion_2, emotion_1_salience, emotion_2_salience, version, fold`.
///
/// Columns may come in any order. `filename` is required; the five label columns come all
/// together or not at all; `video_id`, `version` and `fold` are optional; any other column is
/// an error. Names follow the rule of `ClipName`. The label always follows from the file name;
/// label columns, when present, must agree with it, and so must `video_id` (the actor, `A102`)
/// and `version` (N of `_verN`) when filled in.
///
/// Unlabelled test clips (`ClipName` rule 6, `test_0001.mov`): a metadata file may be just a
/// `filename` column of such names, or carry them with their label columns, `video_id`,
/// `version` and `fold` left empty (or `fold` -1). Their file name is kept as given (the
/// submission's key). An unlabelled clip is a test clip: a fold 0–4 or `split: .train` for it
/// is an error with its line, and so is any label column, video_id or version filled in.
///
/// Split rule: a row whose `fold` is 0–4 is a training clip in that fold; a row whose `fold`
/// is empty, -1 or absent is a test clip. Passing `split` forces it for the whole file and
/// makes a contradicting row an error (a training file needs a fold on every row; a test file
/// may not carry one). Any other fold value is an error.
enum MetadataImport {
    static let labelColumns = ["mix", "emotion_1", "emotion_2", "emotion_1_salience", "emotion_2_salience"]
    static let allColumns = ["filename", "video_id"] + labelColumns + ["version", "fold"]

    struct ParsedClip {
        let line: Int
        let info: StoredClip
    }

    /// Checks every row of `table`; writes nothing.
    static func parse(_ table: CSVTable, split forced: Split?) throws(InputError) -> [ParsedClip] {
        try table.rejectColumns(notIn: allColumns)
        let filename = try table.requireColumn("filename")
        var label: [Int]?
        if labelColumns.contains(where: { table.column($0) != nil }) {
            var columns: [Int] = []
            for name in labelColumns {
                columns.append(try table.requireColumn(name, why: "the label columns \(labelColumns.joined(separator: ", ")) come together"))
            }
            label = columns
        }
        let fold = table.column("fold")
        let videoID = table.column("video_id"), version = table.column("version")
        if forced == .train && fold == nil {
            _ = try table.requireColumn("fold", why: "training clips need their fold")
        }

        var clips: [ParsedClip] = []
        clips.reserveCapacity(table.rows.count)
        var firstLine: [String: Int] = [:]
        for record in table.rows {
            try table.checkWidth(record)
            let anyName = try AnyClipName.parse(record.fields[filename].trimmingSpaces, file: table.file, line: record.line)
            if let first = firstLine[anyName.stem] {
                throw InputError(file: table.file, line: record.line, "duplicate filename '\(anyName.stem)' (first on line \(first))")
            }
            firstLine[anyName.stem] = record.line
            guard case .labelled(let name) = anyName else {
                clips.append(try unlabelled(anyName, record, label: label, fold: fold, videoID: videoID, version: version,
                                            forced, table))
                continue
            }
            if let label, let stated = try labelFromColumns(record, label, table), stated != name.label {
                throw InputError(file: table.file, line: record.line,
                                 "label \(stated) in the label columns contradicts the file name's \(name.label)")
            }
            try checkVideoID(record, videoID, name, table)
            try checkVersion(record, version, name, table)
            let (split, foldNumber) = try splitAndFold(record, fold, forced, table)
            clips.append(ParsedClip(line: record.line,
                                    info: .labelled(ClipInfo(name: name.stem, actor: name.actor, split: split,
                                                             fold: foldNumber, label: name.label))))
        }
        return clips
    }

    /// An unlabelled test clip's row: every column but `filename` and `fold` empty, and no fold.
    private static func unlabelled(_ name: AnyClipName, _ record: CSVRecord, label: [Int]?, fold: Int?, videoID: Int?,
                                   version: Int?, _ forced: Split?, _ table: CSVTable) throws(InputError) -> ParsedClip {
        guard case .unlabelled(let stem, let file) = name else { preconditionFailure("called for unlabelled names") }
        func fail(_ message: String) -> InputError { InputError(file: table.file, line: record.line, message) }
        let named: [(String, Int?)] = (label ?? []).enumerated().map { (labelColumns[$0.offset], $0.element) }
            + [("video_id", videoID), ("version", version)]
        for (column, index) in named {
            guard let index, case let text = record.fields[index].trimmingSpaces, !text.isEmpty else { continue }
            throw fail("'\(stem)' is an unlabelled test clip's name, but column '\(column)' says '\(TextRules.visible(text))' "
                       + "(an unlabelled clip has no label, actor or version; leave it empty)")
        }
        if forced == .train { throw fail("'\(stem)' is an unlabelled test clip's name: it cannot be a training clip") }
        _ = try splitAndFold(record, fold, .test, table, unlabelled: stem)
        return ParsedClip(line: record.line, info: .unlabelled(UnlabelledClip(name: stem, file: file)))
    }

    /// The label the columns state, or nil when they are all empty.
    private static func labelFromColumns(_ record: CSVRecord, _ c: [Int], _ table: CSVTable) throws(InputError) -> Label? {
        // Quoted in messages: made visible (no valid value holds a forbidden character).
        let values = c.map { TextRules.visible(record.fields[$0].trimmingSpaces) }
        let (mix, e1, e2, s1, s2) = (values[0], values[1], values[2], values[3], values[4])
        if values.allSatisfy(\.isEmpty) { return nil }
        func fail(_ message: String) -> InputError { InputError(file: table.file, line: record.line, message) }
        func emotion(_ code: String, _ column: String) throws(InputError) -> Emotion {
            guard let e = Emotion(code: code) else {
                throw fail("unknown emotion '\(code)' in column '\(column)' (expected one of ang, disg, fea, hap, sad, neu)")
            }
            return e
        }
        switch mix {
        case "0":
            let first = try emotion(e1, "emotion_1")
            guard e2.isEmpty else { throw fail("emotion_2 '\(e2)' given for a single-emotion row (mix 0)") }
            return .single(first)
        case "1":
            let a = try emotion(e1, "emotion_1"), b = try emotion(e2, "emotion_2")
            guard a != b, a != .neu, b != .neu else {
                throw fail("a blend mixes two different non-neutral emotions, got \(e1) and \(e2)")
            }
            guard let sa = salience(s1), let sb = salience(s2), sa + sb == 100, [30, 50, 70].contains(sa) else {
                throw fail("blend saliences must be 50/50, 70/30 or 30/70, got '\(s1)'/'\(s2)'")
            }
            return .blend(a, sa, b)
        default:
            throw fail("malformed mix '\(mix)' (expected 0 or 1)")
        }
    }

    /// `video_id`, when filled in, names the clip's actor (the real files write `A102` for
    /// `A102_ang_int1_ver1`).
    private static func checkVideoID(_ record: CSVRecord, _ column: Int?, _ name: ClipName,
                                     _ table: CSVTable) throws(InputError) {
        guard let column, case let text = record.fields[column].trimmingSpaces, !text.isEmpty, text != name.actor else { return }
        throw InputError(file: table.file, line: record.line,
                         "video_id '\(TextRules.visible(text))' contradicts the file name '\(name.stem)', whose actor is \(name.actor)")
    }

    /// `version`, when filled in, is N of the name's `_verN` (written `1`, or `1.0` by pandas).
    private static func checkVersion(_ record: CSVRecord, _ column: Int?, _ name: ClipName,
                                     _ table: CSVTable) throws(InputError) {
        guard let column, case let text = record.fields[column].trimmingSpaces, !text.isEmpty else { return }
        guard case .success(let v) = CSVNumber.parse(text), v == v.rounded(), abs(v) < 1e9 else {
            throw InputError(file: table.file, line: record.line,
                             "malformed version '\(TextRules.visible(text))' (expected a whole number such as 1)")
        }
        guard Int(v) == name.version else {
            throw InputError(file: table.file, line: record.line,
                             "version \(Int(v)) contradicts the file name '\(name.stem)', whose version is \(name.version) (_ver\(name.version))")
        }
    }

    /// A salience percentage: an integer, also when written `70.0` (pandas writes floats).
    private static func salience(_ text: String) -> Int? {
        guard case .success(let v) = CSVNumber.parse(text), v == v.rounded(), abs(v) <= 100 else { return nil }
        return Int(v)
    }

    private static func splitAndFold(_ record: CSVRecord, _ column: Int?, _ forced: Split?,
                                     _ table: CSVTable, unlabelled: String? = nil) throws(InputError) -> (Split, Int?) {
        func fail(_ message: String) -> InputError { InputError(file: table.file, line: record.line, message) }
        let text = column.map { TextRules.visible(record.fields[$0].trimmingSpaces) } ?? ""
        var fold: Int?
        if !text.isEmpty {
            guard case .success(let v) = CSVNumber.parse(text), v == v.rounded(), abs(v) < 1e9 else {
                throw fail("malformed fold '\(text)' (expected 0–4, or empty or -1 for a test clip)")
            }
            let k = Int(v)
            guard k == -1 || (0...4).contains(k) else {
                throw fail("fold \(k) outside 0–4 (test clips leave it empty or -1)")
            }
            fold = k == -1 ? nil : k
        }
        switch (forced, fold) {
        case (.test, .some(let k)):
            if let unlabelled {
                throw fail("fold \(k) given for '\(unlabelled)', an unlabelled test clip (it cannot be in a training fold; "
                           + "leave fold empty or -1)")
            }
            throw fail("fold \(k) given for a test clip (test clips leave it empty or -1)")
        case (.train, nil):
            throw fail("training clip without a fold (expected 0–4)")
        case (_, .some(let k)):
            return (.train, k)
        case (_, nil):
            return (.test, nil)
        }
    }
}

extension ProjectStore {
    /// Imports a metadata CSV (the challenge's `filename, video_id, mix, emotion_1, emotion_2,
    /// emotion_1_salience, emotion_2_salience, version, fold`) in one transaction.
    ///
    /// Columns: any order; `filename` required; the five label columns all or none;
    /// `video_id`, `version`, `fold` optional; anything else is an error. The label comes from
    /// the file name and must agree with the label columns when they are filled in.
    ///
    /// Split rule: `fold` 0–4 makes a training clip in that fold; `fold` empty, -1 or absent
    /// makes a test clip; any other value is an error. `split` forces the split of the whole
    /// file instead, and a row that contradicts it is an error (`.train` needs a fold on every
    /// row, `.test` allows none).
    ///
    /// Rows identical to clips already in the project are counted as unchanged (re-importing a
    /// file is harmless); a row that would change an existing clip is an error.
    ///
    /// - Parameter split: forces every row's split; nil infers it per row from `fold`.
    /// - Throws: `InputError` (`FILE:LINE: message`) on bad input, leaving the project as it was.
    @discardableResult
    public func importMetadata(from url: URL, split: Split? = nil) throws -> MetadataImportSummary {
        try importMetadata(from: [url], split: split)[0]
    }

    /// Imports several metadata CSVs (train and test, say) in one transaction: all or nothing.
    /// A clip named in two files must agree in both.
    @discardableResult
    public func importMetadata(from urls: [URL], split: Split? = nil) throws -> [MetadataImportSummary] {
        let parsed = try urls.map { url in
            let table = try CSVTable(contentsOf: url)
            return (table, try MetadataImport.parse(table, split: split))
        }
        return try pool.write { db in
            var existing: [String: StoredClip] = [:]
            for (_, clip) in try ClipRow.fetchStored(db) { existing[clip.name] = clip }
            return try parsed.map { table, clips in
                try Self.insertMetadata(clips, from: table, existing: &existing, db)
            }
        }
    }

    /// Inserts the clips `existing` lacks; rows identical to existing clips count as unchanged.
    private static func insertMetadata(_ clips: [MetadataImport.ParsedClip], from table: CSVTable,
                                       existing: inout [String: StoredClip], _ db: Database) throws -> MetadataImportSummary {
        var new: [StoredClip] = []
        for clip in clips {
            if let old = existing[clip.info.name] {
                guard old == clip.info else {
                    throw InputError(file: table.file, line: clip.line,
                                     "'\(clip.info.name)' is already in the project as \(describe(old)); this row says \(describe(clip.info))")
                }
            } else {
                new.append(clip.info)
                existing[clip.info.name] = clip.info
            }
        }
        try ClipRow.insert(new, db)
        var folds = [Int](repeating: 0, count: 5)
        for clip in clips { if let k = clip.info.labelled?.fold { folds[k] += 1 } }
        let train = clips.count { $0.info.split == .train }
        return MetadataImportSummary(file: table.file, rows: clips.count, added: new.count,
                                     unchanged: clips.count - new.count, train: train, test: clips.count - train,
                                     folds: folds, actors: Set(clips.compactMap(\.info.labelled?.actor)).count,
                                     unlabelled: clips.count { $0.info.unlabelled != nil })
    }

    private static func describe(_ clip: StoredClip) -> String {
        switch clip {
        case .labelled(let c): "\(c.split.rawValue)\(c.fold.map { " fold \($0)" } ?? "") with label \(c.label)"
        case .unlabelled(let c): "an unlabelled test clip '\(c.file)'"
        }
    }
}
