import BlendCore
import Foundation
import GRDB

/// A clip's video as a probe saw it; the store records where it is and how long it runs.
public struct VideoLink: Sendable, Hashable {
    public let clip: String
    public let path: String
    public let duration: Double
    public let fps: Double
    public let frames: Int

    public init(clip: String, path: String, duration: Double, fps: Double, frames: Int) {
        self.clip = clip
        self.path = path
        self.duration = duration
        self.fps = fps
        self.frames = frames
    }
}

/// What linking a video folder did.
public struct VideoLinkSummary: Sendable, Hashable, Codable {
    public let folder: String
    public let linked: Int
    /// Unlabelled test clips the folder added (`unlabelled: true`).
    public let created: Int
    /// Clips of the project that have no video file in the folder.
    public let clipsWithoutVideo: [String]
    /// Video files whose name is no clip of the project.
    public let videosWithoutClip: [String]
}

extension ProjectStore {
    /// Records each clip's video file and probe data in one transaction. Each link's `clip`
    /// is its file name's `ClipName.stem(of:)` (as `VideoLibrary.scan` gives it), matched
    /// exactly against the clips. A second video for the same clip (e.g. `.mov` and
    /// `.mp4`) is an error naming both; files naming no clip and clips left without a file
    /// are listed in the summary, not refused. With `unlabelled`, a video whose name is an
    /// unlabelled test clip's (`test_0001.mov`, `ClipName` rule 6) the project lacks adds that
    /// clip, its file name kept as the submission's key.
    @discardableResult
    public func linkVideos(_ links: [VideoLink], folder: String, unlabelled: Bool = false) throws -> VideoLinkSummary {
        var byClip: [String: VideoLink] = [:]
        for link in links {
            if let other = byClip[link.clip] {
                throw InputError(file: folder, "two videos for clip '\(TextRules.visible(link.clip))': "
                                 + "\(TextRules.visible(other.path)) and \(TextRules.visible(link.path))")
            }
            byClip[link.clip] = link
        }
        return try pool.write { db in
            var names = try String.fetchAll(db, sql: "SELECT filename FROM clip ORDER BY id")
            var known = Set(names)
            var created: [UnlabelledClip] = []
            if unlabelled {
                for link in links where !known.contains(link.clip) && ClipName.isUnlabelled(stem: link.clip) {
                    let file = AnyClipName.lastComponent(link.path)
                    created.append(UnlabelledClip(name: link.clip, file: file))
                }
                try ClipRow.insert(created, db)
                names += created.map(\.name)
                known.formUnion(created.map(\.name))
            }
            let statement = try db.makeStatement(sql: """
                UPDATE clip SET video_path = ?, duration = ?, fps = ?, frames = ? WHERE filename = ?
                """)
            var linked = 0
            for link in links where known.contains(link.clip) {
                let path = VideoPaths.stored(link.path, base: videoBase)
                try statement.execute(arguments: [path, link.duration, link.fps, link.frames, link.clip])
                linked += 1
            }
            return VideoLinkSummary(folder: folder, linked: linked, created: created.count,
                                    clipsWithoutVideo: names.filter { byClip[$0] == nil },
                                    // Shown as text: a file name is whatever the folder holds.
                                    videosWithoutClip: links.map(\.clip).filter { !known.contains($0) }.sorted()
                                        .map(TextRules.visible))
        }
    }

    /// Each clip's linked video path (resolved, see `VideoPaths`) and duration, for clips that
    /// have one.
    public func videos() throws -> [String: (path: String, duration: Double)] {
        try pool.read { db in
            var result: [String: (path: String, duration: Double)] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT filename, video_path, duration FROM clip WHERE video_path IS NOT NULL")
            while let row = try rows.next() {
                var r = CheckedRow(row, table: "clip")
                let name: String = try r.value(0, "filename")
                r.named("clip '\(name)'")
                let stored: String = try r.value(1, "video_path")
                result[name] = (VideoPaths.resolved(stored, base: videoBase), try r.finite(2, "duration"))
            }
            return result
        }
    }
}
