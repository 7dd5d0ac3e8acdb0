import BlendCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import BlendStore

/// Seeded random mutation over every parser a user's file reaches: CSV (and the importers'
/// row checks), `.npy`, the header literal, `.npz`, clip names and the project opener. Each
/// input must be accepted or refused with an error, never crash, hang or take 5 s.
///
/// Under `swift test` it replays a fixed seed for a few thousand inputs (a few seconds);
/// `make fuzz` sets BLENDSCOPE_FUZZ_SECONDS (per target) and a fresh seed, printed, which
/// BLENDSCOPE_FUZZ_SEED replays. While fuzzing for long, each input is written to
/// BLENDSCOPE_FUZZ_DIR/TARGET.current before it runs, so a crash leaves its input behind.
final class FuzzTests: XCTestCase {
    private let plan = FuzzPlan.current

    private func fuzz(_ target: String, seeds: [[UInt8]], replay iterations: Int, _ body: ([UInt8]) throws -> Void) throws {
        XCTAssertFalse(seeds.isEmpty)
        // Each target draws from its own stream, so adding a target does not change the others.
        let salt = target.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        var mutator = FuzzMutator(seed: plan.seed ^ salt)
        let deadline = plan.seconds.map { Date().addingTimeInterval($0) }
        // One descriptor rewritten in place: a file per input through Foundation costs more than most parsers.
        var keeper: Int32 = -1
        if let directory = plan.crashDirectory {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            keeper = open(directory.appendingPathComponent("\(target).current").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        defer { if keeper >= 0 { close(keeper) } }
        print("fuzz \(target): seed \(plan.seed)" + (plan.seconds.map { ", \($0) s" } ?? ", \(iterations) inputs"))
        var count = 0
        var previous = seeds[0]
        var slowest = 0.0
        while deadline.map({ Date() < $0 }) ?? (count < iterations) {
            // Mostly a fresh mutation of a seed; sometimes a further one of the last input.
            let base = mutator.below(4) == 0 ? previous : seeds[mutator.below(seeds.count)]
            let input = mutator.mutate(base, splicing: seeds)
            if keeper >= 0 {
                _ = input.withUnsafeBytes { pwrite(keeper, $0.baseAddress, $0.count, 0) }
                _ = ftruncate(keeper, off_t(input.count))
            }
            let start = Date()
            try body(input)
            let seconds = Date().timeIntervalSince(start)
            slowest = max(slowest, seconds)
            XCTAssertLessThan(seconds, 5, "\(target) input \(count) of seed \(plan.seed) took \(seconds) s")
            previous = input.count > 1 << 20 ? base : input
            count += 1
        }
        print("fuzz \(target): \(count) inputs from seed \(plan.seed), none crashed; slowest \(String(format: "%.3f", slowest)) s")
    }

    // MARK: Targets

    func testCSVReaderAndImporters() throws {
        var seeds = try ["train_metadata.csv", "test_metadata.csv", "probs_face.csv"].map {
            Array(try Data(contentsOf: Fixtures.publicFile($0)).prefix(1_500))
        }
        seeds.append(Array("filename,f0,f1\nA102_ang_int1_ver1,0.5,-1e3\n\"A303_neu_sit2_ver1\",1,2\n".utf8))
        seeds.append(Array("\u{FEFF}a,\"b\"\"c\",\"d\ne\"\r\n1,2,3\r4,5,6".utf8))
        let tight = CSVLimits(recordBytes: 512, fieldBytes: 64, columns: 12)
        try fuzz("csv", seeds: seeds, replay: 6_000) { bytes in
            _ = try? CSVReader.records(bytes, file: "f.csv", limits: tight)
            guard let table = try? CSVTable(bytes: bytes, file: "f.csv") else { return }
            _ = try? MetadataImport.parse(table, split: nil)
            _ = try? ProbabilitiesImport.parse(table, normalize: bytes.count % 2 == 0)
            _ = try? FeaturesCSV.read(table)
        }
    }

    func testNPYReader() throws {
        let names = ["matrix_v1.npy", "matrix_v2.npy", "matrix_v3.npy", "names.npy", "names_unicode.npy", "vector_f64.npy",
                     "structured.npy", "fortran_order.npy"]
        let seeds = try names.map { Array(try FeatureFixtures.data($0)) }
        try fuzz("npy", seeds: seeds, replay: 8_000) { bytes in
            _ = try? NPYReader.read(Data(bytes), file: "f.npy")
        }
    }

    func testNPYHeaderLiteral() throws {
        let seeds = [
            "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }",
            "{'descr': [('a', '<f4'), ('b', '<U3')], 'fortran_order': True, 'shape': (3L,), }",
            "{\"descr\": \"|S4\", 'shape': (), 'fortran_order': None, 'x': [[1, 2], {3: -4}]}",
        ].map { Array($0.utf8) }
        try fuzz("literal", seeds: seeds, replay: 10_000) { bytes in
            _ = try? PythonLiteral.parse(String(decoding: bytes, as: UTF8.self))
        }
    }

    func testNPZArchive() throws {
        let names = ["savez_f32.npz", "savez_compressed_f64.npz", "savez_extra_entries.npz", "savez_1d_names_as_bytes.npz"]
        let seeds = try names.map { Array(try FeatureFixtures.data($0)) }
        let scratch = try FeatureScratchDirectory()
        let url = scratch.url.appendingPathComponent("f.npz")
        try fuzz("npz", seeds: seeds, replay: 2_000) { bytes in
            try Data(bytes).write(to: url)
            _ = try? FeatureFileReader.read(url: url)
            if let archive = try? NPZArchive(url: url) {
                for name in archive.arrayNames { _ = try? archive.array(named: name) }
            }
        }
    }

    func testClipNames() throws {
        let metadata = try Fixtures.text("train_metadata.csv")
        let seeds = metadata.split(separator: "\n").dropFirst().prefix(60).compactMap { $0.split(separator: ",").first }
            .map { Array($0.utf8) } + [Array("clips\\A438_mix_disg_hap_30_70_ver1.Mov".utf8)]
        try fuzz("clipname", seeds: seeds, replay: 10_000) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            _ = ClipName.stem(of: text)
            _ = try? ClipName(text)
        }
    }

    func testProjectOpener() throws {
        let scratch = try FeatureScratchDirectory()
        let seedURL = scratch.url.appendingPathComponent("seed.sqlite")
        let rows = try Fixtures.text("train_metadata.csv").split(separator: "\n").prefix(12).joined(separator: "\n") + "\n"
        let metadata = try scratch.write(Data(rows.utf8), as: "meta.csv")
        do {
            // Scoped: the store closes (and checkpoints its WAL into the file) before it is read.
            let store = try ProjectStore(at: seedURL)
            try store.importMetadata(from: metadata)
        }
        let seed = Array(try Data(contentsOf: seedURL))
        var run = 0
        try fuzz("project", seeds: [seed], replay: 150) { bytes in
            run += 1
            let url = scratch.url.appendingPathComponent("p\(run).sqlite")
            try Data(bytes).write(to: url)
            if let store = try? ProjectStore(at: url, create: false) { _ = try? store.contentSnapshot() }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
        }
    }
}
