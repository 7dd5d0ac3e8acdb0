import BlendCore
import GRDB

/// One row read from the project, every value decoded with checks.
///
/// GRDB's `row[i]` stops the process when a value does not convert (a text where a number
/// belongs, a NULL in a column blendscope always fills). A project edited by hand must be
/// refused with a message naming the table, the row and the column, never crash or be
/// trusted: every read of a stored value goes through here.
struct CheckedRow {
    let row: Row
    let table: String
    /// How the row is named, spelled only when a message needs it: every clip and probability
    /// row read is named, and building the text for each cost more than checking the row.
    private var naming: Naming

    private enum Naming {
        case text(String)
        case clip(String)
        case encoderClip(encoder: String, clip: String)

        var text: String {
            switch self {
            case .text(let text): text
            case .clip(let clip): "clip '\(clip)'"
            case .encoderClip(let encoder, let clip): "encoder '\(encoder)', clip '\(clip)'"
            }
        }
    }

    /// How the row is named in a message: `id 12`, `clip 'A102_ang_int1_ver1'`.
    var name: String { naming.text }

    init(_ row: Row, table: String, name: String = "") {
        self.row = row
        self.table = table
        naming = .text(name)
    }

    /// A probability row, named `encoder 'E', clip 'C'`.
    init(_ row: Row, table: String, encoder: String, clip: String) {
        self.row = row
        self.table = table
        naming = .encoderClip(encoder: encoder, clip: clip)
    }

    /// Names the row by a column's value once it is known (`clip 'A102…'`).
    mutating func named(_ name: String) { naming = .text(name) }

    /// Names the row `clip 'NAME'`.
    mutating func namedClip(_ name: String) { naming = .clip(name) }

    func corrupt(_ column: String, _ problem: String) -> StoreError {
        let name = self.name
        let row = name.isEmpty ? "" : ", \(name)"
        return .corrupt("table \(table)\(row), column \(column): \(problem)")
    }

    /// The value at `index`, of type `T` (NULL refused).
    func value<T: DatabaseValueConvertible>(_ index: Int, _ column: String, as: T.Type = T.self) throws -> T {
        let stored = row[index] as DatabaseValue
        guard let value = T.fromDatabaseValue(stored) else {
            throw corrupt(column, "\(Self.shown(stored)) is not \(Self.kind(T.self))")
        }
        return value
    }

    /// The value at `index`, NULL allowed.
    func optional<T: DatabaseValueConvertible>(_ index: Int, _ column: String, as: T.Type = T.self) throws -> T? {
        let stored = row[index] as DatabaseValue
        if stored.isNull { return nil }
        return try value(index, column, as: T.self)
    }

    /// A finite number.
    func finite(_ index: Int, _ column: String) throws -> Double {
        let x: Double = try value(index, column)
        guard x.isFinite else { throw corrupt(column, "\(x) is not a finite number") }
        return x
    }

    /// A number in [0, 1]: a probability or a threshold.
    func unit(_ index: Int, _ column: String) throws -> Double {
        let x: Double = try value(index, column)
        guard x >= 0 && x <= 1 else { throw corrupt(column, "\(x) is outside [0, 1]") }
        return x
    }

    /// One of the raw values of `T`.
    func member<T: RawRepresentable>(_ index: Int, _ column: String, of: T.Type) throws -> T where T.RawValue == String {
        let raw: String = try value(index, column)
        guard let member = T(rawValue: raw) else { throw corrupt(column, "'\(raw)' is not a known value") }
        return member
    }

    /// The clip columns every reader needs, checked against each other: the split is known,
    /// a fold is 0–4 (and only training clips have one), and the label is the one the name
    /// spells. A clip with no label must be an unlabelled one (`ClipName` rule 6: a
    /// `test_NNNN` name, in the test split, with no fold and no actor, and a `file`); a
    /// labelled name with a NULL label is corrupt.
    func storedClip(name nameAt: Int, actor actorAt: Int, split splitAt: Int, fold foldAt: Int, label labelAt: Int,
                    file fileAt: Int) throws -> StoredClip {
        var checked = self
        let filename: String = try value(nameAt, "filename")
        checked.namedClip(filename)
        let split = try checked.member(splitAt, "split", of: Split.self)
        let fold: Int? = try checked.optional(foldAt, "fold")
        if let fold, !(0...4).contains(fold) { throw checked.corrupt("fold", "\(fold) is not a fold 0–4") }
        let parsed: AnyClipName
        do { parsed = try AnyClipName(filename) } catch { throw checked.corrupt("filename", "\(error)") }
        let labelText: String? = try checked.optional(labelAt, "label")
        let actor: String? = try checked.optional(actorAt, "actor")
        switch parsed {
        case .unlabelled:
            if let labelText { throw checked.corrupt("label", "'\(labelText)' given for an unlabelled test clip's name") }
            if let actor { throw checked.corrupt("actor", "'\(actor)' given for an unlabelled test clip, which has no actor") }
            guard split == .test else { throw checked.corrupt("split", "an unlabelled clip is in the test split, not \(split.rawValue)") }
            if let fold { throw checked.corrupt("fold", "\(fold) given for an unlabelled test clip") }
            let file: String = try checked.value(fileAt, "file")
            // `NAME.mov`, what the importers store, is a file name of clip NAME: no need to walk it.
            let plainFile = ClipName.isPlainUnlabelled(filename) && file == filename + ".mov"
            guard plainFile || (AnyClipName.lastComponent(file) == file && ClipName.stem(of: file) == filename) else {
                throw checked.corrupt("file", "'\(file.prefix(40))' is not a file name of clip '\(filename)'")
            }
            return .unlabelled(UnlabelledClip(name: filename, file: file))
        case .labelled(let name):
            guard let labelText else { throw checked.corrupt("label", "NULL for a labelled name, which spells '\(name.label)'") }
            guard let label = Label(labelText) else { throw checked.corrupt("label", "'\(labelText)' is not a label") }
            guard name.label == label else {
                throw checked.corrupt("label", "'\(labelText)' contradicts the name, which spells '\(name.label)'")
            }
            guard let actor else { throw checked.corrupt("actor", "NULL for a labelled clip, whose actor is '\(name.actor)'") }
            guard name.actor == actor else {
                throw checked.corrupt("actor", "'\(actor)' contradicts the name, whose actor is '\(name.actor)'")
            }
            return .labelled(ClipInfo(name: filename, actor: actor, split: split, fold: fold, label: label))
        }
    }

    private static func shown(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let i): "\(i)"
        case .double(let d): "\(d)"
        case .string(let s): "'\(s.prefix(40))'"
        case .blob(let b): "a blob of \(b.count) bytes"
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: "a number"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is String.Type: "a text"
        case is Bool.Type: "a boolean"
        default: "a \(type)"
        }
    }
}
