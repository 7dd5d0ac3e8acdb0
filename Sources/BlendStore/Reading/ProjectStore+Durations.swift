import BlendCore
import GRDB

extension ProjectStore {
    /// Each clip's video duration in seconds, aligned with `clips` (matched by name); nil for
    /// a clip without a linked video (`blendscope import PROJECT --videos DIR` links them).
    public func durations(of clips: [ClipInfo]) throws -> [Double?] {
        let byName = try pool.read { db in
            var result: [String: Double] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT filename, duration FROM clip WHERE duration IS NOT NULL")
            while let row = try rows.next() {
                let r = CheckedRow(row, table: "clip")
                let name: String = try r.value(0, "filename")
                let seconds = try CheckedRow(row, table: "clip", name: "clip '\(name)'").finite(1, "duration")
                guard seconds >= 0 else { throw CheckedRow(row, table: "clip", name: "clip '\(name)'").corrupt("duration", "\(seconds) is negative") }
                result[name] = seconds
            }
            return result
        }
        return clips.map { byName[$0.name] }
    }
}
