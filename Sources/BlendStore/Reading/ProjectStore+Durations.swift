import BlendCore
import GRDB

extension ProjectStore {
    /// Each clip's video duration in seconds, aligned with `clips` (matched by name); nil for
    /// a clip without a linked video (`blendscope import PROJECT --videos DIR` links them).
    public func durations(of clips: [ClipInfo]) throws -> [Double?] {
        let byName = try pool.read { db in
            var result: [String: Double] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT filename, duration FROM clip WHERE duration IS NOT NULL")
            while let row = try rows.next() { result[row[0]] = row[1] }
            return result
        }
        return clips.map { byName[$0.name] }
    }
}
