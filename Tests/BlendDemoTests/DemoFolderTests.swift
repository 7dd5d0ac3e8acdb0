@testable import BlendDemo
import BlendStore
import Foundation
import XCTest

/// `blendscope demo` writes only into a `NAME.files/` it made (or an empty one).
final class DemoFolderTests: XCTestCase {
    private func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("demo-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testAFolderTheDemoDidNotWriteIsRefusedByName() throws {
        let dir = try scratch()
        let project = dir.appendingPathComponent("mine.sqlite")
        let folder = dir.appendingPathComponent("mine.files")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try Data("precious".utf8).write(to: folder.appendingPathComponent("train_metadata.csv"))
        XCTAssertThrowsError(try DemoProject.build(at: project)) { error in
            XCTAssertTrue("\(error)".contains("\(folder.relativePath)/ exists and was not written by `blendscope demo`"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("train_metadata.csv"), encoding: .utf8), "precious")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["mine.files"], "no project made")
    }

    func testAFileInThePlaceOfTheFolderIsRefused() throws {
        let dir = try scratch()
        try Data("x".utf8).write(to: dir.appendingPathComponent("p.files"))
        XCTAssertThrowsError(try DemoProject.preflight(at: dir.appendingPathComponent("p.sqlite"))) { error in
            XCTAssertTrue("\(error)".contains("p.files exists and is not a folder"), "\(error)")
        }
    }

    func testAnEmptyOrDemoWrittenFolderMayBeWrittenAndAnExistingProjectNever() throws {
        let dir = try scratch()
        let project = dir.appendingPathComponent("p.sqlite")
        let folder = DemoProject.filesFolder(of: project)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        XCTAssertNoThrow(try DemoProject.preflight(at: project))
        try Data("old".utf8).write(to: folder.appendingPathComponent("probs_x.csv"))
        try Data().write(to: folder.appendingPathComponent(DemoProject.markerName))
        XCTAssertNoThrow(try DemoProject.preflight(at: project))
        try Data().write(to: project)
        XCTAssertThrowsError(try DemoProject.preflight(at: project)) { error in
            XCTAssertTrue("\(error)".contains("exists already"), "\(error)")
        }
        // A dangling symbolic link in the project's place is something, too.
        try FileManager.default.removeItem(at: project)
        try FileManager.default.createSymbolicLink(atPath: project.path, withDestinationPath: "/nonexistent/x")
        XCTAssertThrowsError(try DemoProject.preflight(at: project))
    }
}
