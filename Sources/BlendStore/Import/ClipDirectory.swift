import BlendCore
import GRDB

/// The project's clips by file-name stem, loaded once per import transaction.
struct ClipDirectory {
    private var ids: [String: Int64] = [:]
    private var splits: [Int64: Split] = [:]

    init(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, filename, split FROM clip")
        while let row = try rows.next() {
            var r = CheckedRow(row, table: "clip")
            let id: Int64 = try r.value(0, "id")
            r.named("id \(id)")
            ids[try r.value(1, "filename")] = id
            splits[id] = try r.member(2, "split", of: Split.self)
        }
    }

    var count: Int { ids.count }
    func id(of stem: String) -> Int64? { ids[stem] }
    func split(of id: Int64) -> Split? { splits[id] }

    /// Train and test counts over `clipIDs`.
    func splitCounts<S: Sequence>(_ clipIDs: S) -> (train: Int, test: Int) where S.Element == Int64 {
        var train = 0, test = 0
        for id in clipIDs {
            if splits[id] == .train { train += 1 } else { test += 1 }
        }
        return (train, test)
    }
}

extension ClipName {
    /// Parses a name read from `file` (at `line`, when it has lines) by the clip-name rule;
    /// every importer names clips through this, so all of them accept the same names.
    static func parse(_ raw: String, file: String, line: Int?) throws(InputError) -> ClipName {
        do {
            return try ClipName(raw)
        } catch {
            throw InputError(file: file, line: line, error.description)
        }
    }
}

extension AnyClipName {
    /// `ClipName.parse` for either form (a labelled name or an unlabelled test clip's).
    static func parse(_ raw: String, file: String, line: Int?) throws(InputError) -> AnyClipName {
        do {
            return try AnyClipName(raw)
        } catch {
            throw InputError(file: file, line: line, error.description)
        }
    }
}

extension InputError {
    /// The message for a clip a data file names but the metadata never did.
    static func notInMetadata(_ stem: String, file: String, line: Int, unlabelledName: AnyClipName? = nil) -> InputError {
        if case .unlabelled = unlabelledName {
            return InputError(file: file, line: line,
                              "'\(stem)' is not in the project (import its metadata first, or import with --unlabelled to add it as an unlabelled test clip)")
        }
        return InputError(file: file, line: line, "'\(stem)' is not in the project's metadata (import its metadata first)")
    }
}
