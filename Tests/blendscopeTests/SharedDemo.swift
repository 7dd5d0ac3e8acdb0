import Foundation
import XCTest

/// One demo project (`blendscope demo --no-videos`) made on first use and shared by the tests
/// that only read it: making it takes a minute on a loaded machine. Removed when the test
/// process ends (`atexit`); a test that writes to a project makes its own.
enum SharedDemo {
    private static let made: Result<String, any Error> = Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("blendscope-shared-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        atexit { SharedDemo.removeAll() }
        let project = dir.appendingPathComponent("d.sqlite").path
        let r = try CLI.run(["demo", project, "--no-videos"])
        guard r.status == 0 else { throw CLI.Failure(message: "blendscope demo: \(r.stderr)") }
        return project
    }

    /// The shared demo project's path.
    static func project() throws -> String { try made.get() }

    private static func removeAll() {
        guard case .success(let project) = made else { return }
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: project).deletingLastPathComponent())
    }
}
