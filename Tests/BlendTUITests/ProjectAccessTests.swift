import BlendApp
import Foundation
import XCTest
@testable import BlendTUI

/// The workbench reaches the project only through the `ProjectAccess` it is given: one
/// `ProjectSession` per project, opened by the first effect that needs it.
final class ProjectAccessTests: XCTestCase {
    private typealias F = WorkbenchFixture

    private struct Refused: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path): refused by the test's access" }
    }

    /// Counts the paths it is asked for and refuses every one.
    private final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []
        func record(_ path: String) { lock.lock(); paths.append(path); lock.unlock() }
        var opened: [String] { lock.lock(); defer { lock.unlock() }; return paths }
    }

    func testTheLoadOpensTheProjectThroughTheProgramsAccess() async {
        let recorder = Recorder()
        let program = WorkbenchProgram(project: ProjectAccess { path in
            recorder.record(path)
            throw Refused(path: path)
        })
        var state = WorkbenchProgram.initialState(path: "seam.sqlite", width: 80, height: 24)
        let load = program.update(&state, .load).filter { if case .run(let key, _) = $0.operation { key == "load" } else { false } }
        let sent = await F.perform(load)
        XCTAssertEqual(recorder.opened, ["seam.sqlite"])
        guard case .loadFailed(let message)? = sent.first else { return XCTFail("expected the load to fail, got \(sent)") }
        XCTAssertEqual(message, "seam.sqlite: refused by the test's access")
    }

    func testTheJobsPollsUseTheSameAccess() throws {
        let recorder = Recorder()
        let program = WorkbenchProgram(project: ProjectAccess { path in
            recorder.record(path)
            throw Refused(path: path)
        })
        XCTAssertThrowsError(try program.jobsBackground.session("polled.sqlite"))
        XCTAssertEqual(recorder.opened, ["polled.sqlite"])
    }

    func testEveryEffectSharesTheOneSessionOpenedFirst() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("once.sqlite").path
        let session = try ProjectSession(path: path, create: true)
        let recorder = Recorder()
        let program = WorkbenchProgram(project: ProjectAccess { opened in
            recorder.record(opened)
            return session
        })
        var state = WorkbenchProgram.initialState(path: path, width: 80, height: 24)
        for _ in 0..<2 {
            let load = program.update(&state, .load).filter { if case .run(let key, _) = $0.operation { key == "load" } else { false } }
            let sent = await F.perform(load)
            guard case .loaded(let project)? = sent.first else { return XCTFail("expected the project, got \(sent)") }
            XCTAssertNil(project.source, "an empty project has no source")
        }
        XCTAssertTrue(try program.jobsBackground.session(path) === session)
        XCTAssertEqual(recorder.opened, [path], "opened once, by the first load")
    }

    func testAFailedOpeningIsTriedAgainByTheNextEffect() throws {
        let recorder = Recorder()
        let access = ProjectAccess { path in
            recorder.record(path)
            throw Refused(path: path)
        }
        XCTAssertThrowsError(try access.session("gone.sqlite"))
        XCTAssertThrowsError(try access.session("gone.sqlite"))
        XCTAssertEqual(recorder.opened, ["gone.sqlite", "gone.sqlite"])
    }
}
