import BlendTestSupport
import Foundation
import XCTest
@testable import BlendStore

final class FeaturesWriterTests: XCTestCase {
    func testNPYWriterWritesTheBytesNpSaveWrites() throws {
        XCTAssertEqual(
            NPYWriter.float32Matrix(FeatureFixtures.matrix(rows: 3, columns: 2), rows: 3, columns: 2),
            try FeatureFixtures.data("matrix_v1.npy"))
        XCTAssertEqual(NPYWriter.unicodeStrings(FeatureFixtures.names), try FeatureFixtures.data("names.npy"))
        XCTAssertEqual(NPYWriter.unicodeStrings(["Zoë_hap", "😀_neu", ""]), try FeatureFixtures.data("names_unicode.npy"))
    }

    func testNPYWriterAlignsTheDataAndWritesEmptyArrays() throws {
        let empty = NPYWriter.unicodeStrings([])
        XCTAssertEqual(empty.count % 64, 0)
        let array = try NPYReader.read(empty, file: "empty.npy")
        XCTAssertEqual(array.dataType, .unicode(characters: 1))
        XCTAssertEqual(array.elements, .strings([]))
        let wide = NPYWriter.float32Matrix([], rows: 0, columns: 1_000_000)
        XCTAssertEqual(wide.count % 64, 0)
        XCTAssertEqual(try NPYReader.read(wide, file: "wide.npy").shape, [0, 1_000_000])
    }

    func testNPZWriterRoundTripsThroughTheReaderAndReplacesTheFile() throws {
        let scratch = try FeatureScratchDirectory()
        let url = scratch.url.appendingPathComponent("features.npz")
        let first = FeatureMatrix(names: ["A1_hap_int1_ver1"], columns: 2, values: [1, 2])
        try NPZWriter.write(first, to: url)
        let matrix = FeatureMatrix(
            names: FeatureFixtures.names, columns: 3, values: FeatureFixtures.matrix(rows: 4, columns: 3).map { $0 - 1.5 })
        try NPZWriter.write(matrix, to: url)
        XCTAssertEqual(try FeatureFileReader.read(url: url), matrix)
        XCTAssertEqual(try NPZArchive(url: url).arrayNames, ["X", "filenames"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path), ["features.npz"])
    }

    func testNPZWriterIsDeterministic() throws {
        let scratch = try FeatureScratchDirectory()
        let matrix = FeatureMatrix(names: ["a", "b"], columns: 1, values: [0.5, -0.5])
        let first = scratch.url.appendingPathComponent("a.npz")
        let second = scratch.url.appendingPathComponent("b.npz")
        try NPZWriter.write(matrix, to: first)
        try NPZWriter.write(matrix, to: second)
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second))
    }

    /// numpy itself reads what NPZWriter writes. Skipped where python3 with numpy is missing.
    func testNumpyLoadsWhatNPZWriterWrites() throws {
        let scratch = try FeatureScratchDirectory()
        let url = scratch.url.appendingPathComponent("features.npz")
        let matrix = FeatureMatrix(names: FeatureFixtures.names + ["Zoë_😀"], columns: 2, values: [0.25, -1, 2, 3.5, 1e-8, 4, 5, 6, 7, 8])
        try NPZWriter.write(matrix, to: url)
        let script = """
            import sys
            try:
                import numpy as np
            except ImportError:
                sys.exit(77)
            with np.load(sys.argv[1]) as f:
                X, names = f["X"], f["filenames"]
                print(X.dtype, X.shape, names.dtype, names.shape)
                print(repr(X.tolist()))
                print("|".join(names.tolist()))
            """
        guard let output = try runPython(script, arguments: [url.path]) else {
            throw XCTSkip("python3 with numpy is not available")
        }
        XCTAssertEqual(
            output,
            """
            float32 (5, 2) <U28 (5,)
            [[0.25, -1.0], [2.0, 3.5], [9.99999993922529e-09, 4.0], [5.0, 6.0], [7.0, 8.0]]
            A102_ang_int1_ver1|A303_neu_sit2_ver1|A438_mix_disg_hap_30_70_ver1|A55_sad_int2_ver1|Zoë_😀

            """)
    }

    /// The script's standard output, or nil when python3 is missing or the script exits with 77
    /// (numpy is missing).
    private func runPython(_ script: String, arguments: [String]) throws -> String? {
        guard let run = try? ChildProcessRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments,
                                                 environment: ["PYTHONIOENCODING": "utf-8"]) else { return nil }
        // env exits 127 when it cannot find python3.
        if [77, 127].contains(run.status) { return nil }
        XCTAssertEqual(run.status, 0, "python3 failed: \(run.stderrText)")
        return run.stdoutText
    }
}
