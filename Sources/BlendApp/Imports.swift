import BlendCore
import BlendMedia
import BlendStore
import Foundation

/// Videos probed and linked to their clips, and the files that could not be read.
public struct VideoLinking: Sendable {
    public let summary: VideoLinkSummary
    public let unreadable: [MediaError]
}

extension ProjectSession {
    /// `import --metadata`: creates the project at `path` when it is missing (it appears only
    /// if every file imports), then imports each file whole or not at all.
    public static func importMetadata(path: String, files: [String], split: Split? = nil) throws -> [MetadataImportSummary] {
        try creating(path: path) { session in try session.importMetadata(files: files, split: split) }
    }

    /// Imports metadata files into this (existing) project, each whole or not at all.
    public func importMetadata(files: [String], split: Split? = nil) throws -> [MetadataImportSummary] {
        try store.importMetadata(from: files.map { URL(fileURLWithPath: $0) }, split: split)
    }

    /// `import --probs`.
    public func importProbabilities(file: String, encoder: String, modality: Modality = .unknown, normalize: Bool = false,
                                    replace: Bool = false, unlabelled: Bool = false) throws -> ProbabilitiesImportSummary {
        try store.importProbabilities(from: URL(fileURLWithPath: file), encoder: encoder, modality: modality,
                                      normalize: normalize, replace: replace, unlabelled: unlabelled)
    }

    /// `import --features` (`names`: the clip names of a plain .npy matrix).
    public func importFeatures(file: String, names: String? = nil, encoder: String, modality: Modality = .unknown,
                               replace: Bool = false) throws -> FeaturesImportSummary {
        try store.importFeatures(from: URL(fileURLWithPath: file), names: names.map { URL(fileURLWithPath: $0) },
                                 encoder: encoder, modality: modality, replace: replace)
    }

    /// `import --videos DIR`: every video of the folder probed (unreadable ones listed, not
    /// fatal) and linked to the clip its name names.
    public func linkVideos(directory: String, unlabelled: Bool = false) throws -> VideoLinking {
        let scan = try VideoLibrary.scan(directory: directory)
        let summary = try store.linkVideos(scan.videos.map {
            VideoLink(clip: $0.stem, path: $0.path, duration: $0.info.duration, fps: $0.info.fps, frames: $0.info.frames)
        }, folder: directory, unlabelled: unlabelled)
        return VideoLinking(summary: summary, unreadable: scan.unreadable)
    }

    /// Links known files to clips, each probed (the demo's written clips): any unreadable
    /// file is an error.
    public func linkVideos(_ files: [(clip: String, path: String)], folder: String,
                           unlabelled: Bool = false) throws -> VideoLinkSummary {
        try store.linkVideos(files.map { clip, path in
            let info = try VideoProbe.info(path: path)
            return VideoLink(clip: clip, path: path, duration: info.duration, fps: info.fps, frames: info.frames)
        }, folder: folder, unlabelled: unlabelled)
    }

    /// The project's clips (labelled), in import order.
    public func clips() throws -> [ClipInfo] { try store.clips() }
}
