import Foundation
import XCTest
@testable import BlendStore

final class FeaturesFileReaderTests: XCTestCase {
    private let names = FeatureFixtures.names

    // MARK: .npz as numpy writes it

    func testReadsAnNPZWrittenByNpSavez() throws {
        let matrix = try FeatureFileReader.read(url: FeatureFixtures.url("savez_f32.npz"))
        XCTAssertEqual(matrix, FeatureMatrix(names: names, columns: 3, values: FeatureFixtures.matrix(rows: 4, columns: 3)))
    }

    func testReadsAFloat64NPZWrittenByNpSavezCompressedAndRoundsLikeNumpy() throws {
        let matrix = try FeatureFileReader.read(url: FeatureFixtures.url("savez_compressed_f64.npz"))
        var expected = FeatureFixtures.matrix(rows: 4, columns: 3)
        // The fixture holds 0.1 in float64; numpy's astype(np.float32) rounds it to nearest.
        expected[0] = 0.1
        XCTAssertEqual(matrix, FeatureMatrix(names: names, columns: 3, values: expected))
    }

    func testIgnoresOtherArraysAndReadsBytesNames() throws {
        let expected = FeatureMatrix(names: names, columns: 3, values: FeatureFixtures.matrix(rows: 4, columns: 3))
        XCTAssertEqual(try FeatureFileReader.read(url: FeatureFixtures.url("savez_extra_entries.npz")), expected)
        XCTAssertEqual(try FeatureFileReader.read(url: FeatureFixtures.url("savez_1d_names_as_bytes.npz")), expected)
        XCTAssertEqual(try NPZArchive(url: FeatureFixtures.url("savez_extra_entries.npz")).arrayNames, ["X", "filenames", "y"])
    }

    // MARK: .npz that must be refused

    func testRefusesArchivesWithoutXOrFilenames() {
        assertFixtureError(
            "missing_filenames.npz", "no array 'filenames' (the N clip names); it holds 'X'")
        assertFixtureError(
            "missing_X.npz", "no array 'X' (the N × D features); it holds 'features', 'filenames'")
    }

    func testRefusesPickledNamesAndTellsHowToSaveThem() {
        assertFixtureError(
            "object_filenames.npz",
            "entry 'filenames.npy': dtype '|O' is an object array, which numpy stores as a Python pickle that "
                + "blendscope does not load; save names as a str array (np.array(names, dtype=str)) and features as float32")
    }

    func testRefusesRowCountsThatDifferFromTheNames() {
        assertFixtureError("row_mismatch.npz", "X has 4 rows but filenames has 3 names; they must match row for row")
    }

    func testRefusesRepeatedNamesAndAVectorX() {
        assertFixtureError("duplicate_names.npz", line: 4, "row 4: clip name 'A102_ang_int1_ver1' repeats row 1")
        assertFixtureError(
            "vector_X.npz",
            "X has shape (4,); expected a 2-D array of clips × features (X.reshape(-1, 1) for a single feature)")
    }

    func testRefusesNaNAndInfinityNamingTheRowAndTheClip() {
        assertFixtureError(
            "nan.npz", line: 3, "row 3 (clip A438_mix_disg_hap_30_70_ver1): X[2, 1] is NaN; features must be finite")
        assertFixtureError("inf.npz", line: 2, "row 2 (clip A303_neu_sit2_ver1): X[1, 0] is -inf; features must be finite")
        assertFixtureError(
            "float64_overflow.npz", line: 4,
            "row 4 (clip A55_sad_int2_ver1): X[3, 2] = 1e+300 is beyond float32's range (±3.4028235e+38); scale the features")
    }

    func testRefusesFilesThatAreNotZipArchivesOrAreCutShort() throws {
        let scratch = try FeatureScratchDirectory()
        let message = "not a readable zip archive (an .npz is a zip of .npy files; this one may be cut short or not an .npz)"
        let text = try scratch.write(Data("filename,f0\nA102_ang_int1_ver1,0.5\n".utf8), as: "text.npz")
        assertFeatureError(try FeatureFileReader.read(url: text), file: text.relativePath, message)
        let whole = try FeatureFixtures.data("savez_f32.npz")
        let cut = try scratch.write(whole.prefix(whole.count / 2), as: "cut.npz")
        assertFeatureError(try FeatureFileReader.read(url: cut), file: cut.relativePath, message)
        let empty = try scratch.write(Data(), as: "empty.npz")
        assertFeatureError(try FeatureFileReader.read(url: empty), file: empty.relativePath, message)
        let missing = scratch.url.appendingPathComponent("missing.npz")
        assertFeatureError(try FeatureFileReader.read(url: missing), file: missing.relativePath, "cannot read the file: no such file")
    }

    func testRefusesEntriesWhoseBytesWereDamaged() throws {
        let scratch = try FeatureScratchDirectory()
        // Stored entry: the local header (30 bytes, the name X.npy, a 20-byte zip64 field) and the
        // 128-byte .npy header come first; byte 200 is inside the float data.
        var stored = try FeatureFixtures.data("savez_f32.npz")
        stored[200] ^= 0xFF
        let storedURL = try scratch.write(stored, as: "stored.npz")
        assertFeatureError(
            try FeatureFileReader.read(url: storedURL), file: storedURL.relativePath,
            "entry 'X.npy' is corrupt: its CRC-32 does not match its contents")

        var deflated = try FeatureFixtures.data("savez_compressed_f64.npz")
        for offset in 70..<90 { deflated[offset] = 0xFF }
        let deflatedURL = try scratch.write(deflated, as: "deflated.npz")
        assertFeatureError(
            try FeatureFileReader.read(url: deflatedURL), file: deflatedURL.relativePath,
            "entry 'X.npy' is corrupt: its compressed data cannot be inflated (invalid distance too far back)")
    }

