import BlendApp
@testable import BlendDemo
import BlendCore
import Foundation
import GRDB
import XCTest
@testable import BlendStore

/// The demo's unlabelled copies take their originals' video links by the hidden labels' pairs.
final class DemoChallengeCopyTests: XCTestCase {
    func testCopiesTakeTheirOriginalsVideosByTheHiddenLabelPairs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("demo-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("challenge"), withIntermediateDirectories: true)
        let metadata = dir.appendingPathComponent("m.csv")
        try Data("filename,fold\nA101_ang_int1_ver1,\ntest_0001.mov,\n".utf8).write(to: metadata)
        let project = dir.appendingPathComponent("p.sqlite")
        let store = try ProjectStore(at: project, create: true)
        try store.importMetadata(from: metadata)
        // Under the project's folder, so it is stored relative to it (issue 14: portable projects).
        let video = dir.appendingPathComponent("v/A101_ang_int1_ver1.mov").path
        try store.linkVideos([VideoLink(clip: "A101_ang_int1_ver1", path: video, duration: 2.5, fps: 15,
                                        frames: 37)], folder: dir.appendingPathComponent("v").path)
        try DemoProject.linkChallengeVideos(in: ProjectSession(path: project.path), pairs: [(clip: "A101_ang_int1_ver1", file: "test_0001.mov")])
        let videos = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT filename, video_path, frames FROM clip ORDER BY id").map {
                "\($0[0] as String) \($0[1] as String? ?? "-") \($0[2] as Int? ?? 0)"
            }
        }
        XCTAssertEqual(videos, ["A101_ang_int1_ver1 v/A101_ang_int1_ver1.mov 37", "test_0001 v/A101_ang_int1_ver1.mov 37"])
    }
}
