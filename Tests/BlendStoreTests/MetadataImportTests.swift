import BlendCore
import BlendTestSupport
import XCTest
@testable import BlendStore

final class MetadataImportTests: XCTestCase {

    /// A project holding the public set's metadata and its face encoder, so that a refused
    /// import has real content to leave untouched.

    func testImportsThePublicSet() throws {
        let project = try TestProject(self)
        let train = try project.store.importMetadata(from: Fixtures.publicFile("train_metadata.csv"))
        XCTAssertEqual(train.rows, 478)
        XCTAssertEqual(train.added, 478)
        XCTAssertEqual(train.train, 478)
        XCTAssertEqual(train.test, 0)
        XCTAssertEqual(train.folds.reduce(0, +), 478)
        let test = try project.store.importMetadata(from: Fixtures.publicFile("test_metadata.csv"), split: .test)
        XCTAssertEqual(test.test, 161)
        XCTAssertEqual(test.folds, [0, 0, 0, 0, 0])

        let clips = try project.store.clips()
        XCTAssertEqual(clips.count, 639)
        let blend = try XCTUnwrap(clips.first { $0.name == "A117_mix_ang_disg_30_70_ver1" })
        XCTAssertEqual(blend, ClipInfo(name: "A117_mix_ang_disg_30_70_ver1", actor: "A117", split: .train, fold: 0,
                                       label: .blend(.disg, 70, .ang)))
        XCTAssertEqual(clips.first { $0.name == "A470_ang_int1_ver1" }?.split, .test)
        XCTAssertNil(clips.first { $0.name == "A470_ang_int1_ver1" }?.fold)
    }

    func testReimportingIsHarmless() throws {
        let project = try TestProject(self)
        try project.store.importMetadata(from: Fixtures.publicFile("train_metadata.csv"))
        let before = try project.store.contentSnapshot()
        let again = try project.store.importMetadata(from: Fixtures.publicFile("train_metadata.csv"))
        XCTAssertEqual(again.added, 0)
        XCTAssertEqual(again.unchanged, 478)
        XCTAssertEqual(try project.store.contentSnapshot(), before)
    }

    func testSplitInferenceAndOptionalColumns() throws {
        let project = try TestProject(self)
        // No label columns, `fold` in a different place, a float fold as pandas writes it, and
        // the test conventions: empty, -1, a missing trailing field is not allowed but empty is.
        let url = try project.file("m.csv", """
            fold,filename
            2.0,A1_hap_int1_ver1.mov
            ,A2_neu_sit1_ver1
            -1,A2_mix_ang_sad_50_50_ver1

            """)
        let summary = try project.store.importMetadata(from: url)
        XCTAssertEqual(summary.train, 1)
        XCTAssertEqual(summary.test, 2)
        XCTAssertEqual(summary.folds, [0, 0, 1, 0, 0])
        XCTAssertEqual(summary.actors, 2)
        XCTAssertEqual(try project.store.clips(), [
            ClipInfo(name: "A1_hap_int1_ver1", actor: "A1", split: .train, fold: 2, label: .single(.hap)),
            ClipInfo(name: "A2_neu_sit1_ver1", actor: "A2", split: .test, fold: nil, label: .single(.neu)),
            ClipInfo(name: "A2_mix_ang_sad_50_50_ver1", actor: "A2", split: .test, fold: nil, label: .blend(.ang, 50, .sad)),
        ])
    }

    func testNoFoldColumnMeansTest() throws {
        let project = try TestProject(self)
        let url = try project.file("m.csv", "filename\nA1_hap_int1_ver1\n")
        XCTAssertEqual(try project.store.importMetadata(from: url).test, 1)
    }

    func testForcedSplitContradictions() throws {
        let project = try TestProject.small(self)
        try assertMetadataRowsRefused(project, [(["A900_ang_int1_ver1,A900,0,ang,,,,1,3"],
                                                 "fold 3 given for a test clip (test clips leave it empty or -1)")], split: .test)
        try assertMetadataRowsRefused(project, [(["A900_ang_int1_ver1,A900,0,ang,,,,1,1", "A900_ang_int2_ver1,A900,0,ang,,,,1,"],
                                                 "training clip without a fold (expected 0–4)")], split: .train)
        try assertMetadataRefused(project, "nf.csv", "filename\nA900_ang_int1_ver1\n", split: .train, line: 1,
                                  "missing column 'fold' (training clips need their fold)")
    }

    // MARK: - Bad input: each refused with its message, the store unchanged.

