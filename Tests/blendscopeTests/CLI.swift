import BlendTestSupport
import Foundation
import XCTest

/// Locates and runs the `blendscope` executable that `swift test` built beside the tests.
enum CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }

        init(_ run: ChildProcessRun) { self.init(status: run.status, stdout: run.stdoutText, stderr: run.stderrText) }
    }

    static var executable: URL {
        // The XCTest bundle runs from the build products folder, where the executable also lives.
        let products = Bundle.main.bundleURL.pathExtension == "xctest"
            ? Bundle.main.bundleURL.deletingLastPathComponent()
            : Bundle.main.bundleURL
        return products.appendingPathComponent("blendscope")
    }

    /// The shared test fixtures (`Tests/Fixtures`).
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A temporary directory removed when `test` ends.
    static func scratchDirectory(_ test: XCTestCase) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("blendscope-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Runs a verb that must be refused and checks that its message on stderr says `message`.
    static func assertRefused(_ arguments: [String], saying message: String,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try run(arguments)
        XCTAssertNotEqual(r.status, 0, "\(arguments)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains(message), "\(arguments): \(r.stderr)", file: file, line: line)
    }

    /// Runs a `--json` verb that must succeed and returns its JSON object.
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try run(arguments)
        guard r.status == 0 else { throw Failure(message: "blendscope \(arguments.joined(separator: " ")): \(r.stderr)") }
        guard let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] else {
            throw Failure(message: "not a JSON object: \(r.stdout)")
        }
        return object
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        Result(try ChildProcessRun.run(executable, arguments, environment: environment))
    }

    /// Runs `arguments` as the unprivileged user `nobody`, for whom a root-owned folder and
    /// file are read-only (root itself writes anywhere). Nil when that cannot be arranged.
    static func runAsNobody(_ arguments: [String]) throws -> Result? {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return nil }
        return Result(try ChildProcessRun.run(URL(fileURLWithPath: "/usr/bin/setpriv"),
                                              ["--reuid=65534", "--regid=65534", "--clear-groups", executable.path] + arguments))
    }
}
