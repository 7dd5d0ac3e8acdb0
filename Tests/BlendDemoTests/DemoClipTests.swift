@testable import BlendDemo
import Foundation
import XCTest
import BlendCore
import BlendMedia

final class DemoClipTests: XCTestCase {
    /// A private folder for this test's clips, removed after it.
    private lazy var scratch: String = {
        let path = NSTemporaryDirectory() + "demo-clip-tests-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }()

    private let angerFear = Label.blend(.ang, 70, .fea)

    /// Mean absolute channel difference.
    private func difference(_ a: RGBImage, _ b: RGBImage) -> Double {
        zip(a.pixels, b.pixels).map { abs(Double($0) - Double($1)) }.reduce(0, +) / Double(a.pixels.count)
    }

    func testDurationsAreTwoToFiveSecondsAndBlendsRunLonger() {
        var singles: [Double] = [], blends: [Double] = []
        for seed in UInt64(0)..<200 {
            let single = DemoClipSpec.suggestedDuration(for: .single(.sad), seed: seed)
            let blend = DemoClipSpec.suggestedDuration(for: angerFear, seed: seed)
            XCTAssertTrue((2...4).contains(single), "\(single)")
            XCTAssertTrue((3...5).contains(blend), "\(blend)")
            singles.append(single)
            blends.append(blend)
        }
        XCTAssertGreaterThan(blends.reduce(0, +) / 200, singles.reduce(0, +) / 200 + 0.5)
        XCTAssertEqual(DemoClipSpec(label: angerFear, seed: 9).duration, DemoClipSpec(label: angerFear, seed: 9).duration)
        XCTAssertEqual(DemoClipSpec(label: angerFear, seed: 9, duration: 2.5).frameCount, 38)
    }

    func testSalienceWeightsTheExpression() {
        let anger = FacePose.apex(of: .single(.ang)), fear = FacePose.apex(of: .single(.fea))
        let mostlyAnger = FacePose.apex(of: angerFear)
        let mostlyFear = FacePose.apex(of: .blend(.ang, 30, .fea))
        XCTAssertLessThan(mostlyAnger.distance(to: anger), mostlyAnger.distance(to: fear))
        XCTAssertLessThan(mostlyFear.distance(to: fear), mostlyFear.distance(to: anger))
        XCTAssertEqual(FacePose.apex(of: .single(.neu)), .neutral)
        // Anger knits the brows down, fear raises them; the 70/30 blend keeps them down.
        XCTAssertLessThan(mostlyAnger.browInner, 0)
        XCTAssertGreaterThan(mostlyFear.browInner, 0)
    }

    func testTheFaceStartsNeutralAndEndsAtTheLabelsApex() {
        for seed in UInt64(0)..<20 {
            let spec = DemoClipSpec(label: angerFear, seed: seed)
            XCTAssertEqual(DemoClipWriter.pose(spec, at: 0), .neutral)
            let end = DemoClipWriter.pose(spec, at: spec.duration)
            XCTAssertLessThan(end.distance(to: .apex(of: angerFear)), 1e-9, "seed \(seed)")
        }
    }

    func testPicturesDependOnSeedAndLabelOnly() {
        let spec = DemoClipSpec(label: angerFear, seed: 3, duration: 3)
        XCTAssertEqual(DemoClipWriter.frame(spec, index: 40), DemoClipWriter.frame(spec, index: 40))
        var other = spec
        other.seed = 4
        XCTAssertNotEqual(DemoClipWriter.frame(spec, index: 0), DemoClipWriter.frame(other, index: 0))
        var happy = spec
        happy.label = .single(.hap)
        XCTAssertGreaterThan(difference(DemoClipWriter.frame(spec, index: 44), DemoClipWriter.frame(happy, index: 44)), 1)
    }

    func testWrittenClipProbesAndDecodesToThePicturesDrawn() throws {
        let spec = DemoClipSpec(label: angerFear, seed: 11, duration: 2.2)
        let path = scratch + "/demo-probe.mov"
        try DemoClipWriter.write(spec, to: path)
        let info = try VideoProbe.info(path: path)
        XCTAssertEqual(info.codec, "mpeg4")
        XCTAssertTrue(info.container.hasPrefix("mov"))
        XCTAssertEqual(info.width, 96)
        XCTAssertEqual(info.height, 96)
        XCTAssertEqual(info.fps, 15)
        XCTAssertEqual(info.frames, spec.frameCount)
        XCTAssertEqual(info.duration, Double(spec.frameCount) / 15, accuracy: 1e-6)
        XCTAssertEqual(info.rotation, 0)

        // MPEG-4 at this size blurs the colour edges a little; another actor differs far more.
        let decoder = try VideoDecoder(path: path)
        var stranger = spec
        stranger.seed = 12
        for index in [0, 17, spec.frameCount - 1] {
            let decoded = try decoder.frame(at: Double(index) / 15)
            XCTAssertLessThan(difference(decoded.image, DemoClipWriter.frame(spec, index: index)), 6, "frame \(index)")
            XCTAssertGreaterThan(difference(decoded.image, DemoClipWriter.frame(stranger, index: index)), 12)
        }
    }

    /// In the encoded clip, a 70/30 anger–fear face at its apex looks more like anger than fear.
    func testMostlyAngerShowsMostlyAnger() throws {
        func apexFrame(_ label: Label) throws -> RGBImage {
            let spec = DemoClipSpec(label: label, seed: 5, duration: 3)
            let path = scratch + "/demo-\(label.short).mov"
            try DemoClipWriter.write(spec, to: path)
            return try VideoDecoder(path: path).frame(at: 3).image
        }
        let blend = try apexFrame(angerFear)
        let anger = try apexFrame(.single(.ang)), fear = try apexFrame(.single(.fea))
        XCTAssertLessThan(difference(blend, anger), difference(blend, fear))
        let reverse = try apexFrame(.blend(.ang, 30, .fea))
        XCTAssertLessThan(difference(reverse, fear), difference(reverse, anger))
    }

    func testClipsCanBeWrittenInParallel() throws {
        let paths = (0..<4).map { scratch + "/parallel-\($0).mov" }
        let failures = LockedCount()
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let spec = DemoClipSpec(label: .single(Emotion.blendable[i]), seed: UInt64(i), duration: 2)
            do { try DemoClipWriter.write(spec, to: paths[i]) } catch { failures.increment() }
        }
        XCTAssertEqual(failures.value, 0)
        for path in paths { XCTAssertEqual(try VideoProbe.info(path: path).frames, 30) }
    }
}

/// A counter several threads may bump.
private final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