    func testMissingColumns() throws {
        let project = try TestProject.small(self)
        try assertMetadataRefused(project, "a.csv", "filename,mix,emotion_1,emotion_1_salience,emotion_2_salience,fold\nA900_ang_int1_ver1,0,ang,,,1\n", line: 1,
                                  "missing column 'emotion_2' (the label columns mix, emotion_1, emotion_2, emotion_1_salience, emotion_2_salience come together)")
        try assertMetadataRefused(project, "b.csv", "video_id,fold\nA900,1\n", line: 1, "missing column 'filename'")
    }

    func testExtraColumn() throws {
        let project = try TestProject.small(self)
        try assertMetadataRefused(project, "m.csv", "filename,fold,comment\nA900_ang_int1_ver1,1,nice\n", line: 1,
                                  "unexpected column 'comment' (expected filename, video_id, mix, emotion_1, emotion_2, emotion_1_salience, emotion_2_salience, version, fold)")
    }

    func testUnknownClassNames() throws {
        try assertMetadataRowsRefused(TestProject.small(self), [
            (["A900_ang_int1_ver1,A900,0,ang,,,,1,1", "A900_joy_int1_ver1,A900,0,ang,,,,1,1"],
             "'A900_joy_int1_ver1': unknown emotion 'joy' (expected one of ang, disg, fea, hap, sad, neu)"),
            (["A900_mix_ang_hap_50_50_ver1,A900,1,ang,joy,50,50,1,1"],
             "unknown emotion 'joy' in column 'emotion_2' (expected one of ang, disg, fea, hap, sad, neu)"),
        ])
    }

    func testMalformedValues() throws {
        try assertMetadataRowsRefused(TestProject.small(self), [
            (["A900_ang_int1_ver1,A900,0,ang,,,,1,one"], "malformed fold 'one' (expected 0–4, or empty or -1 for a test clip)"),
            (["A900_ang_int1_ver1,A900,2,ang,,,,1,1"], "malformed mix '2' (expected 0 or 1)"),
            (["A900_mix_ang_hap_50_50_ver1,A900,1,ang,hap,fifty,50,1,1"],
             "blend saliences must be 50/50, 70/30 or 30/70, got 'fifty'/'50'"),
        ])
    }

    func testFoldOutsideRange() throws {
        try assertMetadataRowsRefused(TestProject.small(self), [
            (["A900_ang_int1_ver1,A900,0,ang,,,,1,5"], "fold 5 outside 0–4 (test clips leave it empty or -1)"),
        ])
    }

    func testDuplicateFilename() throws {
        try assertMetadataRowsRefused(TestProject.small(self), [
            (["A900_ang_int1_ver1,A900,0,ang,,,,1,1", "A900_ang_int2_ver1,A900,0,ang,,,,1,1", "A900_ang_int1_ver1.mov,A900,0,ang,,,,1,1"],
             "duplicate filename 'A900_ang_int1_ver1' (first on line 2)"),
        ])
    }

    func testLabelContradictingTheFileName() throws {
        try assertMetadataRowsRefused(TestProject.small(self), [
            (["A900_mix_ang_hap_70_30_ver1,A900,1,ang,hap,30,70,1,1"],
             "label ang:30;hap:70 in the label columns contradicts the file name's ang:70;hap:30"),
            (["A900_sad_int1_ver1,A900,0,fea,,,,1,1"], "label fea:100 in the label columns contradicts the file name's sad:100"),
        ])
    }

    func testEmptyFile() throws {
        let project = try TestProject.small(self)
        try assertMetadataRefused(project, "m.csv", "", line: nil, "empty file (expected a header line)")
        try assertMetadataRefused(project, "h.csv", MetadataCSV.header, line: nil, "no data rows after the header")
    }

    func testWrongNumberOfFields() throws {
        try assertMetadataRowsRefused(TestProject.small(self), [
            (["A900_ang_int1_ver1,A900,0,ang,,,,1,1", "A900_ang_int2_ver1,A900,0,ang,,,1,1"], "8 fields, expected 9 as in the header"),
        ])
    }

    func testChangingAnExistingClip() throws {
        // Fine on its own, but A117's clip is in fold 0 in the project.
        try assertMetadataRowsRefused(TestProject.small(self), [
            (["A900_ang_int1_ver1,A900,0,ang,,,,1,1", "A117_ang_int1_ver1,A117,0,ang,,,,1,3"],
             "'A117_ang_int1_ver1' is already in the project as train fold 0 with label ang:100; this row says train fold 3 with label ang:100"),
        ])
    }

    func testMissingFileIsAnInputError() throws {
        let project = try TestProject.small(self)
        let url = project.directory.appendingPathComponent("nope.csv")
        XCTAssertThrowsError(try project.store.importMetadata(from: url)) { error in
            XCTAssertEqual((error as? InputError)?.line, nil)
            XCTAssertTrue("\(error)".hasPrefix("\(url.relativePath): cannot read the file"), "\(error)")
        }
    }
}
