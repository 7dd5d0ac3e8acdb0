import BlendCore
import BlendFiles
import Foundation

/// A folder of clip videos, matched to clips by file name and probed.
public enum VideoLibrary {
    /// Extensions recognised as videos, lowercase (compared in any case): the ones the
    /// clip-name rule drops, so a video's stem is the clip it stands for.
    public static let extensions = Set(ClipName.videoExtensions)

    public struct Video: Sendable, Equatable {
        /// The clip name the file stands for: `ClipName.stem(of:)` of its file name.
        public let stem: String
        public let path: String
        public let info: VideoInfo
    }

    public struct Scan: Sendable {
        public let videos: [Video]
        /// Files with a video extension that could not be probed, with the reason.
        public let unreadable: [MediaError]
    }

    /// Probes every video file directly in `directory` (sorted by name; sub-folders are not
    /// searched). A file that fails to probe is reported, not fatal: one broken clip must not
    /// stop a 3,000-clip import. An entry that is no regular file (a FIFO, a socket, a folder
    /// named `x.mov`) is listed as unreadable with the reason, never opened.
    public static func scan(directory: String) throws -> Scan {
        do {
            try InputFile.checkDirectory(directory)
        } catch {
            throw MediaError(file: directory, kind: error.cause == .missing ? .fileNotFound : .unreadable,
                             error.cause == .missing ? "no such folder" : error.reason)
        }
        // Without FFmpeg no file could be probed: one error, not one per video.
        try FFmpegSetup.ensure(file: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var videos: [Video] = []
        var unreadable: [MediaError] = []
        for name in names {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            guard extensions.contains(url.pathExtension.lowercased()) else { continue }
            do {
                let info = try VideoProbe.info(path: url.path)
                videos.append(Video(stem: ClipName.stem(of: name), path: url.path, info: info))
            } catch let error as MediaError {
                unreadable.append(error)
            }
        }
        return Scan(videos: videos, unreadable: unreadable)
    }
}
