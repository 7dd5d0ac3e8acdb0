import BlendStore
import Foundation
import XCTest
@testable import BlendTUI

/// The workbench reaches the project only through the `ProjectAccess` it is given.
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
        XCTAssertThrowsError(try program.jobsBackground.store("polled.sqlite"))
        XCTAssertEqual(recorder.opened, ["polled.sqlite"])
    }
}
