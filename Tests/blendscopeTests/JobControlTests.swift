import BlendCore
import Foundation
import XCTest
@testable import BlendStore

/// A long fusion job stopped from outside: Ctrl-C, `blendscope cancel`, SIGKILL.
final class JobControlTests: XCTestCase {
    /// A project and a `fuse` run long enough to be caught running: greedy selection with far
    /// more rounds than anyone would ask for (nothing refuses it, and the test stops it).
    private func startLongFuse() throws -> (project: String, process: Process, stderr: URL) {
        let dir = try CLI.scratchDirectory(self)
        let project = try FusionProjectCLI.make(.synthetic(clipCount: 150, encoders: (1...6).map {
            SyntheticEncoder(name: "e\($0)", strength: 0.1 * Double($0))
        }, seed: 61), in: dir)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["fuse", project, "--method", "greedy", "--rounds", "100000", "--as", "long", "--json"]
        let stderr = dir.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        addTeardownBlock { if process.isRunning { process.terminate() } }
        return (project, process, stderr)
    }

    /// Waits until the project shows a running job with some progress written.
    private func runningJob(_ project: String, process: Process, stderr: URL) throws -> JobRecord {
        let store = try ProjectStore(path: project, create: false)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let job = try store.jobs().first(where: { $0.status == .running && $0.progress > 0 }) { return job }
            guard process.isRunning else {
                let message = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
                throw CLI.Failure(message: "fuse ended (\(process.terminationStatus)) before it was seen running: \(message)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw CLI.Failure(message: "no running job within a minute")
    }

    private func assertNothingSaved(_ project: String) throws {
        XCTAssertTrue(try ProjectStore(path: project, create: false).fusions().isEmpty)
    }

    func testCtrlCCancelsTheJobCleanly() throws {
        let (project, process, stderr) = try startLongFuse()
        let job = try runningJob(project, process: process, stderr: stderr)
        XCTAssertEqual(job.pid, process.processIdentifier)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        let record = try ProjectStore(path: project, create: false).job(job.id)
        XCTAssertEqual(record.status, .cancelled)
        XCTAssertNotNil(record.finished)
        XCTAssertTrue(try String(contentsOf: stderr, encoding: .utf8).contains("job \(job.id) cancelled; nothing was saved"))
        try assertNothingSaved(project)
    }

    func testTheCancelVerbStopsAJobInAnotherProcess() throws {
        let (project, process, stderr) = try startLongFuse()
        let job = try runningJob(project, process: process, stderr: stderr)
        let r = try CLI.run(["cancel", project, "\(job.id)"])
        XCTAssertEqual(r.status, 0, r.stderr)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertEqual(try ProjectStore(path: project, create: false).job(job.id).status, .cancelled)
        try assertNothingSaved(project)
        // A finished job cannot be cancelled again.
        let again = try CLI.run(["cancel", project, "\(job.id)"])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("already ended: cancelled"), again.stderr)
        XCTAssertNotEqual(try CLI.run(["cancel", project, "999"]).status, 0)
    }

    func testAKilledJobIsListedAsInterrupted() throws {
        let (project, process, stderr) = try startLongFuse()
        let job = try runningJob(project, process: process, stderr: stderr)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(try ProjectStore(path: project, create: false).job(job.id).status, .running, "nobody has looked yet")
        let r = try CLI.run(["jobs", project, "--json"])
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(list.first?["status"] as? String, "interrupted")
        XCTAssertEqual(try ProjectStore(path: project, create: false).job(job.id).status, .interrupted)
        try assertNothingSaved(project)
        let text = try CLI.run(["jobs", project])
        XCTAssertTrue(text.stdout.contains("interrupted"), text.stdout)
    }
}
