import BlendCore
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The clip columns of the row a statement stands on, read straight from SQLite when they hold
/// what blendscope writes: texts, a fold that is NULL or an integer 0–4, all agreeing with the
/// clip's name. Anything else gives nil, and the caller reads the row through
/// `CheckedRow.storedClip`, which converts it or refuses it with its message: on every row this
/// accepts, the answer is the one `storedClip` gives, without decoding each value through
/// `DatabaseValue` (about a third of `eval`'s reading time, issue 16).
enum PlainClipColumns {
    /// The clip in columns `name`, `actor`, `split`, `fold`, `label`, `file` of `raw`'s row, or nil.
    static func clip(_ raw: SQLiteStatement, name nameAt: Int32, actor actorAt: Int32, split splitAt: Int32,
                     fold foldAt: Int32, label labelAt: Int32, file fileAt: Int32) -> StoredClip? {
        guard let filename = text(raw, nameAt), let splitText = text(raw, splitAt),
              let split = Split(rawValue: splitText),
              case let foldType = sqlite3_column_type(raw, foldAt), foldType == SQLITE_NULL || foldType == SQLITE_INTEGER,
              // `label` and `actor` are nil for a NULL once unwrapped here.
              let label = optionalText(raw, labelAt), let actor = optionalText(raw, actorAt),
              let parsed = try? AnyClipName(filename) else { return nil }
        var fold: Int?
        if foldType == SQLITE_INTEGER {
            let stored = sqlite3_column_int64(raw, foldAt)
            guard (0...4).contains(stored) else { return nil }
            fold = Int(stored)
        }
        switch parsed {
        case .unlabelled:
            guard label == nil, actor == nil, split == .test, fold == nil,
                  let file = text(raw, fileAt) else { return nil }
            // The rule of `storedClip`: `NAME.mov`, or a plain file name whose stem is the clip's.
            let plainFile = ClipName.isPlainUnlabelled(filename) && file == filename + ".mov"
            guard plainFile || (AnyClipName.lastComponent(file) == file && ClipName.stem(of: file) == filename) else {
                return nil
            }
            return .unlabelled(UnlabelledClip(name: filename, file: file))
        case .labelled(let name):
            guard let labelText = label, let stored = Label(labelText), stored == name.label,
                  let actorText = actor, actorText == name.actor else { return nil }
            return .labelled(ClipInfo(name: filename, actor: actorText, split: split, fold: fold, label: stored))
        }
    }

    /// The text in column `k`, as GRDB reads it (`String(cString:)`); nil when it holds no text.
    @inline(__always)
    private static func text(_ raw: SQLiteStatement, _ k: Int32) -> String? {
        guard sqlite3_column_type(raw, k) == SQLITE_TEXT, let bytes = sqlite3_column_text(raw, k) else { return nil }
        return String(cString: bytes)
    }

    /// `.some(nil)` for a NULL, `.some(text)` for a text, nil for anything else.
    @inline(__always)
    private static func optionalText(_ raw: SQLiteStatement, _ k: Int32) -> String?? {
        if sqlite3_column_type(raw, k) == SQLITE_NULL { return .some(nil) }
        return text(raw, k).map { .some($0) }
    }
}
