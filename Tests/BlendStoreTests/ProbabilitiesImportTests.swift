import BlendCore
import XCTest
@testable import BlendStore

final class ProbabilitiesImportTests: XCTestCase {
    private let header = "filename,ang,disg,fea,hap,sad,neu\n"


    /// The file's numbers as `Double(String)` reads them, by clip name.
    private func fileNumbers(_ name: String) throws -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        for line in try Fixtures.text(name).split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            result[fields[0]] = fields.dropFirst().map { Double($0)! }
        }
        return result
    }

    func testRoundTripIsExact() throws {
        let project = try TestProject.publicSet(self)
        let summary = try project.store.importProbabilities(from: Fixtures.publicFile("probs_audio.csv"), encoder: "audio",
                                                            modality: .audio)
        XCTAssertEqual(summary, ProbabilitiesImportSummary(file: Fixtures.publicFile("probs_audio.csv").relativePath,
                                                           encoder: "audio", rows: 639, train: 478, test: 161,
                                                           missing: 0, replaced: 0, normalized: false, created: 0))
        for encoder in ["face", "audio"] {
            let expected = try fileNumbers("probs_\(encoder).csv")
            let scored = try project.store.scoredClips(encoder: encoder)
            XCTAssertEqual(scored.count, 639)
            for i in 0..<scored.count {
                let p = Array(scored.probabilities(of: i))
                XCTAssertEqual(p.map(\.bitPattern), expected[scored.clips[i].name]!.map(\.bitPattern), scored.clips[i].name)
            }
        }
        let table = try project.store.allProbabilities()
        XCTAssertEqual(table.encoders, ["face", "audio"])
        XCTAssertEqual(table.clips, try project.store.clips())
        let audio = table.scoredClips(encoder: table.index(of: "audio")!)
        XCTAssertEqual(audio.clips, try project.store.scoredClips(encoder: "audio").clips)
        XCTAssertEqual(audio.probabilities, try project.store.scoredClips(encoder: "audio").probabilities)

        let encoders = try project.store.encoders()
        XCTAssertEqual(encoders.map(\.name), ["face", "audio"])
        XCTAssertEqual(encoders.map(\.modality), [.unknown, .audio])
        XCTAssertEqual(encoders.map(\.source), [.imported, .imported])
        XCTAssertEqual(encoders.map(\.probabilityCount), [639, 639])
        XCTAssertEqual(encoders.map(\.featureDimension), [nil, nil])
    }

    /// The stored numbers reproduce the challenge's own metrics (expected.json) to 1e-12.
    func testStoredProbabilitiesReproduceTheChallengesMetrics() throws {
        let project = try TestProject.publicSet(self)
        try project.store.importProbabilities(from: Fixtures.publicFile("probs_audio.csv"), encoder: "audio")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.publicFile("expected.json"))) as! [String: Any]
        for encoder in ["face", "audio"] {
            let scored = try project.store.scoredClips(encoder: encoder)
            let points = (json[encoder] as! [String: Any])["points"] as! [[String: Double]]
            XCTAssertFalse(points.isEmpty)
            for point in points {
                let m = scored.evaluate(Thresholds(alpha: point["alpha"]!, beta: point["beta"]!))
                XCTAssertEqual(m.accPresence, point["acc_presence"]!, accuracy: 1e-12)
                XCTAssertEqual(m.accSalience, point["acc_salience"]!, accuracy: 1e-12)
            }
        }
    }

    func testColumnsInAnyOrderAndPartialCoverage() throws {
        let project = try TestProject.small(self)
        let url = try project.file("p.csv", """
            neu,filename,sad,hap,fea,disg,ang
            0.5,A117_ang_int1_ver1.mov,0.1,0.1,0.1,0.1,0.1
            "0.0",A470_ang_int1_ver1,0,0,0,0,1

            """)
        let summary = try project.store.importProbabilities(from: url, encoder: "tiny")
        XCTAssertEqual(summary.rows, 2)
        XCTAssertEqual(summary.train, 1)
        XCTAssertEqual(summary.test, 1)
        XCTAssertEqual(summary.missing, 58)
        let scored = try project.store.scoredClips(encoder: "tiny")
        XCTAssertEqual(scored.clips.map(\.name), ["A117_ang_int1_ver1", "A470_ang_int1_ver1"])
        XCTAssertEqual(scored.probabilities, [0.1, 0.1, 0.1, 0.1, 0.1, 0.5, 1, 0, 0, 0, 0, 0])
        let table = try project.store.allProbabilities()
        let e = try XCTUnwrap(table.index(of: "tiny"))
        XCTAssertEqual(table.present[e].filter { $0 }.count, 2)
    }

    func testNormalizeDividesByTheSum() throws {
        let project = try TestProject.small(self)
        let url = try project.file("p.csv", header + "A117_ang_int1_ver1,2,1,1,0,0,0\n")
        let summary = try project.store.importProbabilities(from: url, encoder: "logits", normalize: true)
        XCTAssertTrue(summary.normalized)
        XCTAssertEqual(try project.store.scoredClips(encoder: "logits").probabilities, [0.5, 0.25, 0.25, 0, 0, 0])
    }

    func testReplaceSwapsAllRows() throws {
        let project = try TestProject.small(self)
        let url = try project.file("p.csv", header + "A117_ang_int1_ver1,0,0,0,0,0,1\n")
        try assertRefused(project.store, file: url, line: nil,
                          "encoder 'face' already has probabilities for 60 clips (give --replace to overwrite them)") {
            try project.store.importProbabilities(from: url, encoder: "face")
        }
        let summary = try project.store.importProbabilities(from: url, encoder: "face", replace: true)
        XCTAssertEqual(summary.replaced, 60)
        XCTAssertEqual(try project.store.scoredClips(encoder: "face").count, 1)
        XCTAssertEqual(try project.store.encoders().count, 1)
    }

    func testUnknownEncoderIsAnError() throws {
        let project = try TestProject.small(self)
        XCTAssertThrowsError(try project.store.scoredClips(encoder: "nope")) {
            XCTAssertEqual($0 as? StoreError, .unknownEncoder("nope"))
        }
        let url = try project.file("p.csv", header + "A117_ang_int1_ver1,0,0,0,0,0,1\n")
        XCTAssertThrowsError(try project.store.importProbabilities(from: url, encoder: "  ")) {
            XCTAssertEqual($0 as? StoreError, .invalid("an encoder needs a non-empty name"))
        }
    }

    // MARK: - Bad input: each refused with its message, the store unchanged.

    private func refuses(_ text: String, line: Int?, _ message: String, normalize: Bool = false,
                         file: StaticString = #filePath, sourceLine: UInt = #line) throws {
        let project = try TestProject.small(self)
        let url = try project.file("bad.csv", text)
        try assertRefused(project.store, file: url, line: line, message,
                          { try project.store.importProbabilities(from: url, encoder: "new", normalize: normalize) },
                          sourceFile: file, sourceLine: sourceLine)
    }

    private let good = "A117_ang_int1_ver1,0.5,0.1,0.1,0.1,0.1,0.1\n"

    func testMissingColumn() throws {
        try refuses("filename,ang,disg,fea,hap,sad\nA117_ang_int1_ver1,0.5,0.1,0.1,0.2,0.2\n", line: 1, "missing column 'neu'")
        try refuses("ang,disg,fea,hap,sad,neu\n0.5,0.1,0.1,0.1,0.1,0.1\n", line: 1, "missing column 'filename'")
    }

    func testExtraOrUnknownClassColumn() throws {
        try refuses("filename,ang,disg,fea,hap,sad,neu,sur\n" + "A117_ang_int1_ver1,0.5,0.1,0.1,0.1,0.1,0.1,0\n", line: 1,
                    "unexpected column 'sur' (expected filename, ang, disg, fea, hap, sad, neu)")
        try refuses("filename,anger,disg,fea,hap,sad,neu\n" + good, line: 1,
                    "unexpected column 'anger' (expected filename, ang, disg, fea, hap, sad, neu)")
    }

    func testMalformedNumber() throws {
        try refuses(header + good + "A117_ang_int2_ver1,0.5,0.1x,0.1,0.1,0.1,0.1\n", line: 3,
                    "malformed number '0.1x' in column 'disg'")
        try refuses(header + "A117_ang_int2_ver1,0.5,,0.1,0.1,0.1,0.1\n", line: 2, "empty value in column 'disg'")
    }

    func testNaNAndInfinity() throws {
        try refuses(header + "A117_ang_int2_ver1,0.5,0.1,nan,0.1,0.1,0.1\n", line: 2, "not a finite number: 'nan' in column 'fea'")
        try refuses(header + "A117_ang_int2_ver1,0.5,0.1,0.1,0.1,0.1,-inf\n", line: 2, "not a finite number: '-inf' in column 'neu'")
        try refuses(header + "A117_ang_int2_ver1,0.5,0.1,0.1,1e400,0.1,0.1\n", line: 2, "not a finite number: '1e400' in column 'hap'")
    }

    func testNegativeProbability() throws {
        try refuses(header + "A117_ang_int2_ver1,0.7,0.1,0.1,0.1,-0.1,0.1\n", line: 2, "negative probability -0.1 in column 'sad'")
        try refuses(header + "A117_ang_int2_ver1,0.7,0.1,0.1,0.1,-0.1,0.1\n", line: 2, "negative probability -0.1 in column 'sad'",
                    normalize: true)
    }

    func testRowSumOffByMoreThanTheTolerance() throws {
        try refuses(header + good + "A117_ang_int2_ver1,0.5,0.1,0.1,0.1,0.1,0.1011\n", line: 3,
                    "probabilities sum to 1.001100, more than 0.001 away from 1 (import with normalize to rescale)")
        try refuses(header + "A117_ang_int2_ver1,0,0,0,0,0,0\n", line: 2, "probabilities sum to 0 and cannot be normalised",
                    normalize: true)
        // Within the tolerance the numbers are kept as written.
        let project = try TestProject.small(self)
        let url = try project.file("p.csv", header + "A117_ang_int2_ver1,0.5,0.1,0.1,0.1,0.1,0.1009\n")
        try project.store.importProbabilities(from: url, encoder: "close")
        XCTAssertEqual(try project.store.scoredClips(encoder: "close").probabilities.last, 0.1009)
    }

    func testFilenameNotInTheMetadata() throws {
        try refuses(header + good + "A999_ang_int2_ver1,0.5,0.1,0.1,0.1,0.1,0.1\n", line: 3,
                    "'A999_ang_int2_ver1' is not in the project's metadata (import its metadata first)")
    }

    func testDuplicateFilename() throws {
        try refuses(header + good + "A117_ang_int1_ver1.mov,0.5,0.1,0.1,0.1,0.1,0.1\n", line: 3,
                    "duplicate filename 'A117_ang_int1_ver1' (first on line 2)")
    }

    func testEmptyFile() throws {
        try refuses("", line: nil, "empty file (expected a header line)")
        try refuses("\r\n", line: nil, "empty file (expected a header line)")
    }

    func testWrongNumberOfFields() throws {
        try refuses(header + good + "A117_ang_int2_ver1,0.5,0.1,0.1,0.1,0.1,0.1,0\n", line: 3, "8 fields, expected 7 as in the header")
        try refuses(header + "A117_ang_int2_ver1,0.5,0.1,0.1,0.1,0.1\n", line: 2, "6 fields, expected 7 as in the header")
    }

    func testCRLFAndBOMFilesImport() throws {
        let project = try TestProject.small(self)
        let text = "\u{FEFF}" + (header + good).replacingOccurrences(of: "\n", with: "\r\n")
        let url = try project.file("p.csv", text)
        XCTAssertEqual(try project.store.importProbabilities(from: url, encoder: "windows").rows, 1)
    }
}
