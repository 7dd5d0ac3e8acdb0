import Foundation
import GRDB
import XCTest
@testable import BlendStore

/// Issue 14 item 7: a project folder copied elsewhere still finds its videos.
final class VideoPathsTests: XCTestCase {
    private func link(_ project: TestProject, _ path: String) throws -> String {
        let clip = try project.store.clips()[0].name
        try project.store.linkVideos([VideoLink(clip: clip, path: path, duration: 1, fps: 5, frames: 5)], folder: "v")
        return clip
    }

    private func stored(_ store: ProjectStore, _ clip: String) throws -> String? {
        try store.pool.read { try String.fetchOne($0, sql: "SELECT video_path FROM clip WHERE filename = ?", arguments: [clip]) }
    }

    func testAVideoUnderTheProjectFolderIsStoredRelativeAndFoundInACopy() throws {
        let project = try TestProject.small(self)
        let videos = project.directory.appendingPathComponent("p.files/videos")
        try FileManager.default.createDirectory(at: videos, withIntermediateDirectories: true)
        let clip = try project.store.clips()[0].name
        try Data("video".utf8).write(to: videos.appendingPathComponent("\(clip).mov"))
        XCTAssertEqual(try link(project, videos.appendingPathComponent("\(clip).mov").path), clip)
        XCTAssertEqual(try stored(project.store, clip), "p.files/videos/\(clip).mov")
        XCTAssertEqual(try project.store.videos()[clip]?.path, videos.appendingPathComponent("\(clip).mov").path)

        // The whole folder copied elsewhere: the copy's clip plays the copy's video.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("blendstore-copy-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: project.directory, to: copy)
        let copied = try ProjectStore(at: copy.appendingPathComponent("project.sqlite"), create: false)
        XCTAssertEqual(try copied.videos()[clip]?.path, copy.appendingPathComponent("p.files/videos/\(clip).mov").path)
    }

    func testAVideoOutsideTheProjectFolderIsStoredAbsolute() throws {
        let project = try TestProject.small(self)
        let clip = try link(project, "/elsewhere/videos/x.mov")
        XCTAssertEqual(try stored(project.store, clip), "/elsewhere/videos/x.mov")
        XCTAssertEqual(try project.store.videos()[clip]?.path, "/elsewhere/videos/x.mov")
    }

    /// Older projects stored the path as given; a path relative to the folder the import ran
    /// in still resolves there when nothing is at it under the project's folder.
    func testAnOlderRelativePathStillResolvesFromTheCurrentFolder() throws {
        let project = try TestProject(self)
        let here = project.directory.appendingPathComponent("here")
        try FileManager.default.createDirectory(at: here.appendingPathComponent("clips"), withIntermediateDirectories: true)
        try Data("video".utf8).write(to: here.appendingPathComponent("clips/a.mov"))
        let base = project.directory.appendingPathComponent("projects")
        XCTAssertEqual(VideoPaths.resolved("clips/a.mov", base: base, currentFolder: here.path), "clips/a.mov")
        XCTAssertEqual(VideoPaths.resolved("clips/b.mov", base: base, currentFolder: here.path),
                       base.appendingPathComponent("clips/b.mov").path, "neither exists: the project's folder")
        XCTAssertEqual(VideoPaths.resolved("/abs/a.mov", base: base, currentFolder: here.path), "/abs/a.mov")
    }
}
