import Foundation

/// How a clip's video path is kept: relative to the project file's folder when the video lies
/// under it, so a project folder moved or copied elsewhere still finds its videos; absolute
/// otherwise. Projects written before this stored paths as given (absolute, or relative to the
/// folder the import ran in); those keep working (see `resolved`).
enum VideoPaths {
    /// The text to store for `path` (as a probe or scan gave it, absolute or relative to the
    /// current folder) in a project whose folder is `base` (nil: an in-memory project).
    static func stored(_ path: String, base: URL?) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let base else { return absolute }
        let folder = base.standardizedFileURL.path
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        guard absolute.hasPrefix(prefix), absolute.count > prefix.count else { return absolute }
        return String(absolute.dropFirst(prefix.count))
    }

    /// Where the stored `text` points: an absolute path as it is; a relative one under the
    /// project's folder, unless no file is there and one is at the path read from the current
    /// folder (how older projects stored a video given as a relative path).
    static func resolved(_ text: String, base: URL?,
                         currentFolder: String = FileManager.default.currentDirectoryPath) -> String {
        guard !text.hasPrefix("/"), let base else { return text }
        let underProject = base.appendingPathComponent(text).standardizedFileURL.path
        if FileManager.default.fileExists(atPath: underProject) { return underProject }
        let fromHere = URL(fileURLWithPath: currentFolder).appendingPathComponent(text).standardizedFileURL.path
        return FileManager.default.fileExists(atPath: fromHere) ? text : underProject
    }
}
