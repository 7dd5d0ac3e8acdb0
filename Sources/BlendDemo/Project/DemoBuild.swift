import BlendApp
import BlendCore
import Foundation

extension DemoProject {
    /// What `blendscope demo` reports: the project built and, unless skipped, its videos linked.
    public struct Built: Sendable, Encodable {
        public let demo: Summary
        public let videos: VideoLinkSummary?
    }

    /// `blendscope demo`: refuses before anything is made (even the project's folder), builds the
    /// project at `project`, then writes one short video per clip into `NAME.files/videos/`,
    /// probes and links them, and links the unlabelled copies of the test clips to their
    /// originals' videos.
    public static func buildAll(project: String, seed: UInt64 = 2026, videos: Bool = true) throws -> Built {
        let url = URL(fileURLWithPath: project)
        try preflight(at: url)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let (summary, challenge) = try make(at: url, seed: seed)
        guard videos else { return Built(demo: summary, videos: nil) }
        let session = try ProjectSession(path: project)
        let folder = summary.files + "/videos"
        let clips = try session.clips()
        let paths = try DemoClipWriter.writeAll(clips.map { ($0.name, $0.label) }, seed: seed, directory: folder)
        let linked = try session.linkVideos(zip(clips, paths).map { ($0.name, $1) }, folder: folder)
        // The unlabelled copies of the test clips show their originals' videos.
        try linkChallengeVideos(in: session, pairs: challenge)
        return Built(demo: summary, videos: linked)
    }
}
