import BlendCore
import XCTest
@testable import BlendStore

final class FeaturesImportTests: XCTestCase {
    func testCSVRoundTripInClipOrder() throws {
        let project = try TestProject.small(self)
        // Rows out of clip order, one with an extension; values exactly representable in Float32.
        let url = try project.file("f.csv", """
            f1,filename,f2,f3
            0.5,A470_ang_int1_ver1,-1.25,3e2
            1,A117_ang_int1_ver1.mov,2,0.125

            """)
        let summary = try project.store.importFeaturesCSV(from: url, encoder: "face")
        XCTAssertEqual(summary, FeaturesImportSummary(file: url.relativePath, encoder: "face", rows: 2, dimension: 3,
                                                      train: 1, test: 1, replaced: 0))
        let matrix = try XCTUnwrap(project.store.features(encoder: "face"))
        XCTAssertEqual(matrix, FeatureMatrix(names: ["A117_ang_int1_ver1", "A470_ang_int1_ver1"], columns: 3,
                                             values: [1, 2, 0.125, 0.5, -1.25, 300]))
        let face = try XCTUnwrap(project.store.encoders().first)
        XCTAssertEqual(face.featureDimension, 3)
        XCTAssertEqual(face.featureCount, 2)
        XCTAssertEqual(face.probabilityCount, 60)
    }

    func testStoredMatrixKeepsEveryBit() throws {
        let project = try TestProject.small(self)
        let names = try project.store.clips().map(\.name)
        var generator = SeededGenerator(seed: 7)
        let values = (0..<(names.count * 17)).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()) & 0xBF7F_FFFF) }
        let matrix = FeatureMatrix(names: names.reversed(), columns: 17, values: values)
        try project.store.storeFeatures(matrix, sourceFile: "x.npz", encoder: "emb")
        let back = try XCTUnwrap(project.store.features(encoder: "emb"))
        XCTAssertEqual(back.names, names)
        for (i, name) in names.enumerated() {
            let original = matrix.names.firstIndex(of: name)!
            XCTAssertEqual(back.row(i).map(\.bitPattern), matrix.row(original).map(\.bitPattern))
        }
        XCTAssertNil(try project.store.features(encoder: "face"))
        XCTAssertThrowsError(try project.store.features(encoder: "nope")) {
            XCTAssertEqual($0 as? StoreError, .unknownEncoder("nope"))
        }
    }

    func testReplace() throws {
        let project = try TestProject.small(self)
        let first = try project.file("a.csv", "filename,x\nA117_ang_int1_ver1,1\nA117_ang_int2_ver1,2\n")
        try project.store.importFeaturesCSV(from: first, encoder: "emb")
        let second = try project.file("b.csv", "filename,x,y\nA117_ang_int1_ver1,3,4\n")
        try assertRefused(project.store, file: second, line: nil,
                          "encoder 'emb' already has features for 2 clips (give --replace to overwrite them)") {
            try project.store.importFeaturesCSV(from: second, encoder: "emb")
        }
        XCTAssertEqual(try project.store.importFeaturesCSV(from: second, encoder: "emb", replace: true).replaced, 2)
        XCTAssertEqual(try project.store.features(encoder: "emb"),
                       FeatureMatrix(names: ["A117_ang_int1_ver1"], columns: 2, values: [3, 4]))
    }

    // MARK: - Bad input: each refused with its message, the store unchanged.

    private func refusesCSV(_ text: String, line: Int?, _ message: String,
                            file: StaticString = #filePath, sourceLine: UInt = #line) throws {
        let project = try TestProject.small(self)
        let url = try project.file("bad.csv", text)
        try assertRefused(project.store, file: url, line: line, message,
                          { try project.store.importFeaturesCSV(from: url, encoder: "emb") },
                          sourceFile: file, sourceLine: sourceLine)
    }

    private func refusesMatrix(_ matrix: FeatureMatrix, line: Int?, _ message: String,
                               file: StaticString = #filePath, sourceLine: UInt = #line) throws {
        let project = try TestProject.small(self)
        let source = project.directory.appendingPathComponent("emb.npz")
        try assertRefused(project.store, file: source, line: line, message,
                          { try project.store.storeFeatures(matrix, sourceFile: source.relativePath, encoder: "emb") },
                          sourceFile: file, sourceLine: sourceLine)
    }

    func testCSVColumnsAndFields() throws {
        try refusesCSV("name,x\nA117_ang_int1_ver1,1\n", line: 1, "missing column 'filename'")
        try refusesCSV("filename\nA117_ang_int1_ver1\n", line: 1, "no feature columns besides 'filename'")
        try refusesCSV("filename,x,y\nA117_ang_int1_ver1,1,2\nA117_ang_int2_ver1,1\n", line: 3, "2 fields, expected 3 as in the header")
        try refusesCSV("", line: nil, "empty file (expected a header line)")
    }

    func testCSVNumbers() throws {
        try refusesCSV("filename,x\nA117_ang_int1_ver1,1\nA117_ang_int2_ver1,one\n", line: 3, "malformed number 'one' in column 'x'")
        try refusesCSV("filename,x\nA117_ang_int1_ver1,NaN\n", line: 2, "not a finite number: 'NaN' in column 'x'")
        try refusesCSV("filename,x\nA117_ang_int1_ver1,1e39\n", line: 2, "value 1e39 in column 'x' is out of Float32 range")
    }

    func testCSVNamesAreChecked() throws {
        try refusesCSV("filename,x\nA117_ang_int1_ver1,1\nA999_ang_int1_ver1,2\n", line: 3,
                       "'A999_ang_int1_ver1' is not in the project's metadata (import its metadata first)")
        try refusesCSV("filename,x\nA117_ang_int1_ver1,1\nA117_ang_int2_ver1,2\nA117_ang_int1_ver1,3\n", line: 4,
                       "duplicate filename 'A117_ang_int1_ver1' (first on line 2)")
    }

    func testMatrixChecks() throws {
        let a = "A117_ang_int1_ver1", b = "A117_ang_int2_ver1"
        try refusesMatrix(FeatureMatrix(names: [a, "A999_hap_int1_ver1"], columns: 1, values: [1, 2]), line: 2,
                          "'A999_hap_int1_ver1' is not in the project's metadata (import its metadata first)")
        try refusesMatrix(FeatureMatrix(names: [a, b, a], columns: 1, values: [1, 2, 3]), line: 3,
                          "duplicate filename 'A117_ang_int1_ver1' (first on row 1)")
        try refusesMatrix(FeatureMatrix(names: [a, b], columns: 2, values: [1, 2, 3, .nan]), line: 2,
                          "not a finite value (nan) in feature column 2")
        try refusesMatrix(FeatureMatrix(names: [a, b], columns: 2, values: [1, -.infinity, 3, 4]), line: 1,
                          "not a finite value (-inf) in feature column 2")
        try refusesMatrix(FeatureMatrix(names: [], columns: 4, values: []), line: nil, "no feature rows")
        try refusesMatrix(FeatureMatrix(names: [a], columns: 0, values: []), line: nil, "feature vectors have no columns")
        var short = FeatureMatrix(names: [a, b], columns: 2, values: [1, 2, 3, 4])
        short.names.append("A117_ang_int3_ver1")
        try refusesMatrix(short, line: nil, "the matrix holds 4 values, not 3 names × 2 columns")
    }
}