    // MARK: .npy with a names file

    func testReadsAPlainNPYWithANamesTextFile() throws {
        let scratch = try FeatureScratchDirectory()
        // A byte order mark, CRLF line ends, spaces and trailing blank lines are all tolerated.
        let namesFile = try scratch.write(Data("\u{FEFF}a\r\n b \r\nc\n\n\n".utf8), as: "names.txt")
        let matrix = try FeatureFileReader.read(url: FeatureFixtures.url("matrix_v2.npy"), names: namesFile)
        XCTAssertEqual(matrix, FeatureMatrix(names: ["a", "b", "c"], columns: 2, values: FeatureFixtures.matrix(rows: 3, columns: 2)))
    }

    func testReadsAPlainNPYWithAnNPYOfNames() throws {
        let matrix = try FeatureFileReader.read(url: FeatureFixtures.url("column_fortran.npy"), names: FeatureFixtures.url("names.npy"))
        XCTAssertEqual(matrix, FeatureMatrix(names: names, columns: 1, values: [0, 1, 2, 3]))
    }

    func testRefusesANamesFileThatDoesNotMatch() throws {
        let scratch = try FeatureScratchDirectory()
        let matrixURL = FeatureFixtures.url("matrix_v1.npy")
        /// Reading the matrix with `names` is refused, the problem put in the names file.
        func refused(_ names: URL, line: Int? = nil, _ message: String, sourceLine: UInt = #line) {
            assertFeatureError(try FeatureFileReader.read(url: matrixURL, names: names), file: names.relativePath,
                               line: line, message, line: sourceLine)
        }
        assertFeatureError(
            try FeatureFileReader.read(url: matrixURL, names: FeatureFixtures.url("names.npy")), file: matrixURL.relativePath,
            "the array has 3 rows but names.npy has 4 names; they must match row for row")
        refused(try scratch.write(Data("a\n\nc\n".utf8), as: "blank.txt"), line: 2, "blank line; write one clip name per line")
        refused(try scratch.write(Data("a\nb\na\n".utf8), as: "repeated.txt"), line: 3, "clip name 'a' repeats line 1")
        refused(FeatureFixtures.url("vector_f64.npy"),
                "the names array holds <f8 numbers; expected clip names as a str array (np.array(names, dtype=str))")
        refused(try scratch.write(Data([0x61, 0x0A, 0xE9, 0x0A, 0x63]), as: "latin1.txt"), line: 2, "the names file is not UTF-8 text")
        refused(try scratch.write(Data("a\nb\u{1B}[2J\nc\n".utf8), as: "escape.txt"), line: 2,
                #"clip name 'b\u{001B}[2J' contains U+001B (a control character) at character 2 (names, tags and notes may not "#
                + "contain control characters or bidirectional controls, and only a note may span lines)")
    }

    func testSaysWhichFileGoesWithWhich() {
        let npy = FeatureFixtures.url("matrix_v1.npy")
        assertFeatureError(
            try FeatureFileReader.read(url: npy), file: npy.relativePath,
            "a plain .npy holds no clip names; give a names file (one name per line, or an .npy of strings)")
        let namesURL = FeatureFixtures.url("names.npy")
        assertFeatureError(
            try FeatureFileReader.read(url: FeatureFixtures.url("savez_f32.npz"), names: namesURL), file: namesURL.relativePath,
            "a names file goes with a plain .npy; savez_f32.npz carries its names in 'filenames'")
        let csv = URL(fileURLWithPath: "features.csv")
        assertFeatureError(
            try FeatureFileReader.read(url: csv), file: csv.relativePath,
            "cannot read features from '.csv'; give an .npz (arrays X and filenames) or an .npy with a names file")
    }

    // MARK: checks on the matrix itself

    func testCountsTheOtherNonFiniteValues() {
        let array = NPYArray(dataType: .float32, shape: [2, 2], elements: .float32([1, .infinity, .nan, .nan]))
        assertFeatureError(
            try FeatureMatrix(validating: array, names: ["p", "q"], file: "f.npz", arrayName: "X", namesSource: "filenames"),
            file: "f.npz", line: 1, "row 1 (clip p): X[0, 1] is +inf; features must be finite (and 2 more non-finite values)")
    }

    func testRefusesEmptyMatricesAndStringMatrices() {
        let empty = NPYArray(dataType: .float32, shape: [0, 3], elements: .float32([]))
        assertFeatureError(
            try FeatureMatrix(validating: empty, names: [], file: "f.npz", arrayName: "X", namesSource: "filenames"),
            file: "f.npz", "X has shape (0, 3); it holds no features")
        let strings = NPYArray(dataType: .unicode(characters: 1), shape: [1, 1], elements: .strings(["a"]))
        assertFeatureError(
            try FeatureMatrix(validating: strings, names: ["p"], file: "f.npz", arrayName: "X", namesSource: "filenames"),
            file: "f.npz", "X holds strings (<U1); expected float32 or float64 features")
    }

    private func assertFixtureError(
        _ name: String, line errorLine: Int? = nil, _ message: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let url = FeatureFixtures.url(name)
        assertFeatureError(
            try FeatureFileReader.read(url: url), file: url.relativePath, line: errorLine, message, file: file, line: line)
    }
}
