@testable import BlendDemo
import XCTest
@testable import BlendCore

final class DemoCSVTests: XCTestCase {
    let demo = defaultDemo

    func lines(_ text: String) -> [Substring] {
        XCTAssert(text.hasSuffix("\r\n"), "CRLF line ends, like the real files")
        return text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
    }

    func testMetadataHasTheChallengeColumnsAndRows() throws {
        for split in Split.allCases {
            let rows = lines(demo.metadataCSV(split: split))
            XCTAssertEqual(rows[0], "filename,video_id,mix,emotion_1,emotion_2,emotion_1_salience,emotion_2_salience,version,fold")
            let clips = demo.clips.filter { $0.info.split == split }
            XCTAssertEqual(rows.count - 1, clips.count)
            for (row, clip) in zip(rows.dropFirst(), clips) {
                let f = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                XCTAssertEqual(f.count, 9, String(row))
                XCTAssertEqual(f[0], clip.name)
                XCTAssertEqual(f[1], clip.info.actor)
                XCTAssertEqual(f[7], String(clip.version))
                XCTAssertEqual(f[8], clip.info.fold.map(String.init) ?? "")
                let label = clip.info.label
                if label.isBlend {
                    XCTAssertEqual(f[2], "1")
                    let a = try XCTUnwrap(Emotion(code: f[3])), b = try XCTUnwrap(Emotion(code: f[4]))
                    let sa = try XCTUnwrap(Int(f[5])), sb = try XCTUnwrap(Int(f[6]))
                    XCTAssertEqual(sa + sb, 100)
                    XCTAssertEqual(Label.blend(a, sa, b), label, String(row))
                } else {
                    XCTAssertEqual(f[2...6], ["0", label.first.code, "", "", ""], String(row))
                }
            }
        }
    }

    func testMetadataRowsSpellLikeTheRealFiles() {
        let train = demo.metadataCSV(split: .train)
        let single = demo.clips.first { $0.info.split == .train && $0.info.label == .single(.ang) && $0.version == 1 }!
        XCTAssert(train.contains("\r\n\(single.name),\(single.info.actor),0,ang,,,,1,\(single.info.fold!)\r\n"))
        let blend = demo.clips.first { $0.info.split == .train && $0.name.contains("_mix_disg_hap_30_70_ver1") }!
        XCTAssert(train.contains("\r\n\(blend.name),\(blend.info.actor),1,disg,hap,30,70,1,\(blend.info.fold!)\r\n"))
        let test = demo.clips.first { $0.info.split == .test && $0.name.contains("_neu_sit1_ver1") }!
        XCTAssert(demo.metadataCSV(split: .test).contains("\r\n\(test.name),\(test.info.actor),0,neu,,,,1,\r\n"))
        XCTAssert(demo.metadataCSV(split: .test, lineEnding: "\n").hasPrefix("filename,video_id,mix,"))
    }

    func testProbabilitiesHaveSixDecimalsSumToOneAndMatchTheValues() throws {
        for encoder in [0, 5, 11] {
            let rows = lines(demo.probabilitiesCSV(encoder: encoder))
            XCTAssertEqual(rows[0], "filename,ang,disg,fea,hap,sad,neu")
            XCTAssertEqual(rows.count - 1, demo.clips.count)
            let values = demo.probabilities(encoder: encoder)
            for (c, row) in rows.dropFirst().enumerated() {
                let f = row.split(separator: ",")
                XCTAssertEqual(String(f[0]), demo.clips[c].name)
                var sum = 0.0
                for k in 0..<Emotion.count {
                    let text = f[k + 1]
                    XCTAssertEqual(text.count, 8, "0.dddddd: \(text)")
                    let p = try XCTUnwrap(Double(text))
                    XCTAssert(p >= 0 && p <= 1)
                    XCTAssertEqual(p, values[c * Emotion.count + k], "the CSV text holds exactly the in-memory value")
                    sum += p
                }
                XCTAssertEqual(sum, 1, accuracy: 1e-6, String(row))
            }
        }
    }

    func testProbabilitiesCanBeNarrowedToASplit() {
        let test = lines(demo.probabilitiesCSV(encoder: 3, split: .test))
        XCTAssertEqual(test.count - 1, demo.clips.filter { $0.info.split == .test }.count)
        let testNames = demo.clips.filter { $0.info.split == .test }.map(\.name)
        XCTAssertEqual(test.dropFirst().map { String($0.prefix { $0 != "," }) }, testNames)
    }

    func testRoundingKeepsRowsWholeAndMovesNoValueByMoreThanAMillionth() {
        let logits: [Double] = [0.3, -1.2, 2.5, 0.0, -0.7, 1.1]
        let units = DemoRounding.micro(softmaxOf: logits[...])
        XCTAssertEqual(units.reduce(0, +), 1_000_000)
        let weights = logits.map { DemoMath.exponential($0) }
        let total = weights.reduce(0, +)
        for k in logits.indices {
            XCTAssertEqual(Double(units[k]), weights[k] / total * 1e6, accuracy: 1)
        }
        XCTAssertEqual(DemoRounding.decimal(1_000_000), "1.000000")
        XCTAssertEqual(DemoRounding.decimal(40_303), "0.040303")
        XCTAssertEqual(DemoRounding.decimal(0), "0.000000")
    }
}
