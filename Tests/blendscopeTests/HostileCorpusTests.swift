import Foundation
import XCTest
@testable import BlendStore
#if canImport(Glibc)
import Glibc
#endif

/// Every file of Tests/Fixtures/hostile (and the large ones HostileInputs writes) through the
/// real binary: a non-zero exit, one message naming the file and the reason, the project
/// exactly as it was, and each refusal quickly: under `refusalBound`, far below what reading a
/// 1 GiB hostile file to its end would take, and loose enough for a debug build on a loaded
/// 2-core machine (the 18 MB line took 6–15 s there while other builds ran).
final class HostileCorpusTests: XCTestCase {
    private let refusalBound: TimeInterval = 20
    private var project = ""
    private var before: ContentSnapshot?
    private var dir = URL(fileURLWithPath: "/")

    override func setUpWithError() throws {
        dir = try CLI.scratchDirectory(self)
        project = dir.appendingPathComponent("p.sqlite").path
        let set = CLI.fixtures.appendingPathComponent("public_set")
        let r = try CLI.run(["import", project, "--metadata", set.appendingPathComponent("train_metadata.csv").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        before = try ProjectStore(path: project, create: false).contentSnapshot()
    }

    private func hostile(_ name: String) -> String { HostileInputs.corpus.appendingPathComponent(name).path }

    /// Runs `import PROJECT arguments` and checks the refusal names `file` and says `reason`.
    private func assertRefused(
        _ arguments: [String], file: String, _ reason: String, line: UInt = #line
    ) throws {
        let start = Date()
        let r = try CLI.run(["import", project] + arguments)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertNotEqual(r.status, 0, "accepted: \(arguments)", line: line)
        XCTAssertTrue(r.stderr.contains(file), "no '\(file)' in: \(r.stderr)", line: line)
        XCTAssertTrue(r.stderr.contains(reason), "no '\(reason)' in: \(r.stderr)", line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one message: \(r.stderr)", line: line)
        XCTAssertLessThan(seconds, refusalBound, "\(arguments) took \(seconds) s", line: line)
        XCTAssertEqual(try ProjectStore(path: project, create: false).contentSnapshot(), before, "\(arguments)", line: line)
    }

    func testTheCheckedInCorpusIsRefused() throws {
        let names = hostile("names.txt")
        let npy: [(String, String)] = [
            ("npy_unicode_1e11.npy", "dtype '<U100000000000' declares strings of 100000000000 characters"),
            ("npy_unicode_3e18.npy", "dtype '<U3e18' is not a numpy dtype string"),
            ("npy_nested_1000.npy", "containers nest deeper than 32 levels"),
            ("npy_shape_2e62.npy", "the shape (4611686018427387904, 4) is too large to hold"),
            ("npy_shape_beyond_data.npy", "needs 4000000000 bytes after the header, but only 16 follow"),
            ("npy_header_4gib.npy", "the header declares 4294967280 bytes; blendscope reads headers of at most 10000 bytes"),
        ]
        for (name, reason) in npy {
            try assertRefused(["--features", hostile(name), "--names", names, "--encoder", "e"], file: hostile(name) + ": ", reason)
            // The same arrays as a names file beside a good matrix are refused the same way.
            if name.hasPrefix("npy_unicode") {
                try assertRefused(["--features", hostile("npy_shape_2e62.npy"), "--names", hostile(name), "--encoder", "e"],
                                  file: hostile("npy_shape_2e62.npy"), "too large to hold")
            }
        }
        let npz: [(String, String)] = [
            ("npz_declares_1tib.npz", "entry 'X.npy' declares 1099511627776 bytes uncompressed; an .npz may inflate to at most"),
            ("npz_outgrows_header.npz", "entry 'X.npy' declares 1048720 bytes but its .npy header calls for 144"),
            ("npz_outgrows_directory.npz", "entry 'X.npy' inflates to more than the 144 bytes its directory and .npy header declare"),
            ("npz_deflate_cut.npz", "entry 'X.npy' is corrupt: its compressed data ends before the deflate stream does"),
        ]
        for (name, reason) in npz {
            try assertRefused(["--features", hostile(name), "--encoder", "e"], file: hostile(name) + ": ", reason)
        }
        try assertRefused(["--metadata", hostile("metadata_2000_columns.csv")],
                          file: hostile("metadata_2000_columns.csv") + ":1: ", "more than 1024 fields on one line")
        try assertRefused(["--metadata", hostile("metadata_salience_overflow.csv")],
                          file: hostile("metadata_salience_overflow.csv") + ":2: ", "A117_mix_ang_hap_9223372036854775807_1_ver1")
        try assertRefused(["--probs", hostile("probs_sum_overflows.csv"), "--encoder", "e", "--normalize"],
                          file: hostile("probs_sum_overflows.csv") + ":2: ", "cannot be normalised")
        try assertRefused(["--probs", hostile("probs_sum_zero.csv"), "--encoder", "e", "--normalize"],
                          file: hostile("probs_sum_zero.csv") + ":2: ", "probabilities sum to 0")
    }

    func testAZipBombIsRefusedAtOnce() throws {
        let bomb = dir.appendingPathComponent("bomb.npz")
        try HostileInputs.writeZipBomb(to: bomb)
        XCTAssertGreaterThan(try FileManager.default.attributesOfItem(atPath: bomb.path)[.size] as? Int ?? 0, 6_500_000)
        try assertRefused(["--features", bomb.path, "--encoder", "e"], file: bomb.path,
                          "entry 'X.npy' inflates to more than the 144 bytes its directory and .npy header declare")
        // The same bomb owning up to 6.8 GB in its directory: refused before inflating.
        try HostileInputs.writeZipBomb(to: bomb, declaredSize: 6_800_000_000)
        try assertRefused(["--features", bomb.path, "--encoder", "e"], file: bomb.path,
                          "declares 6800000000 bytes uncompressed; an .npz may inflate to at most 1073741824 bytes")
    }

    func testHugeHeadersAndLinesAreRefusedWithoutReadingThem() throws {
        let nested = dir.appendingPathComponent("nested.npy")
        try HostileInputs.writeNestedNPY(to: nested, depth: 300_000)
        try assertRefused(["--features", nested.path, "--names", hostile("names.txt"), "--encoder", "e"], file: nested.path,
                          "blendscope reads headers of at most 10000 bytes")
        // 1 GiB of NUL bytes after "filename,": one field, refused after its first 64 KiB.
        let sparse = dir.appendingPathComponent("sparse.csv")
        try HostileInputs.writeSparseFile(to: sparse, size: 1 << 30)
        for arguments in [["--metadata"], ["--probs", "--encoder", "e"], ["--features", "--encoder", "e"]] {
            try assertRefused([arguments[0], sparse.path] + arguments.dropFirst(), file: sparse.path + ":1: ",
                              "field 2 is longer than 64 KiB (65536 bytes)")
        }
        // Fields within their limit, a line beyond its: 1 MiB for metadata and probabilities,
        // 16 MiB for features.
        let line = dir.appendingPathComponent("line.csv")
        try Data((Array(repeating: String(repeating: "A", count: 60_000), count: 20).joined(separator: ",") + "\n").utf8)
            .write(to: line)
        try assertRefused(["--probs", line.path, "--encoder", "e"], file: line.path + ":1: ", "line longer than 1 MiB (1048576 bytes)")
        try assertRefused(["--metadata", line.path], file: line.path + ":1: ", "line longer than 1 MiB (1048576 bytes)")
        let wide = dir.appendingPathComponent("wide.csv")
        let value = "0." + String(repeating: "1", count: 298)
        try Data((Array(repeating: value, count: 60_000).joined(separator: ",") + "\n").utf8).write(to: wide)
        try assertRefused(["--features", wide.path, "--encoder", "e"], file: wide.path + ":1: ", "line longer than 16 MiB")
        let field = dir.appendingPathComponent("field.csv")
        try Data(("filename,ang,disg,fea,hap,sad,neu\n" + String(repeating: "A", count: 70_000) + ",1,0,0,0,0,0\n").utf8)
            .write(to: field)
        try assertRefused(["--probs", field.path, "--encoder", "e"], file: field.path + ":2: ",
                          "field 1 is longer than 64 KiB (65536 bytes)")
    }

    func testWhatIsNoRegularFileIsRefusedAtOnce() throws {
        let fifo = dir.appendingPathComponent("fifo.csv").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let fifoNPZ = dir.appendingPathComponent("fifo.npz").path
        XCTAssertEqual(mkfifo(fifoNPZ, 0o600), 0)
        let folder = dir.appendingPathComponent("folder.csv").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let zero = dir.appendingPathComponent("zero.npy").path
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        let linkedFIFO = dir.appendingPathComponent("linked.npz").path
        try FileManager.default.createSymbolicLink(atPath: linkedFIFO, withDestinationPath: fifoNPZ)
        let fifoReason = "is a FIFO (named pipe), not a regular file"
        for option in ["--metadata", "--probs"] {
            let extra = option == "--probs" ? ["--encoder", "e"] : []
            try assertRefused([option, fifo] + extra, file: fifo + ": ", fifoReason)
            try assertRefused([option, folder] + extra, file: folder + ": ", "is a directory")
            try assertRefused([option, "/dev/zero"] + extra, file: "/dev/zero: ", "is a character device, not a regular file")
        }
        try assertRefused(["--features", fifo, "--encoder", "e"], file: fifo + ": ", fifoReason)
        try assertRefused(["--features", fifoNPZ, "--encoder", "e"], file: fifoNPZ + ": ", fifoReason)
        try assertRefused(["--features", linkedFIFO, "--encoder", "e"], file: linkedFIFO + ": ",
                          "is a symbolic link to a FIFO (named pipe), not a regular file")
        try assertRefused(["--features", "/dev/zero", "--encoder", "e"], file: "/dev/zero: ", "is a character device")
        try assertRefused(["--features", zero, "--names", hostile("names.txt"), "--encoder", "e"], file: zero + ": ",
                          "is a symbolic link to a character device, not a regular file")
        try assertRefused(["--features", hostile("npy_shape_2e62.npy"), "--names", fifo, "--encoder", "e"],
                          file: fifo + ": ", fifoReason)
        try assertRefused(["--videos", fifo], file: fifo + ": ", "is a FIFO (named pipe), not a folder")
    }

    func testAVideoFolderSkipsWhatIsNoRegularFile() throws {
        let videos = dir.appendingPathComponent("videos")
        try FileManager.default.createDirectory(at: videos, withIntermediateDirectories: false)
        let fifo = videos.appendingPathComponent("A117_ang_int1_ver1.mov").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        try FileManager.default.createDirectory(at: videos.appendingPathComponent("A117_ang_int2_ver1.mp4"),
                                                withIntermediateDirectories: false)
        let start = Date()
        let r = try CLI.run(["import", project, "--videos", videos.path])
        XCTAssertLessThan(Date().timeIntervalSince(start), refusalBound)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("\(fifo): is a FIFO (named pipe), not a regular file"), r.stdout)
        XCTAssertTrue(r.stdout.contains("A117_ang_int2_ver1.mp4: is a directory"), r.stdout)
        XCTAssertTrue(r.stdout.contains("linked 0 clips"), r.stdout)
    }

    func testMediaVerbsRefuseWhatIsNoRegularFile() throws {
        let fifo = dir.appendingPathComponent("clip.mov").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        for verb in ["probe", "frame"] {
            for (path, reason) in [(fifo, "is a FIFO (named pipe), not a regular file"), (dir.path, "is a directory"),
                                   ("/dev/zero", "is a character device, not a regular file")] {
                let start = Date()
                let r = try CLI.run(["media", verb, path])
                XCTAssertLessThan(Date().timeIntervalSince(start), refusalBound)
                XCTAssertNotEqual(r.status, 0)
                XCTAssertTrue(r.stderr.contains("\(path): \(reason)"), r.stderr)
            }
        }
    }
}
