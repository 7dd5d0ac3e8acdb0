@testable import BlendStore
import Foundation
import XCTest

/// Every number option through the real binary with the values a hostile user types: each
/// is a usage error (exit 64) naming the option, and the project is left byte for byte.
final class HostileNumbersTests: XCTestCase {
    /// Refused by every bounded real option whose range excludes 0 and 2.
    static let all = ["NaN", "nan", "inf", "-inf", "-1", "2", "1e308", "4.9e-324", "1e-300"]
    /// Refused by a probability (tiny positive numbers are probabilities).
    static let notProbabilities = ["NaN", "nan", "inf", "-inf", "-1", "2", "1e308"]
    /// Refused by a bounded option that admits 0, 2 and tiny values (seconds, weight decay).
    static let notFinite = ["NaN", "nan", "inf", "-inf", "-1", "1e308"]
    /// Refused by a whole-number option with a lower bound of 0.
    static let notCounts = ["nan", "inf", "-1", "1e18", "1000000000000000000", "4.9e-324"]
    /// Refused by a whole-number option with a lower bound of 1.
    static let notPositiveCounts = notCounts + ["0"]

    func testEveryNumberOptionRefusesHostileValuesBeforeTouchingTheProject() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let before = try ProjectStore(path: project, create: false).contentSnapshot()
        // Read after the snapshot's own connection has closed (closing may checkpoint).
        let bytes = try projectBytes(project)
        let video = dir.appendingPathComponent("none.mov").path

        // Every value on one option of each kind, and the values that break each kind on the
        // others (each run starts the binary, so the whole matrix would take a minute).
        let train = ["train", project, "--encoder", "hand"]
        let cases: [(arguments: [String], option: String, values: [String])] = [
            (["eval", project], "--alpha", Self.notProbabilities),
            (["eval", project], "--beta", ["nan", "2"]),
            (["confusion", project], "--alpha", ["NaN", "-inf"]),
            (["confusion", project], "--beta", ["inf", "-1"]),
            (["durations", project], "--alpha", ["nan", "1e308"]),
            (["durations", project], "--beta", ["nan", "2"]),
            (["actors", project], "--alpha", ["nan", "-1"]),
            (["export", project, "confusion"], "--alpha", ["nan", "2"]),
            (["export", project, "submission"], "--beta", ["inf", "-1"]),
            (["use", project], "--alpha", ["NaN", "2"]),
            (["use", project], "--beta", ["nan", "-inf"]),
            (["sweep", project], "--grid", Self.all),
            (["folds", project], "--grid", ["1e-300", "nan"]),
            (["actors", project], "--grid", ["4.9e-324", "inf"]),
            (["durations", project], "--grid", ["1e-300", "-1"]),
            (["export", project, "folds"], "--grid", ["1e-300", "2"]),
            (["durations", project], "--edges", Self.notFinite),
            (["durations", project], "--bins", ["0", "1000000000000000000", "nan"]),
            (["review", project], "--top", Self.notPositiveCounts),
            (["export", project, "review"], "--top", ["0", "1000000000000000000"]),
            (["fuse", project], "--step", Self.all),
            (["fuse", project], "--rounds", ["0", "1000000000000000000"]),
            (train, "--epochs", Self.notPositiveCounts),
            (train, "--batch", ["0", "1000000000000000000"]),
            (train, "--patience", ["-1", "1000000000000000000"]),
            (train, "--threads", ["0", "1000000000000000000"]),
            (train, "--lr", ["nan", "inf", "4.9e-324", "1e308"]),
            (train, "--weight-decay", ["nan", "-1", "1e308"]),
            (train, "--dropout", ["nan", "2", "-inf"]),
            (["media", "frame", video], "--at", Self.notFinite),
            (["bench"], "--clips", ["-1", "1000000000000000000"]),
            (["bench"], "--repeats", ["0", "1000000000000000000"]),
            (["bench"], "--train-epochs", ["0", "1000000000000000000"]),
            (["bench"], "--train-threads", ["0", "1000000000000000000"]),
        ]
        let calls = cases.flatMap { c in c.values.map { (c.arguments + ["\(c.option)=\($0)"], c.option) } }
        // Two at a time: validation needs no project, so the runs are independent.
        let results = Locked([CLI.Result?](repeating: nil, count: calls.count))
        DispatchQueue.concurrentPerform(iterations: calls.count) { i in
            let r = try? CLI.run(calls[i].0)
            results.update { $0[i] = r }
        }
        for (call, result) in zip(calls, results.value) {
            let text = call.0.joined(separator: " ")
            guard let r = result else { XCTFail("\(text) did not run"); continue }
            XCTAssertEqual(r.status, 64, "\(text): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(call.1), "\(text): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", text)
        }
        XCTAssertEqual(try projectBytes(project), bytes, "no verb opened the project")
        XCTAssertEqual(try ProjectStore(path: project, create: false).contentSnapshot(), before)
    }

    /// The project file and its WAL, if any.
    private func projectBytes(_ project: String) throws -> [Data] {
        [project, project + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }
    }

    func testTheMessageNamesTheOptionAndTheRange() throws {
        let cases: [([String], String)] = [
            (["eval", "p.sqlite", "--alpha", "nan"], "--alpha must be a number in [0, 1], got nan"),
            (["use", "p.sqlite", "--beta=-inf"], "--beta must be a number in [0, 1], got -inf"),
            (["sweep", "p.sqlite", "--grid", "1e-300"], "--grid must be official or a step in [0.001, 0.5], got 1e-300"),
            (["fuse", "p.sqlite", "--step", "4.9e-324"], "--step must be a number in [0.001, 1], got 5e-324"),
            (["train", "p.sqlite", "--encoder", "e", "--epochs", "1000000000000000000"],
             "--epochs must be a whole number in [1, 10000], got 1000000000000000000"),
            (["durations", "p.sqlite", "--edges", "1,1e308"], "--edges: an edge must be a number in [0, 86400], got 1e+308 seconds"),
        ]
        for (arguments, message) in cases {
            let r = try CLI.run(arguments)
            XCTAssertEqual(r.status, 64, arguments.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
        }
    }

    func testTinyProbabilitiesAreValidThresholds() throws {
        let project = try HandProject.make(in: try CLI.scratchDirectory(self))
        for value in ["4.9e-324", "1e-300", "0", "1"] {
            let r = try CLI.run(["eval", project, "--alpha", value, "--beta", value, "--json"])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
    }

    func testTheFinestGridStepFinishesQuickly() throws {
        let project = try HandProject.make(in: try CLI.scratchDirectory(self))
        let start = Date()
        let r = try CLI.run(["sweep", project, "--grid", "0.001", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "1001 × 1001 cells on 9 clips")
    }
}

/// A value shared by the concurrent runs.
private final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func update(_ change: (inout Value) -> Void) { lock.lock(); defer { lock.unlock() }; change(&stored) }
}
