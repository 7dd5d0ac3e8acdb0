import BlendCore
import Foundation

/// A seeded random-mutation engine: the same seed gives the same inputs on every machine, so
/// a failure found by `make fuzz` is replayed with its printed seed.
struct FuzzMutator {
    /// The project's one seeded generator (SplitMix64).
    private var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    /// Tokens that reach parser corners: numbers at the edges of Int and Double, quotes,
    /// separators, brackets, numpy's spellings, zip signatures.
    static let dictionary: [[UInt8]] = [
        "9223372036854775807", "-9223372036854775808", "18446744073709551616", "4611686018427387904", "1e308",
        "-1e308", "4.9e-324", "nan", "inf", "-0", "0x10", "\"", "\"\"", ",", "\n", "\r\n", "\r", "\t", " ",
        "(", ")", "[", "]", "{", "}", "'", ":", "True", "False", "None", "'descr'", "'shape'", "'fortran_order'",
        "<f4", "<f8", "<U", "|S", "<U100000000000", "(2, 2)", "_mix_", "_ang_", "_neu_", "_30_70_", "A",
        "_ver1", ".mov", ".MOV", "/", "\\", "\u{FEFF}", "\u{202E}", "\u{0}",
    ].map { Array($0.utf8) } + [
        [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59], [0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x01, 0x02],
        [0x50, 0x4B, 0x05, 0x06], [0x50, 0x4B, 0x06, 0x06], [0xFF, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0],
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], [0xC3, 0x28], [0xEF, 0xBB, 0xBF], [0x80], [0xFF],
    ]

    /// One to eight mutations of `input`: bit flips, random or boundary bytes, inserted tokens,
    /// deleted, duplicated or truncated ranges, and splices from `others`.
    mutating func mutate(_ input: [UInt8], splicing others: [[UInt8]] = []) -> [UInt8] {
        var bytes = input
        for _ in 0...below(8) {
            let at = below(bytes.count + 1)
            let last = max(0, bytes.count - 1)
            switch below(10) {
            case 0 where !bytes.isEmpty:
                bytes[min(at, last)] ^= UInt8(1) << UInt8(below(8))
            case 1 where !bytes.isEmpty:
                bytes[min(at, last)] = [0, 0xFF, 0x7F, 0x80, 0x20, UInt8(below(256))][below(6)]
            case 2, 3:
                bytes.insert(contentsOf: Self.dictionary[below(Self.dictionary.count)], at: at)
            case 4 where !bytes.isEmpty:
                let start = min(at, last)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(64)))
            case 5 where !bytes.isEmpty:
                let start = below(bytes.count)
                let chunk = Array(bytes[start..<min(bytes.count, start + 1 + below(256))])
                for _ in 0...below(4) { bytes.insert(contentsOf: chunk, at: min(at, bytes.count)) }
            case 6 where !bytes.isEmpty:
                bytes.removeSubrange(min(at, bytes.count)..<bytes.count)
            case 7 where !others.isEmpty:
                let other = others[below(others.count)]
                if !other.isEmpty {
                    let start = below(other.count)
                    bytes.insert(contentsOf: other[start..<min(other.count, start + 1 + below(512))], at: at)
                }
            case 8 where bytes.count >= 4:
                // A little-endian 16- or 32-bit field set to an edge value (zip and npy lengths).
                let offset = below(bytes.count - 3)
                let value: UInt32 = [0, 1, 0xFFFF, 0xFFFF_FFFF, 0x7FFF_FFFF, UInt32(truncatingIfNeeded: next())][below(6)]
                for k in 0..<(below(2) == 0 ? 2 : 4) { bytes[offset + k] = UInt8((value >> (8 * UInt32(k))) & 0xFF) }
            default:
                bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
            }
        }
        return bytes
    }
}

/// How long and from which seed the harness runs: a short fixed replay under `swift test`
/// (`make test`), minutes from a fresh seed under `make fuzz`.
struct FuzzPlan {
    let seed: UInt64
    /// Nil: a fixed iteration count per target (the replay).
    let seconds: Double?
    /// Where each input is written before it runs when fuzzing for long, so a crash leaves it.
    let crashDirectory: URL?

    static var current: FuzzPlan {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["BLENDSCOPE_FUZZ_SECONDS"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
        let seed = environment["BLENDSCOPE_FUZZ_SEED"].flatMap { UInt64($0) }
            ?? (seconds == nil ? 20_261_202 : UInt64.random(in: 1...UInt64(UInt32.max)))
        let directory = seconds == nil ? nil : URL(fileURLWithPath: environment["BLENDSCOPE_FUZZ_DIR"] ?? ".build/fuzz")
        return FuzzPlan(seed: seed, seconds: seconds, crashDirectory: directory)
    }
}
