import Foundation
import XCTest

/// The conformance public set as a project through the binary: its 639 clips, the `face`
/// encoder's probabilities, current at α 0.1, β 0.2. And the sqlite3 shell, for editing a
/// project by hand as a user could.
enum PublicSetProject {
    static let folder = CLI.fixtures.appendingPathComponent("public_set")
    static var trainMetadata: String { folder.appendingPathComponent("train_metadata.csv").path }

    static func make(in dir: URL, _ name: String = "p.sqlite") throws -> String {
        let path = dir.appendingPathComponent(name).path
        for arguments in [["import", path, "--metadata", trainMetadata,
                           "--metadata", folder.appendingPathComponent("test_metadata.csv").path],
                          ["import", path, "--probs", folder.appendingPathComponent("probs_face.csv").path, "--encoder", "face"],
                          ["use", path, "--encoder", "face", "--alpha", "0.1", "--beta", "0.2"]] {
            let r = try CLI.run(arguments)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        return path
    }

    /// Starts `sqlite3 PATH` reading `sql` (CHECK constraints off, as a hand edit may have
    /// them); with `wait`, runs it to the end and expects success, else leaves it running
    /// with its input open (a transaction it began stays open).
    @discardableResult
    static func sqlite(_ path: String, _ sql: String, wait: Bool = true) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(("PRAGMA ignore_check_constraints = ON;\n" + sql + "\n").utf8))
        if wait {
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, sql)
        }
        return process
    }
}
