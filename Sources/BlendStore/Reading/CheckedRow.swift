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
    /// How the row is named in a message: `id 12`, `clip 'A102_ang_int1_ver1'`.
    var name: String

    init(_ row: Row, table: String, name: String = "") {
        self.row = row
        self.table = table
        self.name = name
    }

    /// Names the row by a column's value once it is known (`clip 'A102…'`).
    mutating func named(_ name: String) { self.name = name }

    func corrupt(_ column: String, _ problem: String) -> StoreError {
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
    /// spells.
    func clip(name nameAt: Int, actor actorAt: Int, split splitAt: Int, fold foldAt: Int, label labelAt: Int) throws -> ClipInfo {
        var checked = self
        let filename: String = try value(nameAt, "filename")
        checked.named("clip '\(filename)'")
        let split = try checked.member(splitAt, "split", of: Split.self)
        let fold: Int? = try checked.optional(foldAt, "fold")
        if let fold, !(0...4).contains(fold) { throw checked.corrupt("fold", "\(fold) is not a fold 0–4") }
        let labelText: String = try checked.value(labelAt, "label")
        guard let label = Label(labelText) else { throw checked.corrupt("label", "'\(labelText)' is not a label") }
        let parsed: ClipName
        do { parsed = try ClipName(filename) } catch { throw checked.corrupt("filename", "\(error)") }
        guard parsed.label == label else {
            throw checked.corrupt("label", "'\(labelText)' contradicts the name, which spells '\(parsed.label)'")
        }
        let actor: String = try checked.value(actorAt, "actor")
        guard parsed.actor == actor else {
            throw checked.corrupt("actor", "'\(actor)' contradicts the name, whose actor is '\(parsed.actor)'")
        }
        return ClipInfo(name: filename, actor: actor, split: split, fold: fold, label: label)
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
