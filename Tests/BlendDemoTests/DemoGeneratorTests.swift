@testable import BlendDemo
import XCTest
@testable import BlendCore

final class DemoGeneratorTests: XCTestCase {
    func testSameSeedGivesIdenticalOutput() {
        let again = DemoGenerator(seed: 2026).generate()
        XCTAssertEqual(again.clips, defaultDemo.clips)
        XCTAssertEqual(again.shippedUnits, defaultDemo.shippedUnits)
        XCTAssertEqual(again.metadataCSV(split: .train), defaultDemo.metadataCSV(split: .train))
        XCTAssertEqual(again.probabilitiesCSV(encoder: 7), defaultDemo.probabilitiesCSV(encoder: 7))
        XCTAssertEqual(again.features(encoder: 0), defaultDemo.features(encoder: 0))
    }

    func testDifferentSeedsDiffer() {
        let other = DemoGenerator(seed: 2027).generate()
        XCTAssertNotEqual(other.clips.map(\.name), defaultDemo.clips.map(\.name))
        XCTAssertNotEqual(other.shippedUnits[0], defaultDemo.shippedUnits[0])
        XCTAssertEqual(other.encoders, defaultDemo.encoders, "the seed changes the data, not the encoders")
    }

    /// The bundled demo must not change by accident: a different digest means every user's
    /// demo project changes too. If the change is meant (a retuned table, a new world
    /// parameter), update the digest together with the numbers in the encoder table's comment.
    func testDefaultDemoIsStable() {
        var text = defaultDemo.metadataCSV(split: .train) + defaultDemo.metadataCSV(split: .test)
        for e in defaultDemo.encoders.indices { text += defaultDemo.probabilitiesCSV(encoder: e) }
        XCTAssertEqual(fnv1a(text), Self.defaultDigest, String(fnv1a(text), radix: 16))
    }

    static let defaultDigest: UInt64 = 0xA913_A992_1F84_7CD5

    func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    func testEncodersAreTheReferenceTwelve() {
        let encoders = defaultDemo.encoders
        XCTAssertEqual(encoders.count, 12)
        XCTAssertEqual(Set(encoders.map(\.name)).count, 12)
        XCTAssert(encoders.allSatisfy { !$0.name.contains(" ") })
        let byName = Dictionary(uniqueKeysWithValues: encoders.map { ($0.referenceName, $0) })
        XCTAssertEqual(byName["S4D-ViTMoE (face)"]?.modality, .video)
        XCTAssertEqual(byName["Gemini Embedding 2.0 (2 s)"]?.modality, .audioVisual)
        XCTAssertEqual(byName["Wav2Vec2 frozen L6-12 + MLP-1024"]?.modality, .audio)
        XCTAssertEqual(byName["HiCMAE"]?.origin, .baseline)
        XCTAssertEqual(byName["VideoMAE (body ft)"]?.origin, .adapted)
        XCTAssertEqual(encoders.filter { $0.origin == .adapted }.count, 5)
        XCTAssertEqual(encoders.filter(\.targetIsPublished).count, 8)
        XCTAssertEqual(defaultDemo.encoderIndex(named: "WavLM"), 7)
        XCTAssertNil(defaultDemo.encoderIndex(named: "HuBERT"))
    }
}
